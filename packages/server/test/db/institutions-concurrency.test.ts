/**
 * Two administrators moving units crosswise at the same moment (A under B, B under A): on PostgreSQL the row locks
 * meet in opposite orders. One move wins; the other is refused as a cycle — never a 500, never a broken tree.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

describe.each(ENGINES)('crossing unit moves on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let coordinator: SignedIn;
  const send = (method: string, path: string, body: unknown) =>
    t.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...coordinator.headers },
      body: JSON.stringify(body),
    });
  const unit = async (parentId: number, name: string) => {
    const res = await send('POST', `/api/v1/institutions/${parentId}/units`, { name });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };

  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-06-03T02:00:00Z' });
    ids = await refIds(t.deps.db);
    coordinator = await signInAs(t, { role: 'coordinator', institutionId: ids.samarinda });
  });
  afterAll(() => t.close());

  it('lets exactly one of two crossing moves through, 20 times over', async () => {
    for (let round = 0; round < 20; round++) {
      const a = await unit(ids.samarinda, `Bagian A${round}`);
      const b = await unit(ids.samarinda, `Bagian B${round}`);
      const [ab, ba] = await Promise.all([
        send('PATCH', `/api/v1/institutions/${a}`, { parentId: b }),
        send('PATCH', `/api/v1/institutions/${b}`, { parentId: a }),
      ]);
      const statuses = [ab.status, ba.status].sort();
      expect(statuses, `round ${round}: ${await ab.clone().text()} ${await ba.clone().text()}`).toEqual([
        200, 422,
      ]);
      const loser = ab.status === 422 ? ab : ba;
      expect(((await loser.json()) as { errors: unknown[] }).errors).toContainEqual(
        expect.objectContaining({ field: 'parentId', code: 'cycle' }),
      );
      // The tree is consistent: each node's path is its parent's path plus itself.
      const rows =
        await t.deps.db.execute(sql`select c.id from institutions c join institutions p on p.id = c.parent_id
        where c.id in (${a}, ${b}) and c.path <> p.path || c.id`);
      expect(rows.rows).toEqual([]);
    }
  });
});
