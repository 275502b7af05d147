/**
 * The background work on pg-boss 10 (issue 4; ADR 0008), on PGlite (the app's own instance, jobs/boss-db.ts) and
 * on PostgreSQL (its own small pool):
 * - `sla-sweep`: a schedule every minute plus one run at start (the catch-up after downtime); the queue's
 *   `stately` policy lets one sweep run at a time across every process, with at most one more waiting;
 * - `notification-dispatch`: every minute, at start and after a sweep that recorded reminders — gives every due
 *   outbox row its delivery job (notifications/delivery-jobs.ts); `stately` too;
 * - `notification-deliver`: one job per outbox row, retried by pg-boss with exponential backoff.
 * - `idempotency-cleanup`: every hour and at start, forgets the Idempotency-Keys older than 24 h.
 * - `stats-fold`: every minute, folds the rollup shards the saves wrote into shard 0 (ADR 0014); `stately`.
 * Correctness stays in the sweep (report locks, unique notices) and the outbox (claim, lease, gate): pg-boss only
 * decides when each runs, so a duplicate or late job changes nothing.
 */
import type { FilingLimits } from '@pintu/core';
import PgBoss from 'pg-boss';
import { makeCheckpoint } from '../app/audit/checkpoint';
import type { InstanceSelf } from '../app/deps';
import { forgetIdempotencyKeys } from '../app/idempotency/forget-idempotency-keys';
import { forgetFilingMarks } from '../app/reports/forget-filing-marks';
import { backfillStageClocks } from '../app/sla/stage-clocks';
import { type SweepDeps, sweep } from '../app/sla/sweep';
import { foldStatsShards } from '../app/stats/fold';
import { pgliteBossDb } from '../db/boss-db';
import type { Database } from '../db/open';
import { postgresIdempotencyKeys } from '../db/postgres-idempotency';
import { bossSchemaVersion, dropSchema } from '../db/postgres-jobs';
import { postgresModeration } from '../db/postgres-moderation';
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
import { type OpenDataJob, useOpenDataJob } from './open-data-job';

export const SWEEP_QUEUE = 'sla-sweep';
export const IDEMPOTENCY_CLEANUP_QUEUE = 'idempotency-cleanup';
export const AUDIT_CHECKPOINT_QUEUE = 'audit-checkpoint';
export const STATS_FOLD_QUEUE = 'stats-fold';

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
  /** Set: this process signs the daily audit checkpoint (docs/audit.md). */
  audit?: { instance: InstanceSelf } | null;
  log?: (line: string) => void;
  /** How often an idle worker looks for jobs (default 2 s). */
  pollingIntervalSeconds?: number;
  /** The first retry's delay; each next one doubles, with jitter, up to 2 h (default 60 s). */
  retryDelaySeconds?: number;
  /** How long a delivery job may run before pg-boss retries it, e.g. after its worker died (default 300 s). */
  deliverExpireInSeconds?: number;
  /** How often pg-boss looks for expired jobs (default 60 s). */
  superviseIntervalSeconds?: number;
  /** The daily open-data dump (jobs/open-data-job.ts); unset: this process does not dump. */
  openData?: OpenDataJob | null;
  /** The filing limits whose old marks the hourly cleanup forgets (docs/abuse.md); unset: none are forgotten. */
  filingLimits?: FilingLimits | null;
}

export interface Jobs {
  boss: PgBoss;
  stop(): Promise<void>;
}

/** The pg-boss schema version this pg-boss creates (its version.json). */
const BOSS_SCHEMA_VERSION = 24;

/** How long one sweep job runs before it hands the rest to a new job (see the sweep queue below). */
const SWEEP_BUDGET_MS = 2 * 60_000;

function createBoss(o: JobsOptions): PgBoss {
  const common = {
    schema: JOBS_SCHEMA,
    application_name: 'pintu-jobs',
    // pg-boss 10's maintenance: expiring jobs whose worker died, archiving, deleting.
    maintenanceIntervalSeconds: o.superviseIntervalSeconds ?? 60,
  };
  if (o.database.engine === 'pglite') return new PgBoss({ ...common, db: pgliteBossDb(o.database.pglite!) });
  if (!o.databaseUrl) throw new Error('pg-boss on PostgreSQL needs the database URL');
  return new PgBoss({ ...common, connectionString: o.databaseUrl, max: 3 });
}

