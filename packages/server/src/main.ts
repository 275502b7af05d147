/** Starts Pintu: configuration, database (migrate + seed), wiring by hand, and the HTTP server. */
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { calendarStatus, loadCalendar } from './app/reference/calendar-source';
import { createFilingGuard } from './app/reports/filing-gate';
import { rebuildIfMissing } from './app/stats/rebuild';
import { fsBlobs } from './attachments/blobs';
import { createAuth, deriveAuthSecret } from './auth/auth';
import { backupServiceOf } from './backup/backup';
import { streamProgress } from './cli/progress';
import { filingLimitsOf, loadConfig, publicUrlOf } from './config';
import { checkDataKey, WrongDataKeyError } from './data-key/data-key';
import { DataDirLockedError } from './db/lock';
import { openConfiguredDatabase } from './db/open-configured';
import { postgresPorts } from './db/postgres-ports';
import { defaultProjectors } from './db/postgres-projectors';
import { seedDemoData } from './db/seed/demo';
import { DEMO_PASSWORD, seedDemoAccounts } from './db/seed/demo-accounts';
import { seedReferenceData } from './db/seed/reference';
import { yieldToRequests } from './db/yield-to-requests';
import { createFederationSender } from './federation/sender';
import { createApp } from './http/app';
import { serveWeb } from './http/web';
import { startJobs } from './jobs/start-jobs';
import { createMailer } from './mail/mailer';
import { kannelGateway } from './notifications/sms-gateway';
import { createDeliveryWorker } from './notifications/worker';
import { openDataConfigOf, openDataJobOf } from './open-data/setup';
import { createAccountCipher } from './security/account-cipher';
import { instanceSelf, loadInstanceKey } from './security/instance-identity';
import { createSealer, loadDataKey } from './security/seal';
import { createWebhookWorker } from './webhooks/webhook-worker';

