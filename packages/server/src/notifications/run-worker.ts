/**
 * The delivery worker as a process of its own (`node --import tsx packages/server/src/notifications/run-worker.ts`)
 * for PostgreSQL deployments that run it apart from the API, and for the crash test. Reads DATABASE_URL, SMTP_URL,
 * MAIL_FROM, SMS_GATEWAY_URL and PINTU_DATA_KEY like main.ts; `PINTU_WORKER_LEASE_MS` shortens the lease (tests),
 * and `PINTU_FAULT_KILL=<point>:<n>` makes the process SIGKILL itself at the n-th time it reaches a fault point.
 */
import { loadConfig } from '../config';
import { openDatabase } from '../db/open';
import { createSealer, loadDataKey } from '../security/seal';
import { kannelGateway } from './sms-gateway';
import { createDeliveryWorker, type FaultPoint } from './worker';

const config = loadConfig();
if (!config.DATABASE_URL)
  throw new Error('run-worker needs DATABASE_URL (PGlite runs the worker inside main.ts)');
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, poolSize: 2 });
const sealer = createSealer(loadDataKey(config.PINTU_DATA_KEY, config.DATA_DIR));
const [killAt, killN] = (process.env.PINTU_FAULT_KILL ?? '').split(':');
let reached = 0;
const worker = createDeliveryWorker(
  {
    db: database.db,
    sealer,
    clock: () => new Date(),
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
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
const running = worker.start(Number(process.env.PINTU_WORKER_INTERVAL_MS ?? 2_000));
const stop = async () => {
  await running.stop();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
