/** Reads and writes reports, their first event and their attachments. */
import { sql } from 'drizzle-orm';
import { type ChainedEvent, eventHash } from './event-chain';
import type { Db } from './open';

export interface ReferenceCheck {
  regionExists: boolean;
  categoryExists: boolean;
  institution: {
    id: number;
    name: string;
    timeZone: string;
    regionCode: string | null;
    active: boolean;
    path: number[];
  } | null;
  /** The requested attachments that exist and are not yet part of a report. */
  freeAttachmentIds: string[];
}

/** An institution as the intake checks see it. */
export type CheckedInstitution = NonNullable<ReferenceCheck['institution']>;

/** A database or a transaction: anything drizzle can run a statement on. */
type Runner = Pick<Db, '_'>;

/**
 * A fixed statement run as a named prepared statement: node-postgres sends its text once per connection and
 * PostgreSQL parses and plans it once, not on every call — planning the intake statements cost as much database
 * CPU as running them (bench/README.md). Same driver path and results as `db.execute`; PGlite ignores the name.
 * Write `p('key')` where a value goes; each use is its own parameter, as in a `sql` template.
 */
function prepared<K extends string>(name: string, build: (p: (key: K) => string) => string) {
  const keys: K[] = [];
  const text = build((key) => `$${keys.push(key)}`);
  return async (db: Runner, values: Record<K, unknown>): Promise<Record<string, unknown>[]> => {
    const query = db._.session.prepareQuery(
      { sql: text, params: keys.map((k) => values[k]) },
      undefined,
      name,
      false,
    );
    const res = (await query.execute()) as { rows: Record<string, unknown>[] };
    return res.rows;
  };
}

const INSTITUTION_JSON = `json_build_object('id', id, 'name', name, 'timeZone', time_zone,
  'regionCode', region_code, 'active', active, 'path', path)`;

const CHECK_REFERENCES = prepared<'regionCode' | 'categoryId' | 'institutionId' | 'attachmentIds'>(
  'pintu_check_references',
  (p) => `
    select
      exists(select 1 from regions where code = ${p('regionCode')}) as "regionExists",
      exists(select 1 from categories where id = ${p('categoryId')}) as "categoryExists",
      (select ${INSTITUTION_JSON} from institutions where id = ${p('institutionId')}::int) as institution,
      coalesce((select json_agg(id) from attachments
         where id = any(${p('attachmentIds')}::uuid[]) and report_id is null
           and not exists (select 1 from institution_sk s where s.attachment_id = attachments.id)), '[]'::json)
         as "freeAttachmentIds"`,
);

/** Looks up every reference a new report names, in one round trip. */
export async function checkReferences(
  db: Db,
  ref: {
    regionCode: string;
    categoryId: number;
    institutionId?: number | undefined;
    attachmentIds: string[];
  },
): Promise<ReferenceCheck> {
  const rows = await CHECK_REFERENCES(db, {
    regionCode: ref.regionCode,
    categoryId: ref.categoryId,
    institutionId: ref.institutionId ?? null,
    attachmentIds: `{${ref.attachmentIds.join(',')}}`,
  });
  return rows[0] as unknown as ReferenceCheck;
}

export interface NewReport {
  trackingId: string;
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryId: number;
  requestedInstitutionId: number | null;
  institutionId: number | null;
  status: string;
  dueAt: Date | null;
  lifecycle: unknown;
  isAnonymous: boolean;
  isConfidential: boolean;
  channel: string;
  language: string;
  reporterAccountId: string | null;
  reporterSealed: string | null;
  accessCodeHash: string | null;
  createdAt: Date;
}

type InsertKey =
  | keyof NewReport
  | 'action'
  | 'actorId'
  | 'actorRole'
  | 'eventInstitutionId'
  | 'at'
  | 'fromStatus'
  | 'toStatus'
  | 'payload'
  | 'hash'
  | 'attachmentIds';

