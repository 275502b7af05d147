/**
 * Outbox contract, on PGlite and PostgreSQL: rows exist exactly when their event does (written in saveTransition's
 * transaction, gone with its rollback); no reporter address in any column; two workers draining at once deliver
 * every message once (claims with `for update skip locked`, fenced by the claim token).
 */
import { applyAction, createCalendar, NATIONAL_HOLIDAYS, SYSTEM_ACTOR } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../../src/db/open';
import { loadReportState, saveTransition } from '../../src/db/postgres-lifecycle';
import { createDeliveryWorker } from '../../src/notifications/worker';
import { createSealer } from '../../src/security/seal';
import { insertTestReport } from '../support/db-fixtures';
import { type SmtpSink, startSmtpSink } from '../support/smtp';
import { ENGINES, openTestDatabase } from '../support/test-db';

const calendar = createCalendar(NATIONAL_HOLIDAYS);
const sealer = createSealer(Buffer.alloc(32, 7));
const CONTACT = { name: 'Dewi Lestari', email: 'dewi.lestari@example.id', phone: '081298765432' };

describe.each(ENGINES)('notification outbox on %s', (engine) => {
  let d: Database;
  let sink: SmtpSink;
  beforeAll(async () => {
    d = await openTestDatabase(engine);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    await d.close();
  });

  async function reportWithContact() {
    const r = await insertTestReport(d.db);
    await d.db.execute(sql`update reports set reporter_sealed = ${sealer.seal(CONTACT)} where id = ${r.id}`);
    return r;
  }
  /** Archives the report as the national admin would (submitted → archived). */
  async function archive(db: Db, trackingId: string) {
    const stored = (await loadReportState(db, trackingId))!;
    const at = new Date('2024-06-04T02:00:00Z');
    const res = applyAction(
      stored.state,
      { type: 'archive', reason: 'unclear' },
      { ...SYSTEM_ACTOR, role: 'national_admin', id: 'admin-1', institutionId: null },
      at,
      { calendar },
    );
    if (!res.ok) throw new Error(res.error.message);
    return saveTransition(db, trackingId, null, res.report, res.events, at);
  }
  const rowsOf = async (id: number) =>
    (await d.db.execute(sql`select * from notification_outbox where report_id = ${id} order by id`)).rows;

  it('writes the rows in the event transaction and drops them with its rollback', async () => {
    const r = await reportWithContact();
    class Rollback extends Error {}
    await expect(
      d.db.transaction(async (tx) => {
        expect((await archive(tx as unknown as Db, r.trackingId)).ok).toBe(true);
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await rowsOf(r.id)).toEqual([]);

    expect((await archive(d.db, r.trackingId)).ok).toBe(true);
    const rows = await rowsOf(r.id);
    expect(rows.map((x) => `${x.recipient_kind}:${x.channel}:${x.template}:${x.event_seq}`)).toEqual([
      'reporter:email:archived:2',
      'reporter:sms:archived:2',
    ]);
    const all = JSON.stringify(rows).toLowerCase();
    for (const s of [CONTACT.name, CONTACT.email, CONTACT.phone]) expect(all).not.toContain(s.toLowerCase());
  });

  it('two workers draining at once deliver each message exactly once', async () => {
    const reports = [];
    for (let i = 0; i < 12; i++) reports.push(await reportWithContact());
    for (const r of reports) expect((await archive(d.db, r.trackingId)).ok).toBe(true);
    const deps = {
      db: d.db,
      sealer,
      clock: () => new Date('2024-06-04T03:00:00Z'),
      smtpUrl: sink.url,
      mailFrom: 'Pintu <no-reply@pintu.test>',
      log: () => {},
    };
    const a = createDeliveryWorker(deps, { batchSize: 3 });
    const b = createDeliveryWorker(deps, { batchSize: 3 });
    await Promise.all([a.drain(), b.drain()]);
    const ids = reports.map((r) => r.id);
    const keys = (
      await d.db.execute(sql`select idempotency_key as k, status from notification_outbox
        where channel = 'email' and report_id = any(${`{${ids.join(',')}}`}::bigint[])`)
    ).rows as { k: string; status: string }[];
    expect(keys).toHaveLength(12);
    expect(keys.every((k) => k.status === 'sent')).toBe(true);
    const got = sink.messages
      .map((m) => m.headers['message-id'])
      .filter((m) => keys.some((k) => m === `<${k.k}@pintu>`));
    expect(got).toHaveLength(12);
    expect(new Set(got).size).toBe(12);
  });
});
