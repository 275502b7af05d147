/**
 * The must-show of issue 4 part 5: a delivery worker killed in the middle of sending loses no e-mail and duplicates
 * none — working pg-boss delivery jobs (as deployed) and as the polling loop. The worker runs as its own process
 * (notifications/run-worker.ts) on a PostgreSQL test database and sends
 * to a real SMTP server in this process, which counts a message only when it has received the end of DATA — what
 * an MTA takes responsibility for — and never deduplicates. It is SIGKILLed twice:
 * 1. by the SMTP server, right after it has received the end of the 8th message and before it answers 250: the
 *    worker never learns the message was accepted (the duplicate window of a naive outbox);
 * 2. by itself, with the 5th message streamed up to its end and `delivering` not yet committed (an injected fault).
 * A third worker then finishes. Every message must have arrived exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationOutbox } from '../../src/db/notifications-schema';
import { type Database, openDatabase } from '../../src/db/open';
import { createSealer } from '../../src/security/seal';
import { insertTestReport } from '../support/db-fixtures';
import { NO_POSTGRES, postgresOnly } from '../support/test-db';

const url = process.env.TEST_DATABASE_URL;
const ROWS = 30;
const runWorker = join(import.meta.dirname, '../../src/notifications/run-worker.ts');

// The worker as deployed (pg-boss delivery jobs) and as the polling loop: the outbox's guarantees hold under both.
// Both are always declared, so that without PostgreSQL they show as skipped instead of leaving an empty file.
const MODES = ['pgboss', 'poll'] as const;

describe.skipIf(NO_POSTGRES).each(MODES)(
  postgresOnly('a delivery worker killed in the middle of sending (%s, PostgreSQL)'),
  (mode) => {
    const name = `pintu_test_kill_${randomBytes(4).toString('hex')}`;
    const dataKey = randomBytes(32);
    let databaseUrl: string;
    let d: Database;
    const received: string[] = [];
    let partial = 0;
    let killOnEndOf: number | null = null;
    let child: ChildProcess | null = null;
    let server: SMTPServer;
    let smtpUrl: string;

    beforeAll(async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name} template ${process.env.PINTU_PG_TEMPLATE}`);
      await admin.end();
      const target = new URL(url!);
      target.pathname = `/${name}`;
      databaseUrl = target.toString();
      d = await openDatabase({ databaseUrl, poolSize: 2 });

      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          // The client went away before the end of DATA: the message is not accepted (smtp-server destroys the stream).
          stream.on('error', () => {
            partial += 1;
          });
          stream.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            received.push(/^message-id:\s*<([^>]+)>/im.exec(raw)?.[1] ?? '?');
            if (killOnEndOf !== null && received.length === killOnEndOf) {
              killOnEndOf = null;
              child?.kill('SIGKILL'); // accepted here, but the worker dies before it hears so
              setTimeout(() => callback(), 50);
              return;
            }
            callback();
          });
        },
      });
      server.on('error', () => {}); // the killed worker's connection resets
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

      // 30 e-mails to the reporter of one report (one per event), the contact sealed as intake seals it.
      const report = await insertTestReport(d.db);
      const sealed = createSealer(dataKey).seal({ name: 'Siti', email: 'siti@example.id' });
      await d.db.execute(sql`update reports set reporter_sealed = ${sealed} where id = ${report.id}`);
      const now = new Date(Date.now() - 1000);
      await d.db.insert(notificationOutbox).values(
        Array.from({ length: ROWS }, (_, i) => ({
          idempotencyKey: `n.${report.id}.${i + 1}.reporter.email`,
          reportId: report.id,
          eventSeq: i + 1,
          recipientKind: 'reporter',
          audienceRole: 'reporter',
          channel: 'email',
          template: 'follow_up',
          payload: {
            trackingId: report.trackingId,
            status: 'awaiting_reporter',
            message: `Tindak lanjut ke-${i + 1}`,
          },
          nextAttemptAt: now,
          createdAt: now,
        })),
      );
    });

    afterAll(async () => {
      child?.kill('SIGKILL');
      await new Promise<void>((r) => server.close(() => r()));
      await d.close();
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    });

    function start(
      env: Record<string, string> = {},
    ): Promise<{ code: number | null; signal: string | null }> {
      child = spawn(process.execPath, ['--import', 'tsx', runWorker], {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          SMTP_URL: smtpUrl,
          MAIL_FROM: 'Pintu <no-reply@pintu.test>',
          PINTU_DATA_KEY: dataKey.toString('base64'),
          DATA_DIR: mkdtempSync(join(tmpdir(), 'pintu-worker-')),
          PINTU_WORKER_LEASE_MS: '1500',
          PINTU_WORKER_INTERVAL_MS: '100',
          PINTU_WORKER_BATCH: '10',
          // pg-boss: a dead worker's job expires after 3 s (checked every second), retries start at 1 s.
          ...(mode === 'poll'
            ? { PINTU_WORKER_MODE: 'poll' }
            : { PINTU_JOBS_EXPIRE_S: '3', PINTU_JOBS_RETRY_DELAY_S: '1', PINTU_JOBS_SUPERVISE_S: '1' }),
          ...env,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const c = child;
      return new Promise((resolve) => c.on('exit', (code, signal) => resolve({ code, signal })));
    }

    const statuses = async () =>
      Object.fromEntries(
        (
          await d.db.execute(sql`select status, count(*)::int as n from notification_outbox group by status`)
        ).rows.map((r) => [r.status as string, r.n as number]),
      );

    it('loses none and duplicates none', async () => {
      // 1. Killed by the SMTP server after it accepted the 8th message, before the 250 reached the worker.
      killOnEndOf = 8;
      expect((await start()).signal).toBe('SIGKILL');
      expect(received).toHaveLength(8);

      // 2. Killed by an injected fault at the 5th message: streamed to just before its end, nothing committed.
      const second = await start({ PINTU_FAULT_KILL: 'before_gate:5' });
      expect(second.signal).toBe('SIGKILL');
      expect(partial).toBeGreaterThanOrEqual(1);

      // 3. A third worker finishes: the expired leases are taken over, the accepted-but-unmarked one is not resent.
      const third = start();
      // pg-boss: the dead workers' jobs come back after expiry and backoff.
      const deadline = Date.now() + 100_000;
      while (Date.now() < deadline) {
        const s = await statuses();
        if ((s.sent ?? 0) + (s.unconfirmed ?? 0) === ROWS) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      child?.kill('SIGTERM');
      await third;

      const s = await statuses();
      expect(s).toEqual({ sent: ROWS - 1, unconfirmed: 1 });
      // Every message reached the server, and each exactly once (no deduplication anywhere).
      expect(received).toHaveLength(ROWS);
      expect(new Set(received).size).toBe(ROWS);
      const keys = (await d.db.execute(sql`select idempotency_key as k from notification_outbox`)).rows.map(
        (r) => `${r.k}@pintu`,
      );
      expect([...received].sort()).toEqual(keys.sort());
      // The unconfirmed row is the 8th message: the one the server accepted while the worker died.
      const unconfirmed = await d.db.execute(
        sql`select idempotency_key as k from notification_outbox where status = 'unconfirmed'`,
      );
      expect(`${unconfirmed.rows[0]!.k}@pintu`).toBe(received[7]);
    }, 180_000);
  },
);
