/**
 * The database schema: reference data (regions, institutions, categories, holidays), reports, attachments and the
 * append-only, per-report hash-chained event log. drizzle-kit generates the SQL migrations from this file.
 */
import {
  DECREE_KINDS,
  HOLIDAY_KINDS,
  REPORT_LIMITS,
  REPORT_STATUSES,
  REPORT_TYPES,
  TIME_ZONES,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { integrationApps } from './integration-schema';
import { PROGRAM_LEVELS, programs } from './programs-schema';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
/** A CHECK's `between` from core's limits (a literal in the DDL, not a parameter). */
const between = (min: number, max: number) => sql.raw(`between ${min} and ${max}`);

/** Kemendagri regions: level 1 province, 2 regency/city, 3 district, 4 village. */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: smallint('level').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    provinceCode: text('province_code').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    index('regions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    check('regions_level_check', sql`${t.level} between 1 and 4`),
  ],
);

export const INSTITUTION_KINDS = [
  'ministry',
  'agency',
  'provincial_government',
  'regency_government',
  'soe',
  'other',
  'unit',
] as const;

/** Institutions and their units: a tree of any depth; `path` holds the ids from the root down to the node itself. */
export const institutions = pgTable(
  'institutions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => institutions.id),
    path: integer('path').array().notNull(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    acronym: text('acronym'),
    regionCode: text('region_code').references(() => regions.code),
    timeZone: text('time_zone').notNull(),
    active: boolean('active').notNull().default(true),
    skNumber: text('sk_number'),
    skDate: date('sk_date'),
    settings: jsonb('settings').notNull().default({}),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('institutions_parent_idx').on(t.parentId),
    index('institutions_path_idx').using('gin', t.path),
    index('institutions_region_idx').on(t.regionCode),
    index('institutions_name_trgm_idx').using('gin', sql`${t.name} gin_trgm_ops`),
    check('institutions_kind_check', sql`${t.kind} in (${inList(INSTITUTION_KINDS)})`),
    check('institutions_tz_check', sql`${t.timeZone} in (${inList(TIME_ZONES)})`),
  ],
);

/** Category tree (topic → subtopic) with routing rule and default complexity class. */
export const categories = pgTable(
  'categories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    defaultComplexity: text('default_complexity'),
    routing: jsonb('routing'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

/** Days off: national holidays, cuti bersama, separately decreed days, and regional holidays. */
export const holidays = pgTable(
  'holidays',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    regionCode: text('region_code').references(() => regions.code),
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('holidays_day_uq').on(t.date, t.kind, sql`coalesce(${t.regionCode}, '')`),
    check('holidays_kind_check', sql`${t.kind} in (${inList(HOLIDAY_KINDS)})`),
    check('holidays_region_check', sql`(${t.kind} = 'regional') = (${t.regionCode} is not null)`),
  ],
);

/**
 * The decrees the holidays come from (holiday files' `sources`): a year with an `annual` one (its SKB 3 Menteri) is
 * decreed; any other year is provisional (core provisional.ts). Seeded from the shipped files, entered by the
 * national admin with a year's decree.
 */
export const holidayDecrees = pgTable(
  'holiday_decrees',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    year: integer('year').notNull(),
    ref: text('ref').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('holiday_decrees_year_ref_uq').on(t.year, t.ref),
    check('holiday_decrees_kind_check', sql`${t.kind} in (${inList(DECREE_KINDS)})`),
  ],
);