/**
 * A database that ran pg-boss 12 (before ADR 0008's downgrade) has a newer pg-boss schema than pg-boss 10 knows,
 * and pg-boss 10 would use it as it is. It holds only jobs derived from the outbox and the stage clocks, which the
 * dispatcher and the start-up sweep recreate, so it is dropped and created anew.
 */
async function dropNewerBossSchema(o: JobsOptions, log: (line: string) => void) {
  const db = o.database.db;
  const version = await bossSchemaVersion(db, JOBS_SCHEMA);
  if (version === null || version <= BOSS_SCHEMA_VERSION) return;
  log(`[jobs] skema pg-boss ${version} lebih baru dari ${BOSS_SCHEMA_VERSION}: dibuat ulang`);
  await dropSchema(db, JOBS_SCHEMA);
}

/** Creates a queue, or brings an existing one's retry and expiry settings up to date (not its policy). */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, 'name'>) {
  await boss.createQueue(name, { name, ...options });
  await boss.updateQueue(name, { name, ...options });
}

/** Starts pg-boss, its queues, schedules and workers, and queues the catch-up sweep. */
export async function startJobs(o: JobsOptions): Promise<Jobs> {
  const log = o.log ?? ((line: string) => console.log(line));
  const db = o.database.db;
  await dropNewerBossSchema(o, log);
  const boss = createBoss(o);
  boss.on('error', (err) => log(`[jobs] ${err instanceof Error ? err.message : String(err)}`));
  await boss.start();
  let stopping = false;
  const poll = { pollingIntervalSeconds: o.pollingIntervalSeconds ?? 2 };

  // `stately`: one running at a time across processes, and one more waiting — a request made while one runs (the
  // dispatch after a sweep's reminders, another process's start-up sweep) is kept, not dropped. A process that
  // dies mid-job holds the queue until the job expires (pg-boss 10 has no heartbeat), so jobs stay short: a sweep
  // stops after SWEEP_BUDGET_MS and queues its own continuation, and expires 3 minutes after that budget.
  const single = { policy: 'stately', retryLimit: 0 } as const;
  await ensureQueue(boss, SWEEP_QUEUE, { ...single, expireInSeconds: SWEEP_BUDGET_MS / 1000 + 180 });
  // A dispatch that outlives its expiry is only repeated by the next one: re-sending a job id is a no-op.
  await ensureQueue(boss, DISPATCH_QUEUE, { ...single, expireInSeconds: 600 });
  await ensureQueue(boss, IDEMPOTENCY_CLEANUP_QUEUE, { ...single, expireInSeconds: 600 });
  await ensureQueue(boss, AUDIT_CHECKPOINT_QUEUE, { ...single, expireInSeconds: 3600 });
  await ensureQueue(boss, STATS_FOLD_QUEUE, { ...single, expireInSeconds: 600 });
  await ensureQueue(boss, DELIVER_QUEUE, {
    retryLimit: DELIVER_RETRY_LIMIT,
    retryDelay: o.retryDelaySeconds ?? 60,
    // Doubling with jitter: 1–2, 2–4, 4–8 and 8–16 times the delay for the 4 retries.
    retryBackoff: true,
    // Longer than the outbox lease (120 s): a job whose worker died is retried once its row can be reclaimed.
    expireInSeconds: o.deliverExpireInSeconds ?? 300,
  });

  const sweepDeps = o.sweep;
  if (sweepDeps)
    await boss.work(SWEEP_QUEUE, poll, async () => {
      const until = Date.now() + SWEEP_BUDGET_MS;
      let cut = false;
      const shouldStop = () => {
        if (Date.now() > until) cut = true;
        return stopping || cut;
      };
      const result = await sweep(sweepDeps, o.clock(), { shouldStop });
      if (result.processed) log(`[sla] ${result.processed} tahap diproses (${JSON.stringify(result)})`);
      if (result.reminders) await boss.send(DISPATCH_QUEUE, {});
      if (cut && !stopping) await boss.send(SWEEP_QUEUE, { reason: 'continue' });
    });
  const idempotencyKeys = postgresIdempotencyKeys(db);
  const moderation = postgresModeration(db);
  await boss.work(IDEMPOTENCY_CLEANUP_QUEUE, poll, async () => {
    const forgotten = await forgetIdempotencyKeys({ idempotencyKeys });
    if (forgotten) log(`[idempotency] ${forgotten} Idempotency-Key lama dihapus`);
    if (o.filingLimits) await forgetFilingMarks({ moderation }, o.filingLimits, o.clock());
  });
  const audit = o.audit;
  if (audit)
    await boss.work(AUDIT_CHECKPOINT_QUEUE, poll, async () => {
      const c = await makeCheckpoint({ db, instance: audit.instance }, o.clock());
      log(`[audit] checkpoint ${c.seq}: ${c.reports} laporan, root ${c.root}`);
    });
  await boss.work(DISPATCH_QUEUE, poll, async () => {
    await dispatchDeliveries(db, boss, o.clock());
  });
  // Short transactions that never wait for a save (db/postgres-stats-fold.ts); the rows a save holds wait a minute.
  await boss.work(STATS_FOLD_QUEUE, poll, async () => {
    await foldStatsShards(db);
  });
  const delivery = o.delivery;
  if (delivery) {
    // pg-boss's fetch sorts every waiting job of the queue, so under a backlog each fetch costs the backlog (11 ms at
    // 7,500 waiting, bench:paths): fetch 50 at a time rather than 10 to pay it a fifth as often.
    const batch = { ...poll, batchSize: 50, includeMetadata: true } as const;
    const worker: string = await boss.work<{ id: number }>(DELIVER_QUEUE, batch, async (jobs) => {
      for (const job of jobs) {
        await yieldToRequests();
        const outcome = await delivery.deliverOne(job.data.id, job.retryCount >= DELIVER_RETRY_LIMIT);
        // A failed job hands the retry and its backoff to pg-boss; pg-boss completes the rest of the batch
        // (only jobs still active) when this handler returns.
        if (outcome !== 'done') await boss.fail(DELIVER_QUEUE, job.id, { outcome });
      }
      // A full batch: more may be waiting, so fetch again now rather than after the polling interval.
      if (jobs.length === batch.batchSize) boss.notifyWorker(worker);
    });
  }
  await boss.schedule(SWEEP_QUEUE, '* * * * *');
  await boss.schedule(DISPATCH_QUEUE, '* * * * *');
  await boss.schedule(IDEMPOTENCY_CLEANUP_QUEUE, '17 * * * *');
  await boss.schedule(STATS_FOLD_QUEUE, '* * * * *');
  // Daily at 00:05 WIB (pg-boss schedules in UTC): one checkpoint per day, published for outsiders to keep.
  if (audit) await boss.schedule(AUDIT_CHECKPOINT_QUEUE, '5 17 * * *');
  useDeliveryJobs(boss);
  if (o.openData) await useOpenDataJob(boss, o.openData, poll, log);

  // Stage rows for reports without one, then the catch-up sweep and dispatch, in the background.
  if (sweepDeps) {
    const projected = await backfillStageClocks(db, o.clock());
    if (projected) log(`SLA: ${projected} tahap diproyeksikan saat mulai.`);
    await boss.send(SWEEP_QUEUE, { reason: 'start' });
  }
  await boss.send(DISPATCH_QUEUE, { reason: 'start' });
  await boss.send(IDEMPOTENCY_CLEANUP_QUEUE, { reason: 'start' });

  return {
    boss,
    async stop() {
      stopping = true;
      useDeliveryJobs(null);
      await boss.stop({ graceful: true, timeout: 20_000 });
    },
  };
}
