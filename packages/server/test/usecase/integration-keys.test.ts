/**
 * Apps and keys over in-memory ports (ADR 0012): who may manage them, a key stored as its hash only, rotation's
 * overlap, revocation, every refusal of authentication, and the per-key token bucket.
 */
import { createHash } from 'node:crypto';
import { DomainFailure, type InstitutionRecord, type Role } from '@pintu/core';
import { describe, expect, it } from 'vitest';
import { appCaller, type Caller } from '../../src/app/accounts/caller';
import { authenticateKey, KeyRateLimiter } from '../../src/app/integration/authenticate-key';
import { registerApp, updateApp } from '../../src/app/integration/manage-apps';
import { createKey, keyStatus, listKeys, revokeKey, rotateKey } from '../../src/app/integration/manage-keys';
import { fakeInstitutionAdmin } from '../fakes/accounts-institution-admin';
import { fakeIntegrationRegistry } from '../fakes/integration-registry';

const NOW = new Date('2024-06-03T01:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

const node = (id: number, path: number[]): InstitutionRecord => ({
  id,
  parentId: path.length > 1 ? path[path.length - 2]! : null,
  path,
  code: `i-${id}`,
  kind: 'regency_government',
  name: `Instansi ${id}`,
  regionCode: null,
  timeZone: 'Asia/Makassar',
  active: true,
  skNumber: null,
  skDate: null,
  settings: {},
  connected: false,
});

const caller = (role: Role, institutionId: number | null): Caller => ({
  userId: `${role}-${institutionId}`,
  name: role,
  email: `${role}@example.go.id`,
  grants: [{ role, institutionId }],
  permissions: [],
  mustChangePassword: false,
});

function setup() {
  const { registry, state } = fakeIntegrationRegistry();
  const admin = fakeInstitutionAdmin({ nodes: [node(1, [1]), node(2, [2]), node(3, [2, 3])] });
  const deps = (now = NOW) => ({ integration: registry, institutionAdmin: admin.port, now });
  return { deps, state, registry };
}

async function failureOf(run: Promise<unknown>) {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainFailure);
  return (err as DomainFailure).error;
}

const input = (slug: string, institutionId = 2) => ({
  name: `Aplikasi ${slug}`,
  slug,
  institutionId,
  contactName: 'Tim',
  contactEmail: 'tim@diskominfo.test',
});

describe('managing apps and keys', () => {
  it('the developer or coordinator of the institution (or an ancestor) may; others may not', async () => {
    const { deps } = setup();
    await registerApp(deps(), caller('developer', 2), input('a'));
    await registerApp(deps(), caller('coordinator', 2), input('b', 3));
    expect((await failureOf(registerApp(deps(), caller('developer', 1), input('c')))).code).toBe(
      'NOT_ALLOWED',
    );
    expect((await failureOf(registerApp(deps(), caller('developer', 3), input('d')))).code).toBe(
      'NOT_ALLOWED',
    );
    expect((await failureOf(registerApp(deps(), caller('liaison_officer', 2), input('e')))).code).toBe(
      'NOT_ALLOWED',
    );
    expect((await failureOf(registerApp(deps(), caller('developer', 2), input('a')))).reason).toBe(
      'slug_taken',
    );
  });

  it('stores only the hash; rotation keeps the old key live until the overlap ends; revocation ends it now', async () => {
    const { deps, state, registry } = setup();
    const dev = caller('developer', 2);
    const app = await registerApp(deps(), dev, input('sitanggap'));
    const created = await createKey(deps(), dev, app.id, { name: 'k', permissions: ['reports:read'] });
    const stored = state.keys.get(created.id)!;
    expect(stored.hash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(await listKeys(deps(), dev, app.id))).not.toContain(created.key.slice(19));
    const rotated = await rotateKey(deps(), dev, created.id, 2);
    expect(rotated.previous.expiresAt).toEqual(hours(2));
    expect(rotated.permissions).toEqual(['reports:read']);
    for (const key of [created.key, rotated.key])
      expect((await authenticateKey({ integration: registry }, key, hours(1))).ok).toBe(true);
    expect(await authenticateKey({ integration: registry }, created.key, hours(2))).toEqual({
      ok: false,
      reason: 'expired',
    });
    await revokeKey(deps(hours(1)), dev, rotated.id);
    expect(await authenticateKey({ integration: registry }, rotated.key, hours(1))).toEqual({
      ok: false,
      reason: 'revoked',
    });
    expect(state.audit.map((a) => a.action)).toEqual([
      'register_app',
      'create_key',
      'rotate_key',
      'revoke_key',
    ]);
    expect(JSON.stringify(state.audit)).not.toContain(created.key);
  });

  it('refuses unknown permissions, a past expiry, and an overlap beyond 30 days', async () => {
    const { deps } = setup();
    const dev = caller('developer', 2);
    const app = await registerApp(deps(), dev, input('x'));
    expect(
      (await failureOf(createKey(deps(), dev, app.id, { name: 'k', permissions: ['admin'] }))).fields?.[0]
        ?.field,
    ).toBe('permissions');
    expect(
      (
        await failureOf(
          createKey(deps(), dev, app.id, { name: 'k', permissions: ['reports:read'], expiresAt: hours(-1) }),
        )
      ).fields?.[0]?.field,
    ).toBe('expiresAt');
    const key = await createKey(deps(), dev, app.id, { name: 'k', permissions: ['reports:read'] });
    expect((await failureOf(rotateKey(deps(), dev, key.id, 721))).fields?.[0]?.field).toBe('overlapHours');
  });

  it('an app key cannot manage apps or keys, even its own', async () => {
    const { deps } = setup();
    const dev = caller('developer', 2);
    const app = await registerApp(deps(), dev, input('y'));
    const key = await createKey(deps(), dev, app.id, { name: 'k', permissions: ['webhooks:manage'] });
    const asApp = appCaller({
      appId: app.id,
      slug: 'y',
      name: 'Y',
      keyId: key.id,
      keyPrefix: key.prefix,
      institutionId: 2,
      permissions: key.permissions,
    });
    expect((await failureOf(rotateKey(deps(), asApp, key.id))).code).toBe('NOT_ALLOWED');
    expect((await failureOf(updateApp(deps(), asApp, app.id, { disabled: true }))).code).toBe('NOT_ALLOWED');
  });
});

