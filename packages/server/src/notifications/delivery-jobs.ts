/**
 * Delivery by pg-boss: one `notification-deliver` job per outbox row, with the row id as its data and an id
 * derived from the row, so a row never has two jobs (pg-boss inserts jobs `on conflict do nothing`). Jobs are sent
 * in the transaction that writes the rows (saveTransition → enqueueNotifications) when this process runs pg-boss,
 * and by the dispatcher (`dispatchDeliveries`, every minute and at start) for every row that may lack one: the
 * intake confirmation (written by one SQL statement), SLA reminders, rows written before pg-boss ran. The job
 * only says "try this row now": the row's claim, lease and gate still decide whether anything is sent.
 */
import type PgBoss from 'pg-boss';
import { enqueueReminders } from '../app/notifications/reminders';
import { drizzleBossDb } from '../db/boss-db';
import type { Db } from '../db/open';
import { dueOutboxIds, strandedOutboxIds } from '../db/postgres-jobs';
import { yieldToRequests } from '../db/yield-to-requests';

/** pg-boss's schema (jobs/start-jobs.ts). */
export const JOBS_SCHEMA = 'pgboss';
export const DELIVER_QUEUE = 'notification-deliver';
export const DISPATCH_QUEUE = 'notification-dispatch';

/** Retries after the first attempt: 5 attempts in all, as the polling worker's `maxAttempts`. */
export const DELIVER_RETRY_LIMIT = 4;

let sender: PgBoss | null = null;

/** Makes enqueueNotifications send each new row's job in its own transaction (null: leave it to the dispatcher). */
export function useDeliveryJobs(boss: PgBoss | null) {
  sender = boss;
}

/** The job id of an outbox row: a fixed prefix and the row id in hex (a valid uuid, unique per row). */
export const deliveryJobId = (outboxId: number) =>
  `0b0c0000-0000-4000-8000-${outboxId.toString(16).padStart(12, '0')}`;

const jobsOf = (ids: number[]) =>
  ids.map((id) => ({ id: deliveryJobId(id), name: DELIVER_QUEUE, data: { id } }));

/**
 * Sends the jobs of new outbox rows through the caller's transaction, inside a savepoint: a database without the
 * pg-boss schema (or any failure here) leaves the rows to the dispatcher rather than failing the event.
 */
export async function sendDeliveryJobs(tx: Db, ids: number[]) {
  const boss = sender;
  if (!boss || ids.length === 0) return;
  await tx
    .transaction(async (sp) => {
      await boss.insert(jobsOf(ids), { db: drizzleBossDb(sp) });
    })
    .catch(() => {});
}

/** The committed rows waiting for the next batch of jobs, and that batch's send (null: none is planned). */
let waiting: number[] = [];
let batch: Promise<void> | null = null;

/**
 * Sends the jobs of outbox rows already committed, outside any transaction (record-transition's after-commit work:
 * three round trips fewer inside the report's lock). The rows of saves that commit at the same moment go in one
 * insert: each caller waits for the batch that carries its rows. A failure leaves the rows to the dispatcher, as above.
 */
export function sendCommittedDeliveryJobs(ids: number[]): Promise<void> {
  const boss = sender;
  if (!boss || ids.length === 0) return Promise.resolve();
  waiting.push(...ids);
  batch ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    const all = waiting;
    waiting = [];
    batch = null;
    return boss.insert(jobsOf(all)).catch(() => {});
  });
  return batch;
}

/**
 * Turns new SLA reminders into outbox rows, then gives every row that is due (pending, or whose lease ran out) a
 * job, by keyset over the id; rows that already have one are left as they are. A due row whose job has failed for
 * good (its last attempts found the row held by another worker, or the handler itself failed) gets that job back
 * for one more attempt. Returns how many rows were looked at.
 */
export async function dispatchDeliveries(db: Db, boss: PgBoss, now: Date, page = 500): Promise<number> {
  await enqueueReminders(db, now);
  const stranded = await strandedOutboxIds(db, { schema: JOBS_SCHEMA, queue: DELIVER_QUEUE }, now, page);
  const failed = stranded.map(deliveryJobId);
  if (failed.length) await boss.retry(DELIVER_QUEUE, failed);
  let after = 0;
  let total = 0;
  for (;;) {
    await yieldToRequests();
    const ids = await dueOutboxIds(db, now, after, page);
    if (ids.length) await boss.insert(jobsOf(ids));
    total += ids.length;
    if (ids.length < page) return total;
    after = ids.at(-1)!;
  }
}
