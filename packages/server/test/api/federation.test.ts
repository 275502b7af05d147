/**
 * The national admin's federation routes (issue 13 §1, ADR 0013): this instance's identity and fingerprint, trusting
 * a peer with the fingerprint its operator read out, the peers and the authority map. Nobody else gets in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDocument, readIdentity } from '../../src/security/instance-identity';
import { generateInstanceKeys, keyFingerprint } from '../../src/security/instance-keys';
import { refIds } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: SignedIn;
let coordinator: SignedIn;
const kaltim = generateInstanceKeys();
const kaltimDoc = identityDocument(
  kaltim.secretKey,
  {
    slug: 'kaltim',
    name: 'LAPOR WAL! Kalimantan Timur',
    baseUrl: 'https://laporwal.example',
    handles: ['pemprov-64', 'pemda-64.72'],
  },
  1_765_000_000,
);

beforeAll(async () => {
  t = await startTestApp();
  const ids = await refIds(t.deps.db);
  [admin, coordinator] = await Promise.all([
    signInAs(t, { role: 'national_admin' }),
    signInAs(t, { role: 'coordinator', institutionId: ids.samarinda }),
  ]);
});
afterAll(() => t.close());

describe('federation routes', () => {
  it('refuses a guest (401) and a coordinator (403), and stores nothing', async () => {
    const body = { document: kaltimDoc, fingerprint: keyFingerprint(kaltim.publicKey) };
    expect((await t.get('/api/v1/federation')).status).toBe(401);
    expect((await t.get('/api/v1/federation', coordinator.headers)).status).toBe(403);
    expect((await t.get('/api/v1/federation/identity', coordinator.headers)).status).toBe(403);
    expect((await t.post('/api/v1/federation/peers', body, coordinator.headers)).status).toBe(403);
    expect((await (await t.get('/api/v1/federation', admin.headers)).json()).peers).toEqual([]);
  });

  it('gives the admin this instance’s signed identity and the fingerprint to read out', async () => {
    const view = await (await t.get('/api/v1/federation', admin.headers)).json();
    expect(view.self).toMatchObject({ slug: 'nasional', baseUrl: 'http://localhost:3000' });
    const res = await t.get('/api/v1/federation/identity', admin.headers);
    expect(res.status).toBe(200);
    const read = readIdentity(await res.text());
    expect(read.ok && read.fingerprint).toBe(view.self.fingerprint);
  });

  it('trusts a peer only with its fingerprint; a wrong one is a 422 naming the field', async () => {
    const wrong = await t.post(
      '/api/v1/federation/peers',
      { document: kaltimDoc, fingerprint: '0000 0000' },
      admin.headers,
    );
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).errors).toEqual([
      expect.objectContaining({ field: 'fingerprint', code: 'mismatch' }),
    ]);
    const forged = await t.post(
      '/api/v1/federation/peers',
      { document: '{"x":1}', fingerprint: 'ab' },
      admin.headers,
    );
    expect((await forged.json()).errors).toEqual([
      expect.objectContaining({ field: 'document', code: 'not_an_identity' }),
    ]);

    const ok = await t.post(
      '/api/v1/federation/peers',
      { document: kaltimDoc, fingerprint: keyFingerprint(kaltim.publicKey).toUpperCase() },
      admin.headers,
    );
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({
      slug: 'kaltim',
      state: 'trusted',
      fingerprint: keyFingerprint(kaltim.publicKey),
    });
    const view = await (await t.get('/api/v1/federation', admin.headers)).json();
    expect(view.peers.map((p: { slug: string }) => p.slug)).toEqual(['kaltim']);
    expect(view.authority).toEqual([
      { institutionCode: 'pemda-64.72', instance: 'kaltim' },
      { institutionCode: 'pemprov-64', instance: 'kaltim' },
    ]);
  });
});
