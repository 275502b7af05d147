/**
 * Tables of the report workflow beyond the event log: the identity-reveal log (domain.md §7). Re-exported from
 * schema.ts; it imports nothing from there (the layer rules forbid circular imports), so `report_id` is indexed
 * but carries no foreign key — reports are never deleted, and the reveal log must outlive any pseudonymisation.
 */
import { bigint, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Every reveal of an anonymous reporter's identity: who, when, why, which report; visible to oversight. */
export const identityReveals = pgTable(
  'identity_reveals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    reportId: bigint('report_id', { mode: 'number' }).notNull(),
    trackingId: text('tracking_id').notNull(),
    /** Account id of the national role who revealed it. */
    revealedBy: text('revealed_by').notNull(),
    revealedByName: text('revealed_by_name'),
    role: text('role').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('identity_reveals_report_idx').on(t.reportId), index('identity_reveals_at_idx').on(t.at)],
);

/**
 * The (from, to) status pairs of core's lifecycle table (`statusPairs()`), refreshed at every start-up from the
 * core: a trigger on `events` refuses any event whose pair is not here, so even SQL written by hand cannot move a
 * report along a path the lifecycle does not have (migration 0017).
 */
export const lifecycleStatusPairs = pgTable(
  'lifecycle_status_pairs',
  { fromStatus: text('from_status').notNull(), toStatus: text('to_status').notNull() },
  (t) => [primaryKey({ columns: [t.fromStatus, t.toStatus] })],
);
