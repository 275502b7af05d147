/**
 * Federation's signatures (ADR 0013): Standard Webhooks' asymmetric scheme (`whsk_`/`whpk_` keys, `v1a,` Ed25519
 * over `{id}.{timestamp}.{body}`), checked against WebCrypto's own Ed25519 as a second implementation.
 */
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateInstanceKeys,
  keyFingerprint,
  publicKeyOf,
  SIGNATURE_TOLERANCE_S,
  signMessage,
  verifyMessage,
} from '../../src/security/instance-keys';

const NOW = 1_765_000_000;
const body = '{"type":"report.event","data":{"trackingId":"LPR-8F3K-Q7MZ-2T9X","seq":2}}';

describe('instance keys', () => {
  const keys = generateInstanceKeys();
  const other = generateInstanceKeys();
  const headers = (signature: string, timestamp = NOW) => ({
    id: 'msg_1',
    timestamp: String(timestamp),
    signature,
  });

  it('serialises as whsk_/whpk_ with 32 raw bytes, and the public key follows from the secret one', () => {
    expect(keys.secretKey).toMatch(/^whsk_[A-Za-z0-9+/]{43}=$/);
    expect(keys.publicKey).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    expect(publicKeyOf(keys.secretKey)).toBe(keys.publicKey);
    expect(keyFingerprint(keys.publicKey)).toMatch(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
    expect(keyFingerprint(keys.publicKey)).not.toBe(keyFingerprint(other.publicKey));
    expect(() => publicKeyOf('whsec_abc')).toThrow(/whsk_/);
  });

  it('a signature verifies with the signer’s key only, over exactly this id, timestamp and body', () => {
    const sig = signMessage(keys.secretKey, 'msg_1', NOW, body);
    expect(sig).toMatch(/^v1a,/);
    expect(verifyMessage(keys.publicKey, headers(sig), body, NOW)).toEqual({ ok: true });
    expect(verifyMessage(other.publicKey, headers(sig), body, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyMessage(keys.publicKey, headers(sig), body.replace('2}', '3}'), NOW).ok).toBe(false);
    expect(verifyMessage(keys.publicKey, { ...headers(sig), id: 'msg_2' }, body, NOW).ok).toBe(false);
    // A rotation sends two signatures; either may be the trusted key's.
    const both = `${signMessage(other.secretKey, 'msg_1', NOW, body)} ${sig}`;
    expect(verifyMessage(keys.publicKey, headers(both), body, NOW)).toEqual({ ok: true });
  });

  it('refuses a timestamp outside the tolerance, and malformed headers, before any key work', () => {
    const old = NOW - SIGNATURE_TOLERANCE_S - 1;
    const sig = signMessage(keys.secretKey, 'msg_1', old, body);
    expect(verifyMessage(keys.publicKey, headers(sig, old), body, NOW)).toEqual({
      ok: false,
      reason: 'stale_timestamp',
    });
    expect(
      verifyMessage(keys.publicKey, { id: 'msg.1', timestamp: String(NOW), signature: sig }, body, NOW),
    ).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(
      verifyMessage(keys.publicKey, { id: 'msg_1', timestamp: 'soon', signature: sig }, body, NOW).ok,
    ).toBe(false);
    expect(verifyMessage(keys.publicKey, headers('v1,abc v1a,'), body, NOW).ok).toBe(false);
    expect(() => signMessage(keys.secretKey, 'msg.1', NOW, body)).toThrow(/"\."/);
  });

  it('agrees with WebCrypto’s Ed25519 on the signed content', async () => {
    const sig = signMessage(keys.secretKey, 'msg_1', NOW, body);
    const raw = Buffer.from(keys.publicKey.slice('whpk_'.length), 'base64');
    const key = await webcrypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    const ok = await webcrypto.subtle.verify(
      { name: 'Ed25519' },
      key,
      Buffer.from(sig.slice('v1a,'.length), 'base64'),
      Buffer.from(`msg_1.${NOW}.${body}`),
    );
    expect(ok).toBe(true);
  });
});
