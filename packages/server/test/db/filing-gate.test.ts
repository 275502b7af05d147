/**
 * The abuse gate's count (migration 0035, docs/abuse.md): a subject over a `flag` limit — a busy shared address — keeps
 * being marked, so the gate reads only its newest `max` marks of the window. Whether it is at its limit, and when it
 * is under it again (the oldest of those `max` leaving the window), are what they were; a subject under its limit
 * passes.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open';
import { ENGINES, openTestDatabase } from '../support/test-db';

describe.each(ENGINES)('filing_gate (%s)', (engine) => {
  let d: Database;
  const now = new Date('2026-12-07T10:00:00Z');
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

  beforeAll(async () => {
    d = await openTestDatabase(engine);
    // 300 marks of one shared address over the last 50 minutes (one every 10 s), 3 of a quiet one.
    await d.db.execute(sql`insert into filing_marks (key, text_key, report_id, at)
      select 'address:busy', 'teks ' || i, i, ${now.toISOString()}::timestamptz - make_interval(secs => i * 10)
      from generate_series(1, 300) i`);
    await d.db.execute(sql`insert into filing_marks (key, text_key, report_id, at)
      select 'address:quiet', 'teks ' || i, i, ${now.toISOString()}::timestamptz - make_interval(mins => i)
      from generate_series(1, 3) i`);
  });
  afterAll(() => d.close());

  async function gate(key: string, max: number, refuse: boolean) {
    const g = {
      limits: [{ key, max, since: minutesAgo(60), refuse }],
      flagged: false,
      text: 'teks baru',
      repeatSince: null,
    };
    const res = await d.db.execute(
      sql`select gate_over as "gateOver" from filing_gate(${JSON.stringify(g)}::jsonb, null)`,
    );
    const raw = res.rows[0]!.gateOver;
    return (typeof raw === 'string' ? JSON.parse(raw) : raw) as { index: number; oldest: string }[];
  }

  it('a subject over its limit: over, and free again when the oldest of its newest `max` marks leaves the window', async () => {
    const over = await gate('address:busy', 20, false);
    expect(over).toHaveLength(1);
    expect(over[0]!.index).toBe(0);
    // The 20th newest mark is 200 s old: after it leaves the window, 19 are left — under the limit again.
    expect(new Date(over[0]!.oldest).toISOString()).toBe(new Date(now.getTime() - 200_000).toISOString());
  });

  it('a subject under its limit passes', async () => {
    expect(await gate('address:quiet', 20, true)).toEqual([]);
    expect(await gate('address:quiet', 3, true)).toHaveLength(1);
    expect(await gate('address:none', 1, true)).toEqual([]);
  });
});
