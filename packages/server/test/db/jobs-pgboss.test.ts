/**
 * pg-boss drives the deadlines and the deliveries (issue 4): with the jobs started and a controlled clock, a due
 * reminder is recorded and e-mailed to the holder's coordinator at a real SMTP server, and a new event's e-mail is
 * delivered — without the test calling the sweep or the worker. The delivery job is written in the event's
 * transaction (gone with its rollback). Two pg-boss instances on one PostgreSQL over 200 due reports: every step
 * and every e-mail once.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { WorkingDayCalendar } from '@pintu/core';
import { applyAction, type LifecycleAction } from '@pintu/core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { type Database, type Db, openDatabase } from '../../src/db/open';
import { loadReportState, saveTransition } from '../../src/db/postgres-lifecycle';
import {
  IDEMPOTENCY_CLEANUP_QUEUE,
  type Jobs,
  STATS_FOLD_QUEUE,
  SWEEP_QUEUE,
  startJobs,
} from '../../src/jobs/start-jobs';
import { DISPATCH_QUEUE, deliveryJobId, dispatchDeliveries } from '../../src/notifications/delivery-jobs';
import { createDeliveryWorker } from '../../src/notifications/worker';
import { createAccountCipher } from '../../src/security/account-cipher';
import { createSealer } from '../../src/security/seal';
import { refIds } from '../support/fixtures';
import { act, fileInto, holderById, noticesOf, staffOf } from '../support/sla-fixtures';
import { type SmtpSink, startSmtpSink } from '../support/smtp';
import { ENGINES, openTestDatabase } from '../support/test-db';

const sealer = createSealer(Buffer.alloc(32, 7));
const cipher = createAccountCipher(Buffer.alloc(32, 7));
const MAIL_FROM = 'Pintu <no-reply@pintu.test>';
const URL_PG = process.env.TEST_DATABASE_URL;

/** A PostgreSQL database cloned from the seeded template, with its URL (pg-boss opens its own pool on it). */
async function openPg(): Promise<{ d: Database; url: string; drop(): Promise<void> }> {
  const name = `pintu_test_jobs_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: URL_PG });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name} template ${process.env.PINTU_PG_TEMPLATE}`);
  const target = new URL(URL_PG!);
  target.pathname = `/${name}`;
  const d = await openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
  return { d, url: target.toString(), drop: () => admin(`drop database if exists ${name}`) };
}

