/**
 * Apps and API keys (issue 12 §1, ADR 0012): who may register apps and keys, a key shown once and stored hashed,
 * rotation with two live keys, revocation, every bad key (nothing changes), the per-key rate limit, and a key
 * request that never reads the session cookie.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app';
import { refIds, reportInput, rowCounts } from '../support/fixtures';
import { bearer, createKey, institutionNamed, registerApp, withKey } from '../support/integration-fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let balikpapan: number;
const h: Record<string, Record<string, string>> = {};
const LIST = '/api/v1/integration/reports';

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T01:00:00Z' });
  ids = await refIds(t.deps.db);
  balikpapan = await institutionNamed(t, 'Pemerintah Kota Balikpapan');
  const who: [string, Parameters<typeof signInAs>[1]][] = [
    ['developer', { role: 'developer', institutionId: balikpapan }],
    ['coordinator', { role: 'coordinator', institutionId: balikpapan }],
    ['liaison', { role: 'liaison_officer', institutionId: balikpapan }],
    ['samarindaDev', { role: 'developer', institutionId: ids.samarinda }],
  ];
  for (const [k, w] of who) h[k] = (await signInAs(t, w)).headers;
});
afterAll(() => t.close());

describe('apps', () => {
  it('a developer or coordinator of the institution registers apps; others may not', async () => {
    const app = await registerApp(t, h.developer!, balikpapan, 'sitanggap');
    expect(app.channel).toBe('integration:sitanggap');
    await registerApp(t, h.coordinator!, balikpapan, 'sitanggap-coord');
    const liaison = await t.post(
      '/api/v1/integration/apps',
      { name: 'Xy', slug: 'x-liaison', institutionId: balikpapan, contactName: 'Ab', contactEmail: 'a@b.id' },
      h.liaison!,
    );
    expect(liaison.status).toBe(403);
    const elsewhere = await t.post(
      '/api/v1/integration/apps',
      { name: 'Xy', slug: 'x-smd', institutionId: balikpapan, contactName: 'Ab', contactEmail: 'a@b.id' },
      h.samarindaDev!,
    );
    expect(elsewhere.status).toBe(403);
    // Out of scope an app does not exist; in scope it does.
    expect((await t.get(`/api/v1/integration/apps/${app.id}`, h.samarindaDev!)).status).toBe(404);
    expect((await t.get(`/api/v1/integration/apps/${app.id}`, h.developer!)).status).toBe(200);
    const mine = await (await t.get('/api/v1/integration/apps', h.samarindaDev!)).json();
    expect(mine.items).toEqual([]);
    const theirs = await (await t.get('/api/v1/integration/apps', h.developer!)).json();
    expect(theirs.items.map((a: { slug: string }) => a.slug).sort()).toEqual([
      'sitanggap',
      'sitanggap-coord',
    ]);
  });

  it('a taken slug is 409 naming the field, a bad slug 422; neither writes anything', async () => {
    const before = await t.deps.db.execute(sql`select count(*)::int as n from integration_apps`);
    const taken = await t.post(
      '/api/v1/integration/apps',
      {
        name: 'Dua',
        slug: 'sitanggap',
        institutionId: balikpapan,
        contactName: 'Ab',
        contactEmail: 'a@b.id',
      },
      h.developer!,
    );
    expect(taken.status).toBe(409);
    expect((await taken.json()).errors[0].field).toBe('slug');
    const bad = await t.post(
      '/api/v1/integration/apps',
      { name: 'Dua', slug: 'Bad Slug', institutionId: balikpapan, contactName: 'Ab', contactEmail: 'a@b.id' },
      h.developer!,
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe('slug');
    const after = await t.deps.db.execute(sql`select count(*)::int as n from integration_apps`);
    expect(after.rows[0]).toEqual(before.rows[0]);
  });
});

describe('key lifecycle', () => {
  it('a key is shown once, stored as its SHA-256 only, listed without it, and audited', async () => {
    const app = await registerApp(t, h.developer!, balikpapan, 'lapor-wal');
    const created = await createKey(t, h.developer!, app.id);
    expect(created.key).toMatch(/^pintu_[a-z2-7]{12}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`pintu_${created.prefix}_`)).toBe(true);
    const row = (await t.deps.db.execute(sql`select * from integration_keys where id = ${created.id}`))
      .rows[0] as Record<string, unknown>;
    expect(row.hash).toBe(createHash('sha256').update(created.key).digest('hex'));
    const secret = created.key.split('_').slice(2).join('_');
    expect(JSON.stringify(row)).not.toContain(secret);
    const list = await (await t.get(`/api/v1/integration/apps/${app.id}/keys`, h.developer!)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ prefix: created.prefix, status: 'live' });
    expect(JSON.stringify(list)).not.toContain(secret);
    const audit = await t.deps.db.execute(
      sql`select action, detail::text as detail from integration_audit where app_id = ${app.id} order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['register_app', 'create_key']);
    expect(JSON.stringify(audit.rows)).not.toContain(secret);
    // It works, and its use is recorded.
    expect((await withKey(t, created.key, 'GET', LIST)).status).toBe(200);
    const used = await t.deps.db.execute(
      sql`select last_used_at from integration_keys where id = ${created.id}`,
    );
    expect(used.rows[0]!.last_used_at).not.toBeNull();
  });

  it('rotation: both keys work during the overlap, the old one stops after it; revocation stops a key at once', async () => {
    const app = await registerApp(t, h.developer!, balikpapan, 'rotasi');
    const old = await createKey(t, h.developer!, app.id);
    const res = await t.post(`/api/v1/integration/keys/${old.id}/rotate`, { overlapHours: 24 }, h.developer!);
    const next = await res.json();
    expect(res.status, JSON.stringify(next)).toBe(201);
    expect(next.key).not.toBe(old.key);
    expect(next.previous.id).toBe(old.id);
    expect(new Date(next.previous.expiresAt).getTime()).toBe(new Date('2024-06-04T01:00:00Z').getTime());
    expect((await withKey(t, old.key, 'GET', LIST)).status).toBe(200);
    expect((await withKey(t, next.key, 'GET', LIST)).status).toBe(200);
    const statuses = await (await t.get(`/api/v1/integration/apps/${app.id}/keys`, h.developer!)).json();
    const statusOf = (id: string) => statuses.items.find((k: { id: string }) => k.id === id)?.status;
    expect([statusOf(old.id), statusOf(next.id)]).toEqual(['expiring', 'live']);
    try {
      t.setNow('2024-06-04T01:00:01Z');
      const dead = await withKey(t, old.key, 'GET', LIST);
      expect(dead.status).toBe(401);
      expect(dead.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await withKey(t, next.key, 'GET', LIST)).status).toBe(200);
      const revoked = await t.post(`/api/v1/integration/keys/${next.id}/revoke`, {}, h.developer!);
      expect(revoked.status).toBe(200);
      expect((await revoked.json()).status).toBe('revoked');
      expect((await withKey(t, next.key, 'GET', LIST)).status).toBe(401);
      // A dead key cannot be rotated into a live one.
      expect((await t.post(`/api/v1/integration/keys/${next.id}/rotate`, {}, h.developer!)).status).toBe(409);
    } finally {
      t.setNow('2024-06-03T01:00:00Z');
    }
    const audit = await t.deps.db.execute(
      sql`select action from integration_audit where app_id = ${app.id} order by id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'register_app',
      'create_key',
      'rotate_key',
      'revoke_key',
    ]);
  });

  it('another institution’s developer can neither list, rotate nor revoke the keys (404)', async () => {
    const app = await registerApp(t, h.developer!, balikpapan, 'lain');
    const key = await createKey(t, h.developer!, app.id);
    expect((await t.get(`/api/v1/integration/apps/${app.id}/keys`, h.samarindaDev!)).status).toBe(404);
    expect((await t.post(`/api/v1/integration/keys/${key.id}/rotate`, {}, h.samarindaDev!)).status).toBe(404);
    expect((await t.post(`/api/v1/integration/keys/${key.id}/revoke`, {}, h.samarindaDev!)).status).toBe(404);
    expect((await withKey(t, key.key, 'GET', LIST)).status).toBe(200);
  });
});

describe('bad keys change nothing', () => {
  let app: { id: string };
  let readOnly: { key: string };
  let expiring: { key: string };
  beforeAll(async () => {
    app = await registerApp(t, h.developer!, balikpapan, 'uji-kunci');
    readOnly = await createKey(t, h.developer!, app.id, { permissions: ['reports:read'] });
    expiring = await createKey(t, h.developer!, app.id, { expiresAt: '2024-06-03T02:00:00Z' });
  });

  it.each([
    ['missing', undefined],
    ['not a Pintu key', 'Bearer abc.def.ghi'],
    ['malformed', 'Bearer pintu_short_key'],
    ['unknown', `Bearer pintu_${'a'.repeat(12)}_${'A'.repeat(43)}`],
  ])('%s key → 401 with WWW-Authenticate, nothing filed', async (_, authorization) => {
    const before = await rowCounts(t.deps.db);
    const res = await t.app.request('/api/v1/integration/reports', {
      headers: authorization ? { authorization } : {},
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    if (authorization) {
      const filed = await t.app.request('/api/v1/reports', {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(reportInput(ids.roads)),
      });
      expect(filed.status).toBe(401);
    }
    expect(await rowCounts(t.deps.db)).toEqual(before);
  });

  it('a known key with a wrong secret is 401 (the hash is compared, not the prefix)', async () => {
    const forged = `${readOnly.key.slice(0, 19)}${'B'.repeat(43)}`;
    expect((await withKey(t, forged, 'GET', LIST)).status).toBe(401);
  });

  it('an expired key, and every key of a disabled app, is 401', async () => {
    expect((await withKey(t, expiring.key, 'GET', LIST)).status).toBe(200);
    t.setNow('2024-06-03T02:00:00Z');
    try {
      expect((await withKey(t, expiring.key, 'GET', LIST)).status).toBe(401);
    } finally {
      t.setNow('2024-06-03T01:00:00Z');
    }
    const other = await registerApp(t, h.developer!, balikpapan, 'dinonaktifkan');
    const key = await createKey(t, h.developer!, other.id);
    const off = await t.app.request(`/api/v1/integration/apps/${other.id}`, {
      method: 'PATCH',
      headers: { ...h.developer!, 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    expect(off.status).toBe(200);
    const before = await rowCounts(t.deps.db);
    expect((await withKey(t, key.key, 'POST', '/api/v1/reports', reportInput(ids.roads))).status).toBe(401);
    expect(await rowCounts(t.deps.db)).toEqual(before);
  });

  it('a key without the permission is 403 naming it, and files nothing', async () => {
    const before = await rowCounts(t.deps.db);
    const res = await withKey(t, readOnly.key, 'POST', '/api/v1/reports', reportInput(ids.roads));
    const body = await res.json();
    expect(res.status).toBe(403);
    expect(body.detail).toContain('reports:file');
    expect(body.errors[0]).toMatchObject({ code: 'missing_permission', message: 'reports:file' });
    expect(await rowCounts(t.deps.db)).toEqual(before);
  });

  it('a key is good for the integration API only: a staff route is 403, developer routes too', async () => {
    expect((await withKey(t, readOnly.key, 'GET', '/api/v1/inbox')).status).toBe(403);
    expect((await withKey(t, readOnly.key, 'GET', '/api/v1/integration/apps')).status).toBe(403);
    expect(
      (
        await withKey(t, readOnly.key, 'POST', `/api/v1/integration/apps/${app.id}/keys`, {
          name: 'x',
          permissions: ['reports:read'],
        })
      ).status,
    ).toBe(403);
  });
});

describe('a key request', () => {
  it('never reads the session cookie and skips CSRF: a coordinator cookie without Origin files as the app', async () => {
    const app = await registerApp(t, h.developer!, balikpapan, 'tanpa-cookie');
    const key = await createKey(t, h.developer!, app.id);
    const res = await withKey(t, key.key, 'POST', '/api/v1/reports', reportInput(ids.roads), {
      cookie: h.coordinator!.cookie!,
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    const row = await t.deps.db.execute(
      sql`select channel, reporter_account_id from reports where tracking_id = ${body.trackingId}`,
    );
    expect(row.rows[0]).toEqual({ channel: 'integration:tanpa-cookie', reporter_account_id: null });
  });

  it('over the key’s rate: 429 with Retry-After; the bucket refills with time', async () => {
    const app = await registerApp(t, h.developer!, balikpapan, 'batas');
    const key = await createKey(t, h.developer!, app.id, { rateLimit: 3 });
    for (let i = 0; i < 3; i++) expect((await withKey(t, key.key, 'GET', LIST)).status).toBe(200);
    const before = await rowCounts(t.deps.db);
    const limited = await withKey(t, key.key, 'POST', '/api/v1/reports', reportInput(ids.roads));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(await rowCounts(t.deps.db)).toEqual(before);
    t.setNow('2024-06-03T01:00:21Z');
    try {
      expect((await withKey(t, key.key, 'GET', LIST)).status).toBe(200);
    } finally {
      t.setNow('2024-06-03T01:00:00Z');
    }
    // Another key of the same app has its own bucket.
    const other = await createKey(t, h.developer!, app.id, { rateLimit: 3 });
    expect((await withKey(t, other.key, 'GET', LIST)).status).toBe(200);
    expect(bearer(other.key).authorization).toContain(other.prefix);
  });
});

describe('webhooks through a key', () => {
  it('an app manages its own webhooks with a key holding webhooks:manage, and no other app’s', async () => {
    const app = await registerApp(t, h.developer!, balikpapan, 'hooks-own');
    const other = await registerApp(t, h.developer!, balikpapan, 'hooks-other');
    const manager = await createKey(t, h.developer!, app.id, { permissions: ['webhooks:manage'] });
    const reader = await createKey(t, h.developer!, app.id, { permissions: ['reports:read'] });
    const otherManager = await createKey(t, h.developer!, other.id, { permissions: ['webhooks:manage'] });
    const hooks = `/api/v1/integration/apps/${app.id}/webhooks`;
    // The registration resolves the host: a public address for this test's name (no DNS here).
    const plainApp = t.app;
    t.app = createApp({ ...t.deps, resolveHost: async () => [{ address: '203.0.113.10', family: 4 }] });
    try {
      const created = await withKey(t, manager.key, 'POST', hooks, {
        url: 'https://hooks.sitanggap.example/pintu',
        eventTypes: ['report.status_changed'],
      });
      expect(created.status).toBe(201);
      expect((await created.json()).secret).toMatch(/^whsec_/);
    } finally {
      t.app = plainApp;
    }
    const listed = await withKey(t, manager.key, 'GET', hooks);
    expect((await listed.json()).items).toHaveLength(1);
    // Without the permission, or as another app, the endpoints are not there.
    expect((await withKey(t, reader.key, 'GET', hooks)).status).toBe(404);
    expect((await withKey(t, otherManager.key, 'GET', hooks)).status).toBe(404);
    // A key never reaches the apps and keys themselves.
    expect((await withKey(t, manager.key, 'GET', `/api/v1/integration/apps/${app.id}/keys`)).status).toBe(
      403,
    );
  });
});

describe('OpenAPI', () => {
  it('documents the bearerAuth scheme and marks the app routes with it', async () => {
    const doc = await (await t.get('/api/openapi.json')).json();
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/integration/reports'].get.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/api/v1/integration/reports/{trackingId}/actions'].post.security).toEqual([
      { bearerAuth: [] },
    ]);
    expect(doc.paths['/api/v1/reports'].post.security).toContainEqual({ bearerAuth: [] });
    expect(doc.paths['/api/v1/integration/apps/{appId}/keys'].post).toBeDefined();
  });
});