const REPORT_COLUMNS = `tracking_id, type, title, body, incident_date, region_code, address, lat, lng, category_id,
  requested_institution_id, institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel,
  language, reporter_account_id, reporter_sealed, access_code_hash, created_at, updated_at`;
const EVENT_COLUMNS = `report_id, seq, action, actor_id, actor_role, institution_id, at, from_status, to_status,
  payload, prev_hash, hash`;
const reportValues = (p: (key: InsertKey) => string) => `${p('trackingId')}, ${p('type')}, ${p('title')},
  ${p('body')}, ${p('incidentDate')}, ${p('regionCode')}, ${p('address')}, ${p('lat')}, ${p('lng')},
  ${p('categoryId')}, ${p('requestedInstitutionId')}, ${p('institutionId')}, ${p('status')}, ${p('dueAt')},
  ${p('lifecycle')}::jsonb, ${p('isAnonymous')}, ${p('isConfidential')}, ${p('channel')}, ${p('language')},
  ${p('reporterAccountId')}, ${p('reporterSealed')}, ${p('accessCodeHash')}, ${p('createdAt')}, ${p('createdAt')}`;
// The report's first stage clock (issue 4), projected from the inserted row in the same statement.
const STAGE_CLOCK = `s as (
      insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone, region_code, started_at,
        working_days, anchor_at, anchor_days, due_at, escalation_level, next_at)
      select r.id, c->>'stage', r.institution_id, r.lifecycle->'holder'->>'timeZone',
        r.lifecycle->'holder'->>'regionCode', (c->>'startedAt')::timestamptz, (c->>'workingDays')::int,
        (c->>'startedAt')::timestamptz, (c->>'workingDays')::int, (c->>'dueAt')::timestamptz, 0,
        (c->>'dueAt')::timestamptz - interval '1 day' + interval '1 millisecond'
      from r cross join lateral (select r.lifecycle->'clock' as c) k where jsonb_typeof(c) = 'object'
    )`;
const eventValues = (
  p: (key: InsertKey) => string,
) => `id, 1, ${p('action')}, ${p('actorId')}, ${p('actorRole')},
  ${p('eventInstitutionId')}, ${p('at')}, ${p('fromStatus')}, ${p('toStatus')}, ${p('payload')}::jsonb, null,
  ${p('hash')}`;

// The reporter's "report received" notification (notifications/enqueue.ts): outbox rows in the same statement, one
// per channel, only for a filed report with a sealed contact; the row names "the reporter", never the address.
const submittedOutbox = (p: (key: InsertKey) => string) => `
      insert into notification_outbox (idempotency_key, report_id, event_seq, recipient_kind, audience_role, channel,
        template, language, payload, status, next_attempt_at, created_at)
      select 'n.' || r.id || '.1.reporter.' || ch.channel, r.id, 1, 'reporter', 'reporter', ch.channel, 'submitted',
        ${p('language')}, json_build_object('trackingId', ${p('trackingId')}::text, 'status', ${p('status')}::text),
        'pending', ${p('createdAt')}, ${p('createdAt')}
      from r cross join (values ('email'), ('sms')) as ch(channel)
      where ${p('reporterSealed')}::text is not null and ${p('action')}::text = 'submitted'`;

const INSERT_REPORT = prepared<InsertKey>(
  'pintu_insert_report',
  (p) => `
    with r as (
      insert into reports (${REPORT_COLUMNS}) values (${reportValues(p)})
      returning id, lifecycle, institution_id
    ), e as (
      insert into events (${EVENT_COLUMNS}) select ${eventValues(p)} from r
    ), ${STAGE_CLOCK}, o as (${submittedOutbox(p)}
    ), a as (
      update attachments set report_id = (select id from r)
      where id = any(${p('attachmentIds')}::uuid[]) and report_id is null
        and not exists (select 1 from institution_sk s where s.attachment_id = attachments.id)
      returning id
    )
    select (select id from r)::int as id, (select count(*) from a)::int as claimed`,
);

