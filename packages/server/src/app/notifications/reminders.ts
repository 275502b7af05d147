/**
 * Reminders are not lifecycle events: the SLA sweep records them in `sla_notices` (kind `reminder`, recipient
 * `holder`, `national_admin` for the national queue, or `reporter`). The delivery worker turns recent ones into outbox rows here; the idempotency key
 * (`n.<report>.r<notice>.<recipient>.<channel>`) makes a second pass write nothing, so each reminder gives each
 * recipient exactly one row even though this step runs outside the sweep's transaction. Escalations, auto-resolve
 * and auto-archive are events and get their rows in saveTransition (enqueue.ts).
 */
import type { Db } from '../../db/open';
import { insertReminderOutboxRows } from '../../db/postgres-delivery';

/** How far back reminders are looked for: a worker down longer than this leaves older reminders unsent. */
export const REMINDER_WINDOW_MS = 2 * 24 * 3_600_000;

/** Writes the outbox rows of the reminders recorded since `now - REMINDER_WINDOW_MS`; returns how many. */
export function enqueueReminders(db: Db, now: Date): Promise<number> {
  return insertReminderOutboxRows(db, new Date(now.getTime() - REMINDER_WINDOW_MS), now);
}
