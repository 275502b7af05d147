/**
 * The marks the filing limits count (issue 16 §7, docs/abuse.md): one row per filing and subject it is counted
 * against, written by the filing's own statement, so a refused filing leaves none. Only keyed hashes are stored
 * (never an address, contact or account id), and only for the longest window: the cleanup job deletes older ones.
 * Re-exported from schema.ts; it imports nothing from there, so `report_id` carries no foreign key.
 */
import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const filingMarks = pgTable(
  'filing_marks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** HMAC of the subject's kind and normal form (`email:…`, `address:…`, `facilitator:…`). */
    key: text('key').notNull(),
    /** HMAC of the filing's normalised title and body: the same text again from the same subject is a repeat. */
    textKey: text('text_key').notNull(),
    reportId: bigint('report_id', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  // No index on `at` alone: the planner would take it for a window's range (every mark of the last day) instead of
  // one subject's; the hourly cleanup can afford a scan of a day's marks.
  (t) => [
    index('filing_marks_key_at_idx').on(t.key, t.at),
    index('filing_marks_text_idx').on(t.textKey, t.key),
  ],
);