// The checks of CHECK_REFERENCES and the insert of INSERT_REPORT in one statement: the rows are written only when
// region and category exist and the requested institution is, field for field, the one the caller presumed.
const FILE_REPORT = prepared<InsertKey | 'presumedInstitution'>(
  'pintu_file_report',
  (p) => `
    with chk as (
      select
        exists(select 1 from regions where code = ${p('regionCode')}) as "regionExists",
        exists(select 1 from categories where id = ${p('categoryId')}) as "categoryExists",
        (select ${INSTITUTION_JSON} from institutions where id = ${p('requestedInstitutionId')}::int) as institution
    ), r as (
      insert into reports (${REPORT_COLUMNS})
      select ${reportValues(p)} from chk
      where chk."regionExists" and chk."categoryExists"
        and chk.institution::jsonb is not distinct from ${p('presumedInstitution')}::jsonb
      returning id, lifecycle, institution_id
    ), e as (
      insert into events (${EVENT_COLUMNS}) select ${eventValues(p)} from r
    ), ${STAGE_CLOCK}, o as (${submittedOutbox(p)}
    )
    select chk."regionExists", chk."categoryExists", chk.institution, '[]'::json as "freeAttachmentIds",
      (select id from r)::int as id
    from chk`,
);

/** The statement parameters of a report and its first event (hash-chained from nothing). */
function insertValues(
  r: NewReport,
  first: Omit<ChainedEvent, 'trackingId' | 'seq'>,
  attachmentIds: string[],
): Record<InsertKey, unknown> {
  const payload = JSON.parse(JSON.stringify(first.payload)) as Record<string, unknown>;
  const hash = eventHash(null, { ...first, payload, trackingId: r.trackingId, seq: 1 });
  return {
    ...r,
    dueAt: r.dueAt?.toISOString() ?? null,
    lifecycle: JSON.stringify(r.lifecycle),
    createdAt: r.createdAt.toISOString(),
    action: first.action,
    actorId: first.actorId,
    actorRole: first.actorRole,
    eventInstitutionId: first.institutionId,
    at: first.at.toISOString(),
    fromStatus: first.fromStatus,
    toStatus: first.toStatus,
    payload: JSON.stringify(payload),
    hash,
    attachmentIds: `{${attachmentIds.join(',')}}`,
  };
}

/**
 * Checks the references of a report without attachments and, only if they hold and the requested institution
 * (`r.requestedInstitutionId`) is exactly `presumed` (null: none requested), inserts it with its first event —
 * one round trip. Returns what `checkReferences` would, and the new id, or null when nothing was written.
 */
export async function fileReportIfValid(
  db: Db,
  r: NewReport,
  first: Omit<ChainedEvent, 'trackingId' | 'seq'>,
  presumed: CheckedInstitution | null,
): Promise<{ ref: ReferenceCheck; id: number | null }> {
  const rows = await FILE_REPORT(db, {
    ...insertValues(r, first, []),
    presumedInstitution: presumed && JSON.stringify(presumed),
  });
  const { id, ...ref } = rows[0] as unknown as ReferenceCheck & { id: number | null };
  return { ref, id };
}

/**
 * Inserts the report with its first event (hash-chained from nothing) and claims its attachments.
 * Without attachments this is a single statement; with them, a transaction that fails if any was claimed meanwhile.
 */
export async function insertReport(
  db: Db,
  r: NewReport,
  first: Omit<ChainedEvent, 'trackingId' | 'seq'>,
  attachmentIds: string[],
): Promise<{ id: number } | { conflict: 'attachments' }> {
  const values = insertValues(r, first, attachmentIds);
  if (attachmentIds.length === 0) {
    const rows = await INSERT_REPORT(db, values);
    return { id: (rows[0] as { id: number }).id };
  }
  class Conflict extends Error {}
  try {
    return await db.transaction(async (tx) => {
      const rows = await INSERT_REPORT(tx, values);
      const row = rows[0] as { id: number; claimed: number };
      if (row.claimed !== attachmentIds.length) throw new Conflict();
      return { id: row.id };
    });
  } catch (err) {
    if (err instanceof Conflict) return { conflict: 'attachments' };
    throw err;
  }
}

