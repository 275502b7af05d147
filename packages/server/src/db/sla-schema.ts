/**
 * Tables of the deadlines that run themselves (issue 4): one stage clock per stage of each report, the notices the
 * sweep records (reminders, escalations, auto-resolve, auto-archive) and the audit of holiday changes. Re-exported
 * from schema.ts; it imports nothing from there (no circular imports), so report ids carry no foreign key.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One row per stage of a report, projected from the core's `clock` / `pausedClock` on every save. A stage is
 * identified by (report, stage, started_at): a pause, a resume, a comment or an escalation keep its start.
 * `next_at` is the next instant the sweep must look at it (null when completed or paused).
 */
export const slaStageClocks = pgTable(
  'sla_stage_clocks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' }).notNull(),
    stage: text('stage').notNull(),
    /** The holding institution when the stage was last projected; null = the national queue. */
    holderInstitutionId: integer('holder_institution_id'),
    timeZone: text('time_zone').notNull(),
    regionCode: text('region_code'),
    startedAt: tstz('started_at').notNull(),
    workingDays: integer('working_days').notNull(),
    /** The deadline counts `anchor_days` working days from `anchor_at`: the start, or the resume after a hold. */
    anchorAt: tstz('anchor_at').notNull(),
    anchorDays: integer('anchor_days').notNull(),
    dueAt: tstz('due_at').notNull(),
    pausedAt: tstz('paused_at'),
    /** Working days left when paused (0 when paused after the deadline). */
    remainingDays: integer('remaining_days'),
    pausedIntervals: jsonb('paused_intervals').notNull().default([]),
    pausedMs: bigint('paused_ms', { mode: 'number' }).notNull().default(0),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    remindedAt: tstz('reminded_at'),
    breachedAt: tstz('breached_at'),
    completedAt: tstz('completed_at'),
    nextAt: tstz('next_at'),
  },
  (t) => [
    uniqueIndex('sla_stage_clocks_stage_uq').on(t.reportId, t.stage, t.startedAt),
    // The sweep's due-item query: `where next_at <= $now order by next_at`.
    index('sla_stage_clocks_next_idx').on(t.nextAt).where(sql`${t.nextAt} is not null`),
    index('sla_stage_clocks_open_idx').on(t.reportId).where(sql`${t.completedAt} is null`),
    check(
      'sla_stage_clocks_stage_check',
      sql`${t.stage} in ('verify', 'acknowledge', 'follow_up', 'reporter_response', 'hold_response')`,
    ),
  ],
);

/**
 * What the sweep did, once per (stage, kind, level): the record notifications are made from. Reminders exist only
 * here (they are not lifecycle actions); escalations, auto-resolves and auto-archives also have their event.
 */
export const slaNotices = pgTable(
  'sla_notices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    stageClockId: bigint('stage_clock_id', { mode: 'number' })
      .notNull()
      .references(() => slaStageClocks.id),
    reportId: bigint('report_id', { mode: 'number' }).notNull(),
    trackingId: text('tracking_id').notNull(),
    stage: text('stage').notNull(),
    kind: text('kind').notNull(),
    /** 0 for reminders and automatic actions, 1–3 for escalations. */
    level: smallint('level').notNull().default(0),
    /** Who is to be told: the holder, the parent's coordinator, national admin and oversight, or the reporter. */
    recipient: text('recipient').notNull(),
    /**
     * The holder (reminder, level 1), the parent (level 2); for `national_admin_and_oversight` the holder, whose
     * path bounds the oversight's scope. Null only for the reporter and the national queue.
     */
    recipientInstitutionId: integer('recipient_institution_id'),
    dueAt: tstz('due_at').notNull(),
    /** The scheduled instant (the event time); `recorded_at` is when the sweep wrote it. */
    at: tstz('at').notNull(),
    recordedAt: tstz('recorded_at').notNull(),
    /** The report event it belongs to (escalate, auto_resolve, auto_archive); null for reminders. */
    eventSeq: integer('event_seq'),
  },
  (t) => [
    uniqueIndex('sla_notices_once_uq').on(t.stageClockId, t.kind, t.level),
    index('sla_notices_report_idx').on(t.reportId),
    // notifications/reminders.ts reads the recent reminders on every dispatch.
    index('sla_notices_reminder_recent_idx').on(t.recordedAt).where(sql`${t.kind} = 'reminder'`),
    check(
      'sla_notices_kind_check',
      sql`${t.kind} in ('reminder', 'escalation', 'auto_resolve', 'auto_archive')`,
    ),
  ],
);

/**
 * Every holiday added, moved or removed by the national admin, and every year's decree entered (`decree`: no single
 * holiday; `after` holds the decree and the days it added, renamed and removed), with the deadlines it recomputed.
 */
export const holidayChanges = pgTable(
  'holiday_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    change: text('change').notNull(),
    holidayId: integer('holiday_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    actorId: text('actor_id').notNull(),
    at: tstz('at').notNull(),
    /** Tracking ids of the reports whose open deadline moved, with old and new due dates. */
    affected: jsonb('affected').notNull().default([]),
  },
  (t) => [
    index('holiday_changes_at_idx').on(t.at),
    check('holiday_changes_change_check', sql`${t.change} in ('add', 'move', 'delete', 'decree')`),
  ],
);
