/**
 * The delivery worker as a process of its own (`node --import tsx packages/server/src/notifications/run-worker.ts`)
 * for PostgreSQL deployments that run it apart from the API (`PINTU_NOTIFICATIONS_WORKER=0` there), and for the
 * crash test. It works pg-boss's delivery and dispatch queues (jobs/start-jobs.ts, no sweep);
 * `PINTU_WORKER_MODE=poll` runs the polling loop over the outbox instead. Reads DATABASE_URL, SMTP_URL, MAIL_FROM,
 * SMS_GATEWAY_URL and PINTU_DATA_KEY like main.ts. Test knobs: `PINTU_WORKER_LEASE_MS` (the lease),
 * `PINTU_JOBS_EXPIRE_S`, `PINTU_JOBS_RETRY_DELAY_S` and `PINTU_JOBS_SUPERVISE_S` (pg-boss), `PINTU_FAULT_KILL=<point>:<n>` (the process
 * SIGKILLs itself the n-th time it reaches a fault point).
 */
import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/open-configured';
import { startJobs } from '../jobs/start-jobs';
import { createSealer, loadDataKey } from '../security/seal';
import { kannelGateway } from './sms-gateway';
import { createDeliveryWorker, type FaultPoint } from './worker';

const config = loadConfig();
if (!config.DATABASE_URL)
  throw new Error('run-worker needs DATABASE_URL (PGlite runs the worker inside main.ts)');
const database = await openConfiguredDatabase(config, 2);
const sealer = createSealer(loadDataKey(config.PINTU_DATA_KEY, config.DATA_DIR));
const [killAt, killN] = (process.env.PINTU_FAULT_KILL ?? '').split(':');
const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
let reached = 0;
const clock = () => new Date();
const worker = createDeliveryWorker(
  {
    db: database.db,
    sealer,
    clock,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    mailDir: join(resolve(config.DATA_DIR), 'mail'),
    sms: config.SMS_GATEWAY_URL ? kannelGateway(config.SMS_GATEWAY_URL) : null,
  },
  {
    batchSize: Number(process.env.PINTU_WORKER_BATCH ?? 20),
    leaseMs: Number(process.env.PINTU_WORKER_LEASE_MS ?? 120_000),
    fault: (point: FaultPoint) => {
      if (point === killAt && ++reached === Number(killN)) process.kill(process.pid, 'SIGKILL');
    },
  },
);
const running =
  process.env.PINTU_WORKER_MODE === 'poll'
    ? worker.start(Number(process.env.PINTU_WORKER_INTERVAL_MS ?? 2_000))
    : await startJobs({
        database,
        databaseUrl: config.DATABASE_URL,
        sweep: null,
        clock,
        delivery: worker,
        pollingIntervalSeconds: Math.max(0.5, (env('PINTU_WORKER_INTERVAL_MS') ?? 2_000) / 1000),
        retryDelaySeconds: env('PINTU_JOBS_RETRY_DELAY_S'),
        deliverExpireInSeconds: env('PINTU_JOBS_EXPIRE_S'),
        superviseIntervalSeconds: env('PINTU_JOBS_SUPERVISE_S'),
      });
const stop = async () => {
  await running.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