export interface ReportRow {
  id: number;
  trackingId: string;
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryId: number;
  categoryName: string | null;
  categoryCode: string | null;
  institutionId: number | null;
  institutionName: string | null;
  status: string;
  dueAt: string | null;
  isAnonymous: boolean;
  isConfidential: boolean;
  reporterSealed: string | null;
  accessCodeHash: string | null;
  createdAt: string;
  attachments: { id: string; kind: string; mime: string; size: number }[];
}

const SELECT_REPORT = sql`
  select r.id::int as id, r.tracking_id as "trackingId", r.type, r.title, r.body,
    to_char(r.incident_date, 'YYYY-MM-DD') as "incidentDate", r.region_code as "regionCode", g.name as "regionName",
    r.address, r.lat, r.lng, r.category_id as "categoryId", c.name as "categoryName", c.code as "categoryCode",
    r.institution_id as "institutionId", i.name as "institutionName", r.status,
    to_char(r.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueAt", r.is_anonymous as "isAnonymous", r.is_confidential as "isConfidential",
    r.reporter_sealed as "reporterSealed", r.access_code_hash as "accessCodeHash",
    to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
    coalesce((select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'mime', a.mime, 'size', a.size)
      order by a.created_at) from attachments a where a.report_id = r.id), '[]'::json) as attachments
  from reports r
  left join regions g on g.code = r.region_code
  left join categories c on c.id = r.category_id
  left join institutions i on i.id = r.institution_id`;

/** One report with the names it refers to, or null. */
export async function findReport(db: Db, trackingId: string): Promise<ReportRow | null> {
  const res = await db.execute(sql`${SELECT_REPORT} where r.tracking_id = ${trackingId.toUpperCase()}`);
  return (res.rows[0] as unknown as ReportRow | undefined) ?? null;
}

export interface PublicSearch {
  q?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  categoryId?: number | undefined;
  regionCode?: string | undefined;
  institutionId?: number | undefined;
  page: number;
  pageSize: number;
}

/** The public list: never a confidential report (domain.md §7); full-text search in Indonesian. */
export async function searchPublicReports(
  db: Db,
  s: PublicSearch,
): Promise<{ rows: ReportRow[]; total: number }> {
  const where = [sql`r.is_confidential = false`];
  if (s.q) where.push(sql`r.tsv @@ websearch_to_tsquery('indonesian', ${s.q})`);
  if (s.status) where.push(sql`r.status = ${s.status}`);
  if (s.type) where.push(sql`r.type = ${s.type}`);
  if (s.categoryId)
    where.push(
      sql`r.category_id in (select id from categories where id = ${s.categoryId} or parent_id = ${s.categoryId})`,
    );
  if (s.regionCode)
    where.push(sql`(r.region_code = ${s.regionCode} or r.region_code like ${`${s.regionCode}.%`})`);
  if (s.institutionId)
    where.push(
      sql`r.institution_id in (select id from institutions where path @> array[${s.institutionId}::int])`,
    );
  const cond = sql.join(where, sql` and `);
  const order = s.q
    ? sql`ts_rank(r.tsv, websearch_to_tsquery('indonesian', ${s.q})) desc, r.created_at desc`
    : sql`r.created_at desc, r.id desc`;
  const offset = (s.page - 1) * s.pageSize;
  const [rows, count] = await Promise.all([
    db.execute(sql`${SELECT_REPORT} where ${cond} order by ${order} limit ${s.pageSize} offset ${offset}`),
    db.execute(sql`select count(*)::int as n from reports r where ${cond}`),
  ]);
  return { rows: rows.rows as unknown as ReportRow[], total: (count.rows[0] as { n: number }).n };
}
