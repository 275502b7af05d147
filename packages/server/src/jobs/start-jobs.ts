/**
 * The background work on pg-boss (issue 4), on PGlite (pg-boss's own PGlite adapter, same instance) and on
 * PostgreSQL (its own small pool):
 * - `sla-sweep`: a schedule every minute plus one run at start (the catch-up after downtime); the queue's
 *   `stately` policy lets one sweep run at a time across every process, with at most one more waiting;
 * - `notification-dispatch`: every minute, at start and after a sweep that recorded reminders — gives every due
 *   outbox row its delivery job (notifications/delivery-jobs.ts); `stately` too;
 * - `notification-deliver`: one job per outbox row, retried by pg-boss with exponential backoff.
 * Correctness stays in the sweep (report locks, unique notices) and the outbox (claim, lease, gate): pg-boss only
 * decides when each runs, so a duplicate or late job changes nothing.
 */
import { fromPglite, type JobResult, PgBoss } from 'pg-boss';
import type { Database } from '../db/open';
import { yieldToRequests } from '../db/yield-to-requests';
import {
  DELIVER_QUEUE,
  DELIVER_RETRY_LIMIT,
  DISPATCH_QUEUE,
  dispatchDeliveries,
  JOBS_SCHEMA,
  useDeliveryJobs,
} from '../notifications/delivery-jobs';
import type { DeliveryWorker } from '../notifications/worker';
import { backfillStageClocks } from '../sla/stage-clocks';
import { type SweepDeps, sweep } from '../sla/sweep';

export const SWEEP_QUEUE = 'sla-sweep';

export interface JobsOptions {
  database: Database;
  /** PostgreSQL: the URL pg-boss opens its own pool on (unused on PGlite). */
  databaseUrl?: string | undefined;
  /** Null: this process runs no sweep (a delivery-only worker, run-worker.ts). */
  sweep: SweepDeps | null;
  /** Read once per sweep and per delivery. */
  clock: () => Date;
  /** Null: this process sends jobs but delivers nothing (another process works the queue). */
  delivery: Pick<DeliveryWorker, 'deliverOne'> | null;
  log?: (line: string) => void;
  /** How often an idle worker looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /** The first retry's delay; each next one doubles, with jitter, up to 2 h (default 60 s). */
  retryDelaySeconds?: number;
  /** How long a delivery job may run before pg-boss retries it, e.g. after its worker died (default 300 s). */
  deliverExpireInSeconds?: number;
  /** How often pg-boss looks for expired jobs (default 60 s). */
  superviseIntervalSeconds?: number;
}

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

function createBoss(o: JobsOptions): PgBoss {
  const common = {
    schema: JOBS_SCHEMA,
    application_name: 'pintu-jobs',
    monitorVacuum: false,
    superviseIntervalSeconds: o.superviseIntervalSeconds ?? 60,
  };
  if (o.database.engine === 'pglite')
    return new PgBoss({ ...common, db: fromPglite(o.database.pglite!), backend: 'pglite' });
  if (!o.databaseUrl) throw new Error('pg-boss on PostgreSQL needs the database URL');
  return new PgBoss({ ...common, connectionString: o.databaseUrl, max: 3 });
}

/** Starts pg-boss, its queues, schedules and workers, and queues the catch-up sweep. */
export async function startJobs(o: JobsOptions): Promise<Jobs> {
  const log = o.log ?? ((line: string) => console.log(line));
  const db = o.database.db;
  const boss = createBoss(o);
  boss.on('error', (err) => log(`[jobs] ${err instanceof Error ? err.message : String(err)}`));
  await boss.start();
  let stopping = false;
  const poll = { pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2 };

  // `stately`: one running at a time across processes, and one more waiting — a request made while one runs (the
  // dispatch after a sweep's reminders, another process's start-up sweep) is kept, not dropped. A long catch-up
  // sweep may run for many minutes, but a process that dies mid-sweep must not hold the queue that long: its job
  // stops beating and pg-boss fails it.
  const single = { policy: 'stately', retryLimit: 0, heartbeatSeconds: 30 } as const;
  await boss.createQueue(SWEEP_QUEUE, { ...single, expireInSeconds: 6 * 3_600 });
  await boss.createQueue(DISPATCH_QUEUE, { ...single, expireInSeconds: 3_600 });
  await boss.createQueue(DELIVER_QUEUE, {
    retryLimit: DELIVER_RETRY_LIMIT,
    retryDelay: o.retryDelaySeconds ?? 60,
    retryBackoff: true,
    retryDelayMax: 2 * 3_600,
    // Longer than the outbox lease (120 s): a job whose worker died is retried once its row can be reclaimed.
    expireInSeconds: o.deliverExpireInSeconds ?? 300,
  });

  const sweepDeps = o.sweep;
  if (sweepDeps)
    await boss.work(SWEEP_QUEUE, poll, async () => {
      const result = await sweep(sweepDeps, o.clock(), { shouldStop: () => stopping });
      if (result.processed) log(`[sla] ${result.processed} tahap diproses (${JSON.stringify(result)})`);
      if (result.reminders) await boss.send(DISPATCH_QUEUE, {});
    });
  await boss.work(DISPATCH_QUEUE, poll, async () => {
    await dispatchDeliveries(db, boss, o.clock());
  });
  const delivery = o.delivery;
  if (delivery) {
    const batch = { ...poll, batchSize: 10, burstWhenBatchFull: true, perJobResults: true } as const;
    await boss.work<{ id: number }, unknown, typeof batch>(DELIVER_QUEUE, batch, async (jobs) => {
      const results: JobResult[] = [];
      for (const job of jobs) {
        await yieldToRequests();
        const outcome = await delivery.deliverOne(job.data.id, job.retryCount >= DELIVER_RETRY_LIMIT);
        // A failed job hands the retry and its backoff to pg-boss.
        results.push({
          id: job.id,
          status: outcome === 'done' ? 'completed' : 'failed',
          output: { outcome },
        });
      }
      return results;
    });
  }
  await boss.schedule(SWEEP_QUEUE, '* * * * *');
  await boss.schedule(DISPATCH_QUEUE, '* * * * *');
  useDeliveryJobs(boss);

  // Stage rows for reports without one, then the catch-up sweep and dispatch, in the background.
  if (sweepDeps) {
    const projected = await backfillStageClocks(db, o.clock());
    if (projected) log(`SLA: ${projected} tahap diproyeksikan saat mulai.`);
    await boss.send(SWEEP_QUEUE, { reason: 'start' });
  }
  await boss.send(DISPATCH_QUEUE, { reason: 'start' });

  return {
    boss,
    async stop() {
      stopping = true;
      useDeliveryJobs(null);
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
}