/** The account's e-mail sealed behind its blind index, with the key the delivery worker opens it with. */
async function staffUser(db: Db, id: string, institutionId: number, email: string) {
  await db.execute(sql`insert into users (id, name, email, email_sealed)
    values (${id}, ${`Koordinator ${id}`}, ${cipher.indexEmail(email)}, ${cipher.seal(email)})`);
  await db.execute(sql`insert into role_grants (user_id, role, institution_id)
    values (${id}, 'coordinator', ${institutionId})`);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = async (db: Db, q: ReturnType<typeof sql>) =>
  Number((((await db.execute(q)).rows[0] as { n: number | string }) ?? { n: 0 }).n);

describe.each(ENGINES)('pg-boss jobs on %s', (engine) => {
  let d: Database;
  let url: string | undefined;
  let drop = async () => {};
  let calendar: WorkingDayCalendar;
  let sink: SmtpSink;
  let jobs: Jobs;
  let samarinda: number;
  // Thursday 18 April 2024, 01:00 WITA: the reminder of a report filed on Friday 5 April is due.
  const now = new Date('2024-04-17T17:00:00Z');
  const EMAIL = 'koordinator.samarinda@example.id';

  beforeAll(async () => {
    if (engine === 'pglite') d = await openTestDatabase('pglite');
    else ({ d, url, drop } = await openPg());
    calendar = (await loadCalendar(d.db)).get();
    sink = await startSmtpSink();
    samarinda = (await refIds(d.db)).samarinda;
    await staffUser(d.db, 'koord-smd', samarinda, EMAIL);
  });
  afterAll(async () => {
    await jobs?.stop();
    await sink.close();
    await d.close();
    await drop();
  });

  it('sweeps at start and on its schedule, records the reminder and e-mails it, with no direct call', async () => {
    const filed = await fileInto(d.db, calendar, samarinda, new Date('2024-04-05T02:00:00Z'));
    const worker = createDeliveryWorker(
      { db: d.db, sealer, clock: () => now, smtpUrl: sink.url, mailFrom: MAIL_FROM, log: () => {} },
      { leaseMs: 60_000 },
    );
    const started = Date.now();
    jobs = await startJobs({
      database: d,
      databaseUrl: url,
      sweep: { db: d.db, calendar: () => calendar },
      clock: () => now,
      delivery: worker,
      pollingIntervalSeconds: 0.5,
      log: () => {},
    });
    console.log(`pg-boss start on ${engine}: ${Date.now() - started} ms`);
    const schedules = (await jobs.boss.getSchedules()).map((s) => s.name).sort();
    expect(schedules).toEqual(
      [DISPATCH_QUEUE, IDEMPOTENCY_CLEANUP_QUEUE, STATS_FOLD_QUEUE, SWEEP_QUEUE].sort(),
    );
    await until('the reminder', async () => (await noticesOf(d.db, filed)).length > 0);
    expect((await noticesOf(d.db, filed)).map((n) => [n.kind, n.recipient])).toEqual([
      ['reminder', 'holder'],
    ]);
    const mail = await sink.waitFor((m) => m.to.includes(EMAIL) && m.raw.includes(filed), 30_000);
    expect(mail.headers['message-id']).toMatch(/^<n\.\d+\.r\d+\.u-koord-smd\.email@pintu>$/);
    await until(
      'the in-app reminder',
      async () =>
        (await count(d.db, sql`select count(*) as n from notifications where user_id = 'koord-smd'`)) === 1,
    );
  });

  it('writes a delivery job in the event transaction, and delivers the new e-mail', async () => {
    const filed = await fileInto(d.db, calendar, samarinda, new Date('2024-04-17T02:00:00Z'));
    const holder = await holderById(d.db, samarinda);
    const { coordinator } = staffOf(samarinda);
    const verify: LifecycleAction = { type: 'verify', targets: [holder] };
    // Rolled back: neither the outbox rows nor their jobs remain.
    class Rollback extends Error {}
    let inside = 0;
    await expect(
      d.db.transaction(async (trx) => {
        const tx = trx as unknown as Db;
        const stored = (await loadReportState(tx, filed))!;
        const r = applyAction(stored.state, verify, coordinator, now, { calendar });
        if (!r.ok) throw new Error(r.error.message);
        expect((await saveTransition(tx, filed, null, r.report, r.events, now)).ok).toBe(true);
        inside = await count(
          tx,
          sql`select count(*) as n from pgboss.job j join notification_outbox o
            on j.id = ('0b0c0000-0000-4000-8000-' || lpad(to_hex(o.id), 12, '0'))::uuid
            join reports r on r.id = o.report_id where r.tracking_id = ${filed}`,
        );
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(inside).toBe(2); // the coordinator's e-mail and in-app rows
    expect(
      await count(
        d.db,
        sql`select count(*) as n from notification_outbox o join reports r on r.id = o.report_id
          where r.tracking_id = ${filed}`,
      ),
    ).toBe(0);
    await act(d.db, calendar, filed, verify, coordinator, now);
    const rows = (
      await d.db.execute(sql`select o.id::int as id from notification_outbox o join reports r on r.id = o.report_id
        where r.tracking_id = ${filed} and o.channel = 'email'`)
    ).rows as { id: number }[];
    expect(rows).toHaveLength(1);
    const job = await jobs.boss.getJobById('notification-deliver', deliveryJobId(rows[0]!.id));
    expect(job).not.toBeNull();
    const mail = await sink.waitFor((m) => m.to.includes(EMAIL) && m.raw.includes(filed), 30_000);
    expect(mail.headers['message-id']).toMatch(/^<n\.\d+\.\d+\.u-koord-smd\.email@pintu>$/);
    await until(
      'the outbox row sent',
      async () =>
        (await count(
          d.db,
          sql`select count(*) as n from notification_outbox where id = ${rows[0]!.id}
        and status = 'sent'`,
        )) === 1,
    );
    expect(sink.messages.filter((m) => m.raw.includes(filed))).toHaveLength(1);
  });
});

/** Files one report into Samarinda on Friday 5 April 2024 and clones it `n - 1` times, stage row included. */
async function dueReports(db: Db, calendar: WorkingDayCalendar, n: number, prefix: string) {
  const seed = await fileInto(db, calendar, (await refIds(db)).samarinda, new Date('2024-04-05T02:00:00Z'));
  await db.execute(sql`insert into reports (tracking_id, type, title, body, incident_date, region_code, category_id,
      institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel, language, created_at, updated_at)
    select ${prefix} || g, type, title, body, incident_date, region_code, category_id, institution_id, status, due_at,
      jsonb_set(lifecycle, '{id}', to_jsonb(${prefix} || g)), is_anonymous, is_confidential, channel, language,
      created_at, updated_at
    from reports r cross join generate_series(2, ${n}) g where r.tracking_id = ${seed}`);
  await db.execute(sql`update reports set tracking_id = ${`${prefix}1`},
      lifecycle = jsonb_set(lifecycle, '{id}', to_jsonb(${`${prefix}1`}::text)) where tracking_id = ${seed}`);
  // No stage rows for the clones: the start-up backfill projects them, as after an upgrade.
}

describe.skipIf(!URL_PG)('two pg-boss instances on one PostgreSQL', () => {
  let a: Awaited<ReturnType<typeof openPg>>;
  let b: Database;
  let sink: SmtpSink;
  const running: Jobs[] = [];
  beforeAll(async () => {
    a = await openPg();
    b = await openDatabase({ databaseUrl: a.url, poolSize: 4 });
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    for (const j of running) await j.stop();
    await sink.close();
    await b?.close();
    await a?.d.close();
    await a?.drop();
  });

  it('200 due reports: every sweep step, outbox row and e-mail once, deliveries shared', async () => {
    const calendar = (await loadCalendar(a.d.db)).get();
    await staffUser(a.d.db, 'koord-smd', (await refIds(a.d.db)).samarinda, 'koordinator@example.id');
    await dueReports(a.d.db, calendar, 200, 'LPR-JOB-');
    // Tuesday 23 April 2024, 11:00 WITA: the reminder, level 1 and level 2 of every report are due.
    const now = new Date('2024-04-23T03:00:00Z');
    const delivered = [0, 0];
    const started = Date.now();
    for (const [i, d] of [a.d, b].entries()) {
      const worker = createDeliveryWorker(
        { db: d.db, sealer, clock: () => now, smtpUrl: sink.url, mailFrom: MAIL_FROM, log: () => {} },
        { leaseMs: 60_000 },
      );
      running.push(
        await startJobs({
          database: d,
          databaseUrl: a.url,
          sweep: { db: d.db, calendar: () => calendar },
          clock: () => now,
          delivery: {
            deliverOne: async (id, last) => {
              delivered[i]! += 1;
              return worker.deliverOne(id, last);
            },
          },
          pollingIntervalSeconds: 0.5,
          log: () => {},
        }),
      );
    }
    // Per report: the reminder and level 1 reach the coordinator in-app and by e-mail (level 2 goes to the
    // province's coordinator, who has no account here): 800 rows, 400 e-mails.
    await until(
      '400 e-mails',
      async () =>
        sink.messages.length >= 400 &&
        (await count(a.d.db, sql`select count(*) as n from notification_outbox where status = 'sent'`)) >=
          800,
      100_000,
    );
    console.log(`two instances: ${Date.now() - started} ms; deliveries ${delivered.join(' / ')}`);
    const ids = sink.messages.map((m) => m.headers['message-id']);
    expect(ids).toHaveLength(400);
    expect(new Set(ids).size).toBe(400);
    const tally = await a.d.db.execute(sql`select
        (select count(*) from events where action = 'escalate')::int as escalations,
        (select count(*) from sla_notices where kind = 'reminder')::int as reminders,
        (select count(*) from sla_notices where kind = 'escalation')::int as notices,
        (select count(*) from notification_outbox)::int as rows,
        (select count(*) from notification_outbox where status <> 'sent')::int as unsent,
        (select count(*) from notifications)::int as inapp,
        (select count(*) from (select report_id, seq from events group by 1, 2 having count(*) > 1) x)::int as dup`);
    expect(tally.rows[0]).toEqual({
      escalations: 400,
      reminders: 200,
      notices: 400,
      rows: 800,
      unsent: 0,
      inapp: 400,
      dup: 0,
    });
  });
});

/** An SMTP server that answers the end of DATA with 451 for the first `refuse` messages, then accepts. */
async function startRefusingSmtp(refuse: number) {
  const state = { refused: 0, accepted: [] as string[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refused < refuse) {
          state.refused += 1;
          return callback(Object.assign(new Error('Coba lagi nanti'), { responseCode: 451 }));
        }
        state.accepted.push(/^message-id:\s*<([^>]+)>/im.exec(Buffer.concat(chunks).toString())?.[1] ?? '?');
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('pg-boss retries a refused e-mail with backoff (pglite)', () => {
  it('two refusals, then delivered once; the row counts three attempts, the job two retries', async () => {
    const d = await openTestDatabase('pglite');
    const smtp = await startRefusingSmtp(2);
    const calendar = (await loadCalendar(d.db)).get();
    const samarinda = (await refIds(d.db)).samarinda;
    await staffUser(d.db, 'koord-smd', samarinda, 'koordinator@example.id');
    const now = new Date('2024-04-17T02:00:00Z');
    const jobs = await startJobs({
      database: d,
      sweep: null,
      clock: () => now,
      delivery: createDeliveryWorker({
        db: d.db,
        sealer,
        clock: () => now,
        smtpUrl: smtp.url,
        mailFrom: MAIL_FROM,
        log: () => {},
      }),
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
      log: () => {},
    });
    try {
      const filed = await fileInto(d.db, calendar, samarinda, now);
      const { coordinator } = staffOf(samarinda);
      await act(
        d.db,
        calendar,
        filed,
        { type: 'verify', targets: [await holderById(d.db, samarinda)] },
        coordinator,
        now,
      );
      const row = (
        await d.db.execute(sql`select o.id::int as id from notification_outbox o join reports r on r.id = o.report_id
          where r.tracking_id = ${filed} and o.channel = 'email'`)
      ).rows[0] as { id: number };
      await until('the e-mail', async () => smtp.state.accepted.length === 1, 60_000);
      await until(
        'the row sent',
        async () =>
          (await count(
            d.db,
            sql`select count(*) as n from notification_outbox where id = ${row.id} and status = 'sent'`,
          )) === 1,
      );
      expect(smtp.state.refused).toBe(2);
      expect(smtp.state.accepted[0]).toMatch(/^n\.\d+\.\d+\.u-koord-smd\.email@pintu$/);
      const attempts = await d.db.execute(sql`select attempts from notification_outbox where id = ${row.id}`);
      expect(attempts.rows[0]).toEqual({ attempts: 3 });
      const job = await jobs.boss.getJobById('notification-deliver', deliveryJobId(row.id));
      expect(job).toMatchObject({ state: 'completed', retryCount: 2 });
    } finally {
      await jobs.stop();
      await smtp.close();
      await d.close();
    }
  });
});

describe('the dispatcher and a stranded row (pglite)', () => {
  it('gives a due row whose job failed for good that job back; leaves a delivered row alone', async () => {
    const d = await openTestDatabase('pglite');
    const calendar = (await loadCalendar(d.db)).get();
    const samarinda = (await refIds(d.db)).samarinda;
    await staffUser(d.db, 'koord-smd', samarinda, 'koordinator@example.id');
    const now = new Date('2024-04-17T02:00:00Z');
    // No delivery worker here: the jobs stay where the test puts them.
    const jobs = await startJobs({
      database: d,
      sweep: null,
      clock: () => now,
      delivery: null,
      log: () => {},
    });
    try {
      const filed = await fileInto(d.db, calendar, samarinda, now);
      const { coordinator } = staffOf(samarinda);
      const verify: LifecycleAction = { type: 'verify', targets: [await holderById(d.db, samarinda)] };
      await act(d.db, calendar, filed, verify, coordinator, now);
      const rows = (
        await d.db.execute(sql`select o.id::int as id, o.channel from notification_outbox o
          join reports r on r.id = o.report_id where r.tracking_id = ${filed} order by o.id`)
      ).rows as { id: number; channel: string }[];
      expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'in_app']);
      const [email, inApp] = [
        rows.find((r) => r.channel === 'email')!,
        rows.find((r) => r.channel === 'in_app')!,
      ];
      // Both jobs failed for good; the in-app row was delivered meanwhile (e.g. by another path).
      for (const r of rows)
        await d.db.execute(
          sql`update pgboss.job set state = 'failed' where id = ${deliveryJobId(r.id)}::uuid`,
        );
      await d.db.execute(sql`update notification_outbox set status = 'sent' where id = ${inApp.id}`);
      await dispatchDeliveries(d.db, jobs.boss, now);
      const stateOf = async (id: number) =>
        (await jobs.boss.getJobById('notification-deliver', deliveryJobId(id)))?.state;
      expect(await stateOf(email.id)).toBe('retry');
      expect(await stateOf(inApp.id)).toBe('failed');
    } finally {
      await jobs.stop();
      await d.close();
    }
  });
});
