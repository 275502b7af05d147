/**
 * Trusting a peer (ADR 0013) over the real registry: only with the fingerprint its operator read out, only for
 * institutions that exist here and nobody else handles; a new identity of the same peer replaces the old one.
 */
import { DomainFailure } from '@pintu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustPeer } from '../../src/app/federation/trust-peer';
import type { Database } from '../../src/db/open';
import { postgresFederation } from '../../src/db/postgres-federation';
import { identityDocument } from '../../src/security/instance-identity';
import { generateInstanceKeys, keyFingerprint } from '../../src/security/instance-keys';
import { ENGINES, openTestDatabase } from '../support/test-db';

const NOW = new Date('2026-12-06T02:00:00Z');
const KALTIM = ['pemprov-64', 'pemda-64.71', 'pemda-64.72'];

describe.each(ENGINES)('trustPeer (%s)', (engine) => {
  let database: Database;
  let deps: { federation: ReturnType<typeof postgresFederation>; now: Date; self: string };
  const keys = generateInstanceKeys();
  const doc = (handles = KALTIM, slug = 'kaltim', secretKey = keys.secretKey) =>
    identityDocument(
      secretKey,
      { slug, name: 'LAPOR WAL! Kalimantan Timur', baseUrl: 'https://laporwal.example', handles },
      NOW.getTime() / 1000,
    );
  const refused = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => (e instanceof DomainFailure ? e.error : Promise.reject(e)),
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    deps = { federation: postgresFederation(database.db), now: NOW, self: 'nasional' };
  });
  afterAll(() => database.close());

  it('refuses a wrong fingerprint, its own identity, and institutions unknown here; stores nothing', async () => {
    const fingerprint = keyFingerprint(keys.publicKey);
    expect(
      await refused(trustPeer(deps, { document: doc(), fingerprint: '0000 1111', trustedBy: 'cli' })),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'fingerprint', code: 'mismatch' }],
    });
    expect(
      await refused(trustPeer(deps, { document: doc(KALTIM, 'nasional'), fingerprint, trustedBy: 'cli' })),
    ).toMatchObject({ fields: [{ field: 'document', code: 'self' }] });
    expect(
      await refused(
        trustPeer(deps, {
          document: doc([...KALTIM, 'pemda-99.99'], 'kaltim'),
          fingerprint,
          trustedBy: 'cli',
        }),
      ),
    ).toMatchObject({ fields: [{ field: 'handles', code: 'unknown_institution', message: 'pemda-99.99' }] });
    expect(await deps.federation.peers()).toEqual([]);
    expect(await deps.federation.authority()).toEqual([]);
  });

  it('trusts with the fingerprint as read aloud (any case or spacing) and records what the peer handles', async () => {
    const spoken = keyFingerprint(keys.publicKey).toUpperCase().replaceAll(' ', ':');
    const { peer } = await trustPeer(deps, { document: doc(), fingerprint: spoken, trustedBy: 'cli' });
    expect(peer).toMatchObject({ slug: 'kaltim', state: 'trusted', publicKey: keys.publicKey });
    expect((await deps.federation.peers()).map((p) => p.slug)).toEqual(['kaltim']);
    expect(await deps.federation.authority()).toEqual(
      [...KALTIM].sort().map((institutionCode) => ({ institutionCode, instance: 'kaltim' })),
    );
  });

  it('a rotated key and a changed claim replace the old ones; another peer cannot take Kaltim’s institutions', async () => {
    const rotated = generateInstanceKeys();
    await trustPeer(deps, {
      document: doc(['pemprov-64'], 'kaltim', rotated.secretKey),
      fingerprint: keyFingerprint(rotated.publicKey),
      trustedBy: 'cli',
    });
    expect((await deps.federation.peers())[0]!.publicKey).toBe(rotated.publicKey);
    expect(await deps.federation.authority()).toEqual([
      { institutionCode: 'pemprov-64', instance: 'kaltim' },
    ]);
    const other = generateInstanceKeys();
    expect(
      await refused(
        trustPeer(deps, {
          document: doc(['pemprov-64'], 'kaltara', other.secretKey),
          fingerprint: keyFingerprint(other.publicKey),
          trustedBy: 'cli',
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      fields: [{ code: 'handled_elsewhere', message: 'pemprov-64: kaltim' }],
    });
  });
});
