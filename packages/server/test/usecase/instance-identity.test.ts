/** The identity document two operators exchange before their instances trust each other (ADR 0013). */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityDocument, loadInstanceKey, readIdentity } from '../../src/security/instance-identity';
import {
  generateInstanceKeys,
  keyFingerprint,
  publicKeyOf,
  signMessage,
} from '../../src/security/instance-keys';

const NOW = 1_765_000_000;
const kaltim = {
  slug: 'kaltim',
  name: 'LAPOR WAL! Kalimantan Timur',
  baseUrl: 'https://laporwal.kaltimprov.example/',
  handles: ['pemprov-64', 'pemda-64.72', 'pemda-64.71'],
};

describe('identity document', () => {
  const { secretKey } = generateInstanceKeys();

  it('reads back what was issued, with the fingerprint the issuer shows', () => {
    const read = readIdentity(identityDocument(secretKey, kaltim, NOW));
    expect(read).toEqual({
      ok: true,
      identity: {
        slug: 'kaltim',
        name: 'LAPOR WAL! Kalimantan Timur',
        baseUrl: 'https://laporwal.kaltimprov.example',
        publicKey: publicKeyOf(secretKey),
        handles: ['pemda-64.71', 'pemda-64.72', 'pemprov-64'],
        issuedAt: NOW,
      },
      fingerprint: keyFingerprint(publicKeyOf(secretKey)),
    });
  });

  it('refuses a document changed after signing, or signed by a key other than the one it names', () => {
    const outer = JSON.parse(identityDocument(secretKey, kaltim, NOW));
    const grabbed = outer.document.replace('"pemprov-64"', '"kementerian-pupr"');
    expect(readIdentity(JSON.stringify({ ...outer, document: grabbed }))).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    const impostor = generateInstanceKeys().secretKey;
    const resigned = { ...outer, signature: signMessage(impostor, 'identity', NOW, outer.document) };
    expect(readIdentity(JSON.stringify(resigned))).toEqual({ ok: false, problem: 'bad_signature' });
  });

  it('names what is wrong with something that is not an identity', () => {
    expect(readIdentity('not json')).toEqual({ ok: false, problem: 'not_json' });
    expect(readIdentity('{"hello":1}')).toEqual({ ok: false, problem: 'not_an_identity' });
    const odd = identityDocument(secretKey, { ...kaltim, slug: 'Kaltim Prov' }, NOW);
    expect(readIdentity(odd)).toEqual({ ok: false, problem: 'not_an_identity' });
  });

  it('keeps the generated key in the data directory, readable by the owner only, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pintu-instance-'));
    const first = loadInstanceKey(undefined, dir);
    expect(first).toMatch(/^whsk_/);
    expect(loadInstanceKey(undefined, dir)).toBe(first);
    expect(readFileSync(join(dir, 'instance.key'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'instance.key')).mode & 0o077).toBe(0);
    expect(loadInstanceKey(secretKey, dir)).toBe(secretKey);
  });
});
