/**
 * Group commit of intake (db/intake-batch.ts): filings that arrive together share one statement and one commit, and
 * each is still checked, written and answered on its own.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/db/event-chain';
import { createBatcher } from '../../src/db/intake-batch';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { refIds, reportInput } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

describe.each(ENGINES)('intake group commit on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-06-03T02:00:00Z' });
    ids = await refIds(t.deps.db);
    // One filing first, so the server knows the institution and later filings take the one-statement path.
    expect(
      (await t.post('/api/v1/reports', reportInput(ids.roads, { institutionId: ids.samarinda }))).status,
    ).toBe(201);
  });
  afterAll(() => t.close());

  it('writes 50 concurrent filings in fewer transactions, each whole; 10 bad ones in the same batches write nothing', async () => {
    const before = await t.deps.db.execute(sql`select count(*)::int as n from reports`);
    const inputs = Array.from({ length: 60 }, (_, i) =>
      reportInput(ids.roads, {
        institutionId: ids.samarinda,
        title: `Laporan serentak nomor ${i}`,
        isAnonymous: i % 3 === 0,
        ...(i % 3 === 0 ? { reporter: undefined } : {}),
        // Every sixth filing names a region that does not exist: only the database can tell.
        ...(i % 6 === 5 ? { location: { regionCode: '64.72.99', address: 'x' } } : {}),
      }),
    );
    const responses = await Promise.all(inputs.map((b) => t.post('/api/v1/reports', b)));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    const created: string[] = [];
    responses.forEach((res, i) => {
      if (i % 6 === 5) {
        expect(res.status).toBe(422);
        expect(bodies[i].errors).toEqual([expect.objectContaining({ field: 'location.regionCode' })]);
      } else {
        expect(res.status).toBe(201);
        created.push(bodies[i].trackingId);
      }
    });
    expect(created).toHaveLength(50);
    expect(new Set(created).size).toBe(50);

    const after = await t.deps.db.execute(sql`select count(*)::int as n from reports`);
    expect((after.rows[0] as { n: number }).n - (before.rows[0] as { n: number }).n).toBe(50);

    // Each report has its title, its first event (a valid chain of one), its stage clock and, with a contact, its
    // two outbox rows (e-mail and SMS).
    const rows = await t.deps.db.execute(sql`
      select r.tracking_id as "trackingId", r.title, r.is_anonymous as "isAnonymous", r.xmin::text as tx,
        (select count(*)::int from events e where e.report_id = r.id) as events,
        (select count(*)::int from sla_stage_clocks s where s.report_id = r.id) as clocks,
        (select count(*)::int from notification_outbox o where o.report_id = r.id) as outbox
      from reports r where r.tracking_id = any(${`{${created.join(',')}}`}::text[])`);
    const byId = new Map(
      (
        rows.rows as {
          trackingId: string;
          title: string;
          isAnonymous: boolean;
          tx: string;
          events: number;
          clocks: number;
          outbox: number;
        }[]
      ).map((r) => [r.trackingId, r]),
    );
    created.forEach((id) => {
      const i = bodies.findIndex((b) => b.trackingId === id);
      const row = byId.get(id)!;
      expect(row.title).toBe(`Laporan serentak nomor ${i}`);
      expect(row.isAnonymous).toBe(i % 3 === 0);
      expect(row).toMatchObject({ events: 1, clocks: 1, outbox: i % 3 === 0 ? 0 : 2 });
    });
    for (const id of created.slice(0, 5)) expect(verifyChain(await readEvents(t.deps.db, id))).toBeNull();

    // Batched for real: several reports share a transaction id.
    const transactions = new Set([...byId.values()].map((r) => r.tx));
    expect(transactions.size).toBeLessThan(50);
  });
});

describe('createBatcher', () => {
  it('answers each value in order, batches what waits, and retries a failed batch one by one', async () => {
    const batches: number[][] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const one = async (v: number) => {
      if (v === 0) await gate; // the first statement stays in flight until the others have queued up
      if (v === 13) throw new Error('bad row');
      return v * 10;
    };
    const many = async (vs: number[]) => {
      batches.push(vs);
      if (vs.includes(13)) throw new Error('bad batch');
      return vs.map((v) => v * 10);
    };
    const b = createBatcher(one, many, 1);
    const results = Array.from({ length: 20 }, (_, v) =>
      b.run(v).then(
        (r) => ({ ok: r }),
        (e: Error) => ({ err: e.message }),
      ),
    );
    release();
    const settled = await Promise.all(results);
    expect(settled).toEqual(
      Array.from({ length: 20 }, (_, v) => (v === 13 ? { err: 'bad row' } : { ok: v * 10 })),
    );
    // 0 alone, then 1–19 together in one batch, which failed and was retried alone.
    expect(batches).toEqual([Array.from({ length: 19 }, (_, i) => i + 1)]);
  });
});