/** Reports: the row is a projection of the report's events; `lifecycle` holds the core's stage-clock state. */
export const reports = pgTable(
  'reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    trackingId: text('tracking_id').notNull().unique(),
    parentReportId: bigint('parent_report_id', { mode: 'number' }).references((): AnyPgColumn => reports.id),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    incidentDate: date('incident_date', { mode: 'string' }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    address: text('address'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id),
    requestedInstitutionId: integer('requested_institution_id').references(() => institutions.id),
    /** The institution (or unit) holding the report now; null = the national queue. */
    institutionId: integer('institution_id').references(() => institutions.id),
    status: text('status').notNull(),
    dueAt: tstz('due_at'),
    lifecycle: jsonb('lifecycle').notNull(),
    isAnonymous: boolean('is_anonymous').notNull(),
    isConfidential: boolean('is_confidential').notNull(),
    channel: text('channel').notNull(),
    language: text('language').notNull(),
    reporterAccountId: text('reporter_account_id'),
    /** Reporter identity and contact, AES-256-GCM encrypted with the application key (domain.md §7). */
    reporterSealed: text('reporter_sealed'),
    accessCodeHash: text('access_code_hash'),
    /** The regional app that filed the report through the integration API (issue 12), and its own id for it. */
    integrationAppId: text('integration_app_id').references(() => integrationApps.id),
    externalRef: text('external_ref'),
    /**
     * Federation (ADR 0013): the peer that handles this report when another instance does (this copy is then a
     * mirror that only that peer's events change), the peer it was filed at when not here (its reporter's identity
     * and contact stay there), the peers that hold a copy (the writer sends them every event), and whether this copy
     * is a statistics copy without the report's text.
     */
    handledAt: text('handled_at'),
    origin: text('origin'),
    copies: text('copies').array().notNull().default(sql`'{}'::text[]`),
    contentWithheld: boolean('content_withheld').notNull().default(false),
    /** A legacy app's report brought in by `pintu import` (issue 15): the app and its own id, unique together. */
    legacySource: text('legacy_source'),
    legacyId: text('legacy_id'),
    /**
     * A program's grievance (issue 15): the program, the level that holds it now and that level's deadline, the
     * program's own category and extra fields, and the reporter's gender where given (programs report
     * sex-disaggregated figures; it is never shown per report outside the handlers).
     */
    programId: integer('program_id').references(() => programs.id),
    programLevel: text('program_level'),
    programLevelDueAt: tstz('program_level_due_at'),
    programCategory: text('program_category'),
    programFields: jsonb('program_fields'),
    reporterGender: text('reporter_gender'),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    /**
     * Moderation (docs/abuse.md), projected from the lifecycle state the core wrote: `pending` reports make the
     * national admin's queue; `moderation_hidden` ones are left out of every public read.
     */
    moderationStatus: text('moderation_status').generatedAlwaysAs(
      (): SQL => sql`${reports.lifecycle} #>> '{moderation,status}'`,
    ),
    moderationHidden: boolean('moderation_hidden')
      .notNull()
      .generatedAlwaysAs(
        (): SQL => sql`coalesce((${reports.lifecycle} #>> '{moderation,hidden}')::boolean, false)`,
      ),
    tsv: tsvector('tsv').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('indonesian', ${reports.title}), 'A') || setweight(to_tsvector('indonesian', ${reports.body}), 'B')`,
    ),
  },
  (t) => [
    // A small GIN pending list (64 kB, not 4 MB): its flush runs inside whichever filing's statement fills it, and a
    // 4 MB flush set intake's p99; no pending list at all costs more per insert (bench/README.md).
    index('reports_tsv_idx').using('gin', t.tsv).with({ gin_pending_list_limit: 64 }),
    index('reports_title_trgm_idx')
      .using('gin', sql`${t.title} gin_trgm_ops`)
      .with({ gin_pending_list_limit: 64 }),
    // A holder's open reports by status and deadline, with the page order's columns: an inbox queue's page and its
    // counts are read from the index alone (7,618 overdue reports of a big regency: 258 ms of heap reads → 3.6 ms).
    index('reports_institution_status_idx').on(t.institutionId, t.status, t.dueAt, t.createdAt, t.id),
    // With the holder: a national queue's capped count (the admin's to-verify joins each report's holder) reads one
    // status's entries alone, where the holder-first index was walked whole (20 ms).
    index('reports_status_due_idx').on(t.status, t.dueAt, t.institutionId),
    // The overdue queue, most overdue first, across the statuses whose clock the staff hold (a national admin's
    // inbox: one index walk instead of sorting every late report of three statuses).
    index('reports_clock_due_idx')
      .on(t.dueAt, t.createdAt, t.id)
      .where(sql`${t.status} in ('submitted', 'dispositioned', 'in_progress')`),
    index('reports_region_idx').on(t.regionCode),
    index('reports_category_idx').on(t.categoryId),
    index('reports_created_idx').on(t.createdAt),
    // The public list (db/postgres-public-reports.ts): newest first, nationally and by province or regency prefix,
    // partial on what the public may see so a page is one short index walk.
    index('reports_public_created_idx')
      .on(t.createdAt, t.id)
      .where(sql`not ${t.isConfidential} and not ${t.moderationHidden}`),
    index('reports_public_province_idx')
      .on(sql`left(${t.regionCode}, 2)`, t.createdAt, t.id)
      .where(sql`not ${t.isConfidential} and not ${t.moderationHidden}`),
    index('reports_public_regency_idx')
      .on(sql`left(${t.regionCode}, 5)`, t.createdAt, t.id)
      .where(sql`not ${t.isConfidential} and not ${t.moderationHidden}`),
    // A status filter (the feed's one-status choice): newest first within the status, where a walk of the newest
    // reports skipped 14,283 of another status to find 20 (71 ms) once a burst of filings was the newest.
    index('reports_public_status_idx')
      .on(t.status, t.createdAt, t.id)
      .where(sql`not ${t.isConfidential} and not ${t.moderationHidden}`),
    index('reports_parent_idx').on(t.parentReportId),
    // The moderation queue: partial, so the reports nobody flagged pay nothing.
    index('reports_moderation_idx')
      .on(t.moderationStatus, t.createdAt)
      .where(sql`${t.moderationStatus} is not null`),
    // An app's own reference names one report of that app; a retry with it is answered with 409, never a duplicate.
    uniqueIndex('reports_integration_ref_uq')
      .on(t.integrationAppId, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
    // The integration API's page of an app's own filings, in (updated_at, id) order; partial, so web filings pay nothing.
    index('reports_integration_updated_idx')
      .on(t.integrationAppId, t.updatedAt, t.id)
      .where(sql`${t.integrationAppId} is not null`),
    uniqueIndex('reports_legacy_uq').on(t.legacySource, t.legacyId).where(sql`${t.legacyId} is not null`),
    index('reports_program_idx')
      .on(t.programId, t.status, t.programLevel)
      .where(sql`${t.programId} is not null`),
    check('reports_program_level_check', sql`${t.programLevel} in (${inList(PROGRAM_LEVELS)})`),
    check('reports_reporter_gender_check', sql`${t.reporterGender} in ('female', 'male')`),
    check('reports_status_check', sql`${t.status} in (${inList(REPORT_STATUSES)})`),
    check('reports_type_check', sql`${t.type} in (${inList(REPORT_TYPES)})`),
    check(
      'reports_title_len_check',
      sql`char_length(${t.title}) ${between(REPORT_LIMITS.titleMin, REPORT_LIMITS.titleMax)}`,
    ),
    check(
      'reports_body_len_check',
      sql`char_length(${t.body}) ${between(REPORT_LIMITS.bodyMin, REPORT_LIMITS.bodyMax)}`,
    ),
  ],
);

/** Uploaded files: stored by the blob store, linked to a report when the report is filed. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    kind: text('kind').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** When a handler withheld it from publication (public view, open data); null = published with its report. */
    withheldAt: tstz('withheld_at'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    index('attachments_report_idx').on(t.reportId),
    check('attachments_kind_check', sql`${t.kind} in ('image', 'pdf', 'video')`),
  ],
);

/** The append-only event log; `hash` chains each report's events (per report, so reports never serialise). */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' })
      .notNull()
      .references(() => reports.id),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    actorId: text('actor_id'),
    actorRole: text('actor_role').notNull(),
    institutionId: integer('institution_id').references(() => institutions.id),
    at: tstz('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    payload: jsonb('payload').notNull().default({}),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('events_report_seq_uq').on(t.reportId, t.seq),
    index('events_at_idx').on(t.at),
    // An institution's latest published follow-ups, for the boilerplate warning (postgres-workflow.ts): one small
    // index of one event in ~7, where sorting the institution's reports by update cost 38 ms at 13,000 of them.
    index('events_follow_ups_idx')
      .on(t.institutionId, t.at.desc())
      .where(sql`${t.action} in ('post_follow_up', 'approve_follow_up')`),
  ],
);

// The filing limits' marks (issue 16 §7, docs/abuse.md).
export * from './abuse-schema';
// Signed daily checkpoints over every report's chain head (issue 16).
export * from './audit-schema';
// Accounts, sessions, role grants and the login audit.
export * from './auth-schema';
// Federation between Pintu instances: trusted peers and the authority map (issue 13).
export * from './federation-schema';
// Idempotency keys of POST requests and their stored answers (issue 12).
export * from './idempotency-schema';
// Institution administration: SK records and the audit of every change.
export * from './institutions-schema';
// The integration API: regional apps and their keys (issue 12).
export * from './integration-schema';
// Notifications: the outbox written with the events, and the in-app notifications it delivers.
export * from './notifications-schema';
// Program channels: a program's area, categories, fields and handlers per level (issue 15).
export * from './programs-schema';
// Deadlines that run themselves: stage clocks, sweep notices, holiday changes.
export * from './sla-schema';
// Monitoring rollups: per-report facts and their daily and monthly sums (issue 5).
export * from './stats-schema';
// Webhooks of the integration API: endpoints and their delivery log (issue 12).
export * from './webhooks-schema';
export * from './workflow-schema';
