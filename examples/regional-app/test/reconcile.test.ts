/** The reconcile pass against a stub of `GET /api/v1/integration/reports`: cursor paging, updatedSince, seq order. */
import { createServer } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { pintuClient } from '../src/pintu-client';
import { Store } from '../src/store';
import { reconcile } from '../src/sync';
import { sampleReport } from './support';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

it('pages to the end, applies newer statuses, learns lost trackingIds and moves its watermark', async () => {
  const store = new Store(':memory:');
  cleanups.push(() => store.close());
  const a = store.addReport(sampleReport(1));
  const b = store.addReport(sampleReport(2));
  const c = store.addReport(sampleReport(3));
  store.markFiled(a.id, 'LPR-AAAA-AAAA-0001', 'submitted');
  store.observe({ trackingId: 'LPR-AAAA-AAAA-0003', externalRef: c.ref, status: 'in_progress', seq: 5 });
  // b: its filing answer was lost; Pintu has it under externalRef b.ref.
  const items = [
    {
      trackingId: 'LPR-AAAA-AAAA-0001',
      externalRef: a.ref,
      status: 'dispositioned',
      version: 2,
      updatedAt: '2026-12-01T01:00:00.000Z',
    },
    {
      trackingId: 'LPR-AAAA-AAAA-0002',
      externalRef: b.ref,
      status: 'submitted',
      version: 1,
      updatedAt: '2026-12-01T02:00:00.000Z',
    },
    {
      trackingId: 'LPR-AAAA-AAAA-0003',
      externalRef: c.ref,
      status: 'dispositioned',
      version: 3,
      updatedAt: '2026-12-01T03:00:00.000Z',
    },
  ];
  const seen: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const u = new URL(req.url!, 'http://x');
    seen.push(u.searchParams);
    expect(u.pathname).toBe('/api/v1/integration/reports');
    expect(req.headers.authorization).toBe('Bearer k');
    const from = Number(u.searchParams.get('cursor') ?? 0);
    const limit = Number(u.searchParams.get('limit'));
    const since = u.searchParams.get('updatedSince');
    const rest = items.filter((i) => !since || i.updatedAt >= since);
    const page = rest.slice(from, from + limit);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ items: page, nextCursor: from + limit < rest.length ? String(from + limit) : null }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  const client = pintuClient({
    baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    apiKey: 'k',
  });

  expect(await reconcile(store, client, { limit: 2 })).toEqual({ seen: 3, applied: 2, pages: 2 });
  expect(seen.map((q) => q.get('scope'))).toEqual(['filed', 'filed']);
  expect(seen[0]!.get('updatedSince')).toBeNull();
  expect(seen[1]!.get('cursor')).toBe('2');
  expect(store.get(a.id)).toMatchObject({ pintuStatus: 'dispositioned', pintuSeq: 2 });
  expect(store.get(b.id)).toMatchObject({
    filing: 'filed',
    trackingId: 'LPR-AAAA-AAAA-0002',
    pintuStatus: 'submitted',
  });
  // c had seq 5 from a webhook; the listing's older version 3 does not move it back.
  expect(store.get(c.id)).toMatchObject({ pintuStatus: 'in_progress', pintuSeq: 5 });

  // The next pass asks only for what changed since the newest updatedAt (less a minute of overlap).
  await reconcile(store, client, { limit: 2 });
  expect(seen[2]!.get('updatedSince')).toBe('2026-12-01T02:59:00.000Z');
});
