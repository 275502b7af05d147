/**
 * A federation peer's signed identity document as another Pintu instance would print it (ADR 0013,
 * docs/federation.md §1), written here from the format rather than with the server's own code: an Ed25519 key in
 * Standard Webhooks' `whpk_` form, the document signed `v1a,` over `identity.{issuedAt}.{document}`, and the
 * fingerprint its operator would read out (SHA-256 of the raw public key, first 32 hex digits in groups of four).
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';

const SPKI_PREFIX_LENGTH = 12;

export interface PeerIdentity {
  /** The document as text, what the operator sends. */
  document: string;
  /** What the operator reads out over the phone. */
  fingerprint: string;
}

export function peerIdentity(who: {
  slug: string;
  name: string;
  baseUrl: string;
  handles?: string[];
}): PeerIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX_LENGTH);
  const issuedAt = Math.floor(Date.now() / 1000);
  const inner = JSON.stringify({
    slug: who.slug,
    name: who.name,
    baseUrl: who.baseUrl,
    publicKey: `whpk_${Buffer.from(raw).toString('base64')}`,
    handles: [...(who.handles ?? [])].sort(),
    issuedAt,
  });
  const signature = sign(null, Buffer.from(`identity.${issuedAt}.${inner}`), privateKey).toString('base64');
  const hex = createHash('sha256').update(raw).digest('hex');
  return {
    document: JSON.stringify({ pintuFederation: 1, document: inner, signature: `v1a,${signature}` }),
    fingerprint: hex.slice(0, 32).match(/.{4}/g)!.join(' '),
  };
}
