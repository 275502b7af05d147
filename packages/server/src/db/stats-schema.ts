/**
 * Monitoring rollups (issue 5, docs/decisions/0007-stats-rollups.md): one fact row per report, and the sums of the
 * facts by (institution, disposition day, category, province) and by (institution, month), all kept up to date in
 * the transaction of every lifecycle save. Every rollup key is split into shards (ADR 0014): a save adds to one
 * shard of its keys, readers sum over all of them. Re-exported from schema.ts; imports nothing from there.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** The counters every rollup row holds; a report adds 1 (or its days / rating) to the ones it falls in. */
const counters = () => ({
  received: integer('received').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  inProcess: integer('in_process').notNull().default(0),
  notFollowedUp: integer('not_followed_up').notNull().default(0),
  onHold: integer('on_hold').notNull().default(0),
  archived: integer('archived').notNull().default(0),
  followUpCount: integer('follow_up_count').notNull().default(0),
  followUpDays: bigint('follow_up_days', { mode: 'number' }).notNull().default(0),
  rated: integer('rated').notNull().default(0),
  ratingSum: integer('rating_sum').notNull().default(0),
  reopened: integer('reopened').notNull().default(0),
  verifyMet: integer('verify_met').notNull().default(0),
  verifyBreached: integer('verify_breached').notNull().default(0),
  acknowledgeMet: integer('acknowledge_met').notNull().default(0),
  acknowledgeBreached: integer('acknowledge_breached').notNull().default(0),
  followUpMet: integer('follow_up_met').notNull().default(0),
  followUpBreached: integer('follow_up_breached').notNull().default(0),
});

/**
 * Which part of a rollup key a row holds (docs/decisions/0014-stats-shards.md): 0 is the base that rebuilds, bulk
 * imports and the fold write; a lifecycle save adds to the one of shards 1–16 its transaction leased, so two saves
 * in flight never write the same row. A key's value is the sum over its shards; every reader sums.
 */
const shard = () => smallint('shard').notNull().default(0);

/** What each report contributes now; the rollups change by (new fact − stored fact) on every save. */
export const statsReportFacts = pgTable(
  'stats_report_facts',
  {
    reportId: bigint('report_id', { mode: 'number' }).primaryKey(),
    /** The receiving holder; null = not received (national queue, split parent). */
    institutionId: integer('institution_id'),
    dispositionDate: date('disposition_date', { mode: 'string' }),
    categoryId: integer('category_id').notNull(),
    provinceCode: text('province_code').notNull(),
    bucket: text('bucket'),
    followUpDays: integer('follow_up_days'),
    rating: smallint('rating'),
    reopened: smallint('reopened').notNull().default(0),
    /** Completed institution stages on time / late: verify, acknowledge, follow-up. */
    verifyMet: smallint('verify_met').notNull().default(0),
    verifyBreached: smallint('verify_breached').notNull().default(0),
    acknowledgeMet: smallint('acknowledge_met').notNull().default(0),
    acknowledgeBreached: smallint('acknowledge_breached').notNull().default(0),
    followUpMet: smallint('follow_up_met').notNull().default(0),
    followUpBreached: smallint('follow_up_breached').notNull().default(0),
    /** Deadline of the running institution stage, for "overdue now". */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('stats_report_facts_institution_idx').on(t.institutionId, t.dispositionDate),
    // Backlog and "overdue now" read these alone (index-only scans): the scope columns are part of the keys.
    index('stats_report_facts_open_idx')
      .on(t.dispositionDate, t.institutionId, t.provinceCode)
      .where(sql`${t.bucket} in ('in_process', 'not_followed_up', 'on_hold')`),
    index('stats_report_facts_due_idx')
      .on(t.dueAt, t.dispositionDate, t.institutionId, t.provinceCode)
      .where(sql`${t.dueAt} is not null`),
  ],
);

/** Sums of the facts by receiving institution, local disposition day, category and the report's province. */
export const statsDaily = pgTable(
  'stats_daily',
  {
    institutionId: integer('institution_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    categoryId: integer('category_id').notNull(),
    provinceCode: text('province_code').notNull(),
    shard: shard(),
    ...counters(),
  },
  (t) => [
    primaryKey({
      name: 'stats_daily_pk',
      columns: [t.institutionId, t.day, t.categoryId, t.provinceCode, t.shard],
    }),
    index('stats_daily_day_idx').on(t.day),
  ],
);

/** Sums of the facts by receiving institution and month (first day of the month): the dashboard's fast path. */
export const statsMonthly = pgTable(
  'stats_monthly',
  {
    institutionId: integer('institution_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    shard: shard(),
    ...counters(),
  },
  (t) => [
    primaryKey({ name: 'stats_monthly_pk', columns: [t.institutionId, t.month, t.shard] }),
    index('stats_monthly_month_idx').on(t.month),
  ],
);

/**
 * Staff activity and forwarding delay: lifecycle events counted by the institution holding the report when they
 * happened, the WIB day, the actor's role and the action; `held_days` sums the working days a holder kept a report
 * it returned as not its authority (domain.md §5: attributed to that holder).
 */
export const statsActivity = pgTable(
  'stats_activity',
  {
    institutionId: integer('institution_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    shard: shard(),
    events: integer('events').notNull().default(0),
    /** Follow-ups published with the boilerplate warning. */
    boilerplate: integer('boilerplate').notNull().default(0),
    heldDays: bigint('held_days', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'stats_activity_pk',
      columns: [t.institutionId, t.day, t.actorRole, t.action, t.shard],
    }),
    index('stats_activity_day_idx').on(t.day),
  ],
);

/**
 * Sums of the facts by month, category and province for the whole nation: the nation's and a province's figures
 * by category, province and month without reading every institution's days.
 */
export const statsMonthlyNational = pgTable(
  'stats_monthly_national',
  {
    month: date('month', { mode: 'string' }).notNull(),
    categoryId: integer('category_id').notNull(),
    provinceCode: text('province_code').notNull(),
    shard: shard(),
    ...counters(),
  },
  (t) => [
    primaryKey({
      name: 'stats_monthly_national_pk',
      columns: [t.month, t.categoryId, t.provinceCode, t.shard],
    }),
  ],
);
