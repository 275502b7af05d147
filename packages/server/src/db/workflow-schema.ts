/**
 * Tables of the report workflow beyond the event log: the identity-reveal log (domain.md §7). Re-exported from
 * schema.ts; it imports nothing from there (the layer rules forbid circular imports), so `report_id` is indexed
 * but carries no foreign key — reports are never deleted, and the reveal log must outlive any pseudonymisation.
 */
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
