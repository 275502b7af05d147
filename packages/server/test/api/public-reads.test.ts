/**
 * The public reads at national size (issue 17), over HTTP: the public view's cache headers and ETag (never for the
 * reporter's or a signed-in caller's view), the list's keyset cursor, and its bad cursors and deep pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let filed: { trackingId: string; accessCode: string };

beforeAll(async () => {
  t = await startTestApp({ now: '2025-03-04T03:00:00Z' });
  const ids = await refIds(t.deps.db);
  for (let k = 0; k < 5; k += 1) {
    const res = await t.post(
      '/api/v1/reports',
      reportInput(ids.roads, { title: `Jalan berlubang di gang nomor ${k + 1}` }),
    );
    expect(res.status).toBe(201);
    filed = await res.json();
  }
});
afterAll(() => t.close());

describe('GET /api/v1/reports/{trackingId} caching', () => {
  it('lets shared caches keep the public view and answers 304 to its ETag', async () => {
    const res = await t.get(`/api/v1/reports/${filed.trackingId}`);
    expect(res.status).toBe(200);
    const tag = res.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=30, must-revalidate');
    expect(res.headers.get('vary')).toBe('Cookie, Authorization, X-Access-Code');
    expect((await res.json()).view).toBe('public');

    const again = await t.get(`/api/v1/reports/${filed.trackingId}`, { 'if-none-match': tag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(tag);
    const weak = await t.get(`/api/v1/reports/${filed.trackingId}`, { 'if-none-match': `"x", W/${tag}` });
    expect(weak.status).toBe(304);
    const stale = await t.get(`/api/v1/reports/${filed.trackingId}`, { 'if-none-match': '"other"' });
    expect(stale.status).toBe(200);
  });

  it('never caches the reporter’s view, and a tag of the public view never answers it', async () => {
    const pub = await t.get(`/api/v1/reports/${filed.trackingId}`);
    const res = await t.get(`/api/v1/reports/${filed.trackingId}`, {
      'x-access-code': filed.accessCode,
      'if-none-match': pub.headers.get('etag')!,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    const body = await res.json();
    expect(body.view).toBe('reporter');
    expect(body.reporter.name).toBe('Siti Rahmawati');
  });

  it('keeps a signed-in caller’s copy of the public view out of shared caches', async () => {
    const citizen = await signInAs(t, { role: 'citizen' });
    const res = await t.get(`/api/v1/reports/${filed.trackingId}`, citizen.headers);
    expect(res.status).toBe(200);
    expect((await res.json()).view).toBe('public');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('changes the ETag when the report changes', async () => {
    const before = (await t.get(`/api/v1/reports/${filed.trackingId}`)).headers.get('etag');
    const admin = await signInAs(t, { role: 'national_admin' });
    const ids = await refIds(t.deps.db);
    const acted = await t.post(
      `/api/v1/reports/${filed.trackingId}/actions`,
      { action: 'verify', targets: [ids.samarinda] },
      admin.headers,
    );
    expect(acted.status).toBe(200);
    const after = await t.get(`/api/v1/reports/${filed.trackingId}`, { 'if-none-match': before! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });
});

describe('GET /api/v1/reports paging', () => {
  it('pages on by cursor and ends with a null cursor', async () => {
    const seen: string[] = [];
    let path = '/api/v1/reports?pageSize=2';
    for (let guard = 0; guard < 10; guard += 1) {
      const res = await t.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=15');
      const page = await res.json();
      expect(page).toMatchObject({ total: 5, totalExact: true });
      seen.push(...page.items.map((r: { trackingId: string }) => r.trackingId));
      if (!page.nextCursor) break;
      path = `/api/v1/reports?pageSize=2&cursor=${page.nextCursor}`;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses a cursor it did not make, naming the field', async () => {
    const res = await t.get('/api/v1/reports?cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});