describe('authentication', () => {
  it('malformed, unknown, wrong secret, disabled app: each refused with its reason', async () => {
    const { deps, registry } = setup();
    const dev = caller('developer', 2);
    const app = await registerApp(deps(), dev, input('z'));
    const key = await createKey(deps(), dev, app.id, { name: 'k', permissions: ['reports:read'] });
    const auth = (k: string, at = NOW) => authenticateKey({ integration: registry }, k, at);
    expect(await auth('pintu_abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(await auth(`pintu_${'a'.repeat(12)}_${'A'.repeat(43)}`)).toEqual({ ok: false, reason: 'unknown' });
    expect(await auth(`${key.key.slice(0, 19)}${'B'.repeat(43)}`)).toEqual({ ok: false, reason: 'unknown' });
    const ok = await auth(key.key);
    expect(ok.ok && ok.app).toMatchObject({ appId: app.id, institutionId: 2, keyPrefix: key.prefix });
    expect(appCaller(ok.ok ? ok.app : (undefined as never)).grants).toEqual([
      { role: 'integration', institutionId: 2 },
    ]);
    await updateApp(deps(), dev, app.id, { disabled: true });
    expect(await auth(key.key)).toEqual({ ok: false, reason: 'app_disabled' });
  });

  it('a key is live, expiring within 7 days, expired, or revoked', () => {
    expect(keyStatus({ expiresAt: null, revokedAt: null }, NOW)).toBe('live');
    expect(keyStatus({ expiresAt: hours(24 * 7), revokedAt: null }, NOW)).toBe('expiring');
    expect(keyStatus({ expiresAt: hours(24 * 8), revokedAt: null }, NOW)).toBe('live');
    expect(keyStatus({ expiresAt: NOW, revokedAt: null }, NOW)).toBe('expired');
    expect(keyStatus({ expiresAt: null, revokedAt: NOW }, NOW)).toBe('revoked');
  });

  it('the token bucket: the per-minute limit at once, then one token per 60/limit seconds', () => {
    const limiter = new KeyRateLimiter();
    for (let i = 0; i < 6; i++) expect(limiter.take('k', 6, NOW)).toBe(0);
    expect(limiter.take('k', 6, NOW)).toBe(10);
    expect(limiter.take('other', 6, NOW)).toBe(0);
    expect(limiter.take('k', 6, new Date(NOW.getTime() + 9_000))).toBe(1);
    expect(limiter.take('k', 6, new Date(NOW.getTime() + 10_000))).toBe(0);
  });
});