async function main() {
  const config = loadConfig();
  const dataDir = resolve(config.DATA_DIR);
  const started = Date.now();
  console.log(`Pintu — ${config.DATABASE_URL ? 'PostgreSQL' : `PGlite di ${dataDir}`}`);
  const database = await openConfiguredDatabase(config, config.DB_POOL_SIZE).catch((err) => {
    if (err instanceof DataDirLockedError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  });
  const { db } = database;
  const progress = streamProgress();
  const { seeded } = await seedReferenceData(db, progress);
  // A wrong key is refused before anything is sealed with it; a rotation cut off before its last step ends here.
  const dataKey = await checkDataKey(db, loadDataKey(config.PINTU_DATA_KEY, dataDir), {
    dataDir,
    fromFile: !config.PINTU_DATA_KEY,
  }).catch((err) => {
    if (err instanceof WrongDataKeyError) {
      console.error(`\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  });
  const sealer = createSealer(dataKey);
  const accountCipher = createAccountCipher(dataKey);
  const calendar = await loadCalendar(db);
  // A year without its decree must never be silent (issue 10): its deadlines skip only the fixed-date holidays.
  for (const notice of calendarStatus(calendar, new Date()).notices) console.log(`${notice.id}.`);
  const publicUrl = publicUrlOf(config);
  const mailDir = join(dataDir, 'mail');
  if (!config.SMTP_URL) console.log(`SMTP_URL belum diatur: e-mail disimpan di ${mailDir}, tidak dikirim.`);
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, mailDir });
  const auth = createAuth({
    db,
    mailer,
    publicUrl,
    extraOrigins: config.TRUSTED_ORIGINS?.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    secret: config.PINTU_AUTH_SECRET ?? deriveAuthSecret(dataKey),
    trustProxy: config.TRUST_PROXY,
    accountCipher,
  });
  const instance = instanceSelf(loadInstanceKey(config.PINTU_INSTANCE_KEY, dataDir), {
    slug: config.PINTU_INSTANCE,
    name: config.PINTU_INSTANCE_NAME,
    baseUrl: publicUrl,
  });
  const deps = {
    ...postgresPorts(db, accountCipher),
    db,
    sealer,
    calendar,
    auth,
    mailer,
    blobs: fsBlobs(join(dataDir, 'attachments')),
    clock: () => new Date(),
    projectors: defaultProjectors(),
    instance,
    // Backups of the running server (docs/backup.md): on PGlite the only way while it runs.
    backup: backupServiceOf({ database, databaseUrl: config.DATABASE_URL, dataDir, dataKey }),
    // SMS as a channel (issue 14, docs/sms.md): when SMS_INBOUND_SECRET is set; the webhook answers 404 otherwise.
    sms: await (await import('./channels/sms/settings')).smsChannelOf(config, db),
    // Open data (issue 15, docs/open-data.md): the daily files under DATA_DIR/open-data.
    openDataConfig: openDataConfigOf(dataDir, dataKey, config),
    // The filing limits, honeypot and repeat detection of every channel (issue 16 §7, docs/abuse.md).
    filingGuard: createFilingGuard(auth.secret, filingLimitsOf(config.PINTU_FILING_LIMITS)),
  };
  // A database from before the monitoring rollups (issue 5), or upgraded past migration 0015 (ADR 0009), gets them
  // once; every save keeps them up to date after.
  const rebuilt = await rebuildIfMissing(db, calendar.get());
  if (rebuilt) console.log(`Statistik: rekap ${rebuilt} laporan dibangun ulang.`);
  let demoAccounts: { email: string; label: string }[] = [];
  if (!config.PINTU_NO_DEMO) {
    await seedDemoData(deps, progress);
    demoAccounts = (await seedDemoAccounts(db, auth)).accounts;
  }

  // Deadlines run themselves and notifications are delivered, on pg-boss (issue 4, jobs/start-jobs.ts): a sweep
  // at start catches up on what fell due while stopped, then one every minute; one delivery job per outbox row.
  // On PostgreSQL it starts alongside serving (its own pool; until it is up, new outbox rows wait for the
  // dispatcher). On PGlite it starts first: the embedded engine runs on this thread, and creating pg-boss's schema
  // there stalls every request for seconds — better before "Siap" than after it.
  const jobs = startJobs({
    database,
    databaseUrl: config.DATABASE_URL,
    sweep: { db, calendar: () => calendar.get() },
    clock: deps.clock,
    audit: { instance },
    filingLimits: deps.filingGuard.limits,
    // The daily dump, and a first one when there is none (jobs/open-data-job.ts).
    openData: openDataJobOf({
      openData: deps.openData,
      config: deps.openDataConfig,
      baseUrl: publicUrl,
      publisher: config.PINTU_INSTANCE_NAME,
      clock: deps.clock,
      pause: yieldToRequests,
    }),
    delivery: config.PINTU_NOTIFICATIONS_WORKER
      ? createDeliveryWorker({
          db,
          sealer,
          clock: deps.clock,
          smtpUrl: config.SMTP_URL,
          mailFrom: config.MAIL_FROM,
          mailDir,
          sms: config.SMS_GATEWAY_URL ? kannelGateway(config.SMS_GATEWAY_URL) : null,
        })
      : null,
  }).catch((err) => {
    // Without its scheduler the server would miss deadlines silently: stop instead.
    console.error('[jobs] pg-boss did not start', err);
    process.exit(1);
  });
  if (database.engine === 'pglite') await jobs;
  // Webhook deliveries (issue 12): a polling loop next to the notification worker; claims are leased and skip
  // locked, so any number of processes may run it.
  const stopWebhooks = config.PINTU_NOTIFICATIONS_WORKER
    ? createWebhookWorker({ db, sealer, clock: deps.clock }).start()
    : null;
  // Messages to peer instances (ADR 0013): the same kind of loop, leased per stream, in the worker process.
  const stopFederation = config.PINTU_NOTIFICATIONS_WORKER
    ? createFederationSender({
        db,
        blobs: deps.blobs,
        self: instance,
        clock: deps.clock,
        retryCapMs: config.PINTU_FEDERATION_RETRY_MAX_S * 1000,
      }).start()
    : null;
  // E-mail as a channel (issue 14, docs/email.md): the mailbox's SMTP listener, when MAIL_INBOUND_PORT is set.
  if (config.MAIL_INBOUND_PORT !== undefined) {
    const email = await import('./channels/email/start');
    await email.startEmailChannel(email.emailOptionsOf(config, publicUrl), deps);
  }
  const app = createApp(deps);
  serveWeb(app);
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\nSiap dalam ${secs} s${seeded.length ? ` (data awal: ${seeded.join(', ')})` : ''}.`);
    console.log(`  Portal   http://localhost:${info.port}/`);
    console.log(`  API      http://localhost:${info.port}/api/v1/institutions`);
    console.log(`  API docs http://localhost:${info.port}/api/docs\n`);
    if (demoAccounts.length) {
      console.log(`Akun demo (kata sandi ${DEMO_PASSWORD}):`);
      for (const a of demoAccounts) console.log(`  ${a.email.padEnd(40)} ${a.label}`);
      console.log('');
    }
  });

  // Keep idle connections longer than the clients and proxies that reuse them (Node closes them after 5 s): a
  // client reusing a socket at the instant the server closes it gets ECONNRESET (seen in the e2e suite).
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await stopWebhooks?.();
    await stopFederation?.();
    await (await jobs).stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
