/**
 * Filing through the Pintu client against a tiny real HTTP stub of Pintu's filing endpoint (the other side's
 * contract, ADR 0012): retries keep the Idempotency-Key, Retry-After is honoured, final refusals are not retried.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { idempotencyKeyOf, pintuClient, retryAfterMs } from '../src/pintu-client';
import { Store } from '../src/store';
import { fileOne, filePending } from '../src/sync';
import { newSecret, sampleReport, startApp, stubPintu } from './support';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function withStub(script?: Parameters<typeof stubPintu>[0]) {
  const stub = await stubPintu(script);
  cleanups.push(stub.close);
  return stub;
}

describe('filing', () => {
  it('retries with the same Idempotency-Key and body after the first answer was dropped, and stores the trackingId', async () => {
    const stub = await withStub();
    const dropped: number[] = [];
    const t = await startApp({
      secrets: [newSecret()],
      pintuUrl: stub.url,
      client: {
        onAnswer: ({ attempt, status }) => {
          if (attempt === 1) {
            dropped.push(status);
            throw new Error('fault: answer dropped');
          }
        },
      },
    });
    cleanups.push(t.stop);
    const res = await fetch(`${t.url}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sampleReport(1)),
    });
    expect(res.status).toBe(201);
    const local = (await res.json()) as { ref: string };
    expect(dropped).toEqual([201]); // Pintu had filed it: the first answer was a real 201, lost on the way
    expect(stub.requests).toHaveLength(2);
    const [a, b] = stub.requests;
    expect(a!.headers['idempotency-key']).toBe(`lapor-wal-file-${local.ref}`);
    expect(b!.headers['idempotency-key']).toBe(a!.headers['idempotency-key']);
    expect(b!.body).toEqual(a!.body);
    expect(a!.headers.authorization).toBe('Bearer pintu_TESTPREFIX00_secret');
    expect(a!.body).toMatchObject({
      externalRef: local.ref,
      institutionId: 7,
      reporter: { name: 'Warga 1' },
    });
    expect(stub.filedCount()).toBe(1);
    const stats = (await (
      await fetch(`${t.url}/admin/stats`, { headers: { 'x-admin-token': 'admin-test' } })
    ).json()) as { client: unknown };
    expect(stats.client).toMatchObject({ requests: 2, retries: 1, lostAnswers: 1 });
    expect(local).toMatchObject({
      filing: 'filed',
      trackingId: 'LPR-TEST-0000-0001',
      pintuStatus: 'dispositioned',
    });
  });

  it('retries 5xx and network errors, then gives up leaving the report pending', async () => {
    const stub = await withStub(({ n }) => (n <= 2 ? { status: 503, body: { title: 'down' } } : undefined));
    const store = new Store(':memory:');
    cleanups.push(async () => store.close());
    const client = pintuClient({ baseUrl: stub.url, apiKey: 'k', backoffMs: 1 });
    const r = await fileOne(store, client, store.addReport(sampleReport()));
    expect(stub.requests).toHaveLength(3);
    expect(new Set(stub.requests.map((q) => q.headers['idempotency-key'])).size).toBe(1);
    expect(r.filing).toBe('filed');

    // Nothing listening: every attempt is a network error; the report stays pending for the next pass.
    const nowhere = pintuClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', backoffMs: 1, maxAttempts: 3 });
    const p = store.addReport(sampleReport(2));
    await expect(fileOne(store, nowhere, p)).rejects.toThrow();
    expect(store.get(p.id)!.filing).toBe('pending');
    expect(await filePending(store, client)).toEqual({ filed: 1, failed: 0, pending: 0 });
  });

  it('honours Retry-After on 429', async () => {
    const stub = await withStub(({ n }) =>
      n === 1
        ? { status: 429, headers: { 'retry-after': '7' }, body: { title: 'Too Many Requests' } }
        : undefined,
    );
    const waits: number[] = [];
    const client = pintuClient({
      baseUrl: stub.url,
      apiKey: 'k',
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const store = new Store(':memory:');
    cleanups.push(async () => store.close());
    const r = await fileOne(store, client, store.addReport(sampleReport()));
    expect(waits).toEqual([7000]);
    expect(r.filing).toBe('filed');
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThan(1000);
  });

  it('does not retry a 422 and marks the report failed with Pintu’s detail', async () => {
    const stub = await withStub(() => ({
      status: 422,
      body: {
        title: 'Unprocessable',
        detail: 'Judul terlalu pendek.',
        errors: [{ field: 'title', code: 'too_short' }],
      },
    }));
    const store = new Store(':memory:');
    cleanups.push(async () => store.close());
    const r = await fileOne(
      store,
      pintuClient({ baseUrl: stub.url, apiKey: 'k', backoffMs: 1 }),
      store.addReport(sampleReport()),
    );
    expect(stub.requests).toHaveLength(1);
    expect(r).toMatchObject({
      filing: 'failed',
      filingError: expect.stringContaining('Judul terlalu pendek'),
    });
  });

  it('takes the trackingId a 409 duplicate_external_ref names (filed by an earlier run)', async () => {
    const stub = await withStub(() => ({
      status: 409,
      body: { title: 'Conflict', code: 'duplicate_external_ref', trackingId: 'LPR-ABCD-EFGH-2345' },
    }));
    const store = new Store(':memory:');
    cleanups.push(async () => store.close());
    const r = await fileOne(
      store,
      pintuClient({ baseUrl: stub.url, apiKey: 'k' }),
      store.addReport(sampleReport()),
    );
    expect(r).toMatchObject({ filing: 'filed', trackingId: 'LPR-ABCD-EFGH-2345' });
  });

  it('derives the Idempotency-Key from the local reference, so a restarted app sends the same one', () => {
    const a = new Store(':memory:');
    const r = a.addReport(sampleReport());
    expect(r.ref).toBe('WAL-000001');
    expect(idempotencyKeyOf(r)).toBe('lapor-wal-file-WAL-000001');
    expect(idempotencyKeyOf(r).length).toBeLessThanOrEqual(255);
    a.close();
  });
});
