/**
 * Who this instance is to its federation peers (ADR 0013): its slug, name, public URL, Ed25519 public key and the
 * institutions it claims to handle, as one self-signed document an operator hands to a peer's operator. The
 * signature proves the sender holds the key; that the key is the peer's is what the two operators confirm by
 * comparing the fingerprint (keyFingerprint) over another channel.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorityEntry } from '@pintu/core';
import {
  generateInstanceKeys,
  keyFingerprint,
  publicKeyOf,
  signDetached,
  signMessage,
  verifyMessage,
} from './instance-keys';

export interface InstanceIdentity {
  slug: string;
  name: string;
  baseUrl: string;
  publicKey: string;
  /** The institutions (by code) the instance handles, with their subtrees. */
  handles: string[];
  /** Unix seconds. */
  issuedAt: number;
}

const SLUG = /^[a-z][a-z0-9-]{1,31}$/;
const ID = 'identity';

/** The secret key from PINTU_INSTANCE_KEY, or one generated once into the data directory (like the data key). */
export function loadInstanceKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'instance.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${generateInstanceKeys().secretKey}\n`, { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}

/** The signed identity document, as JSON text. */
export function identityDocument(
  secretKey: string,
  who: { slug: string; name: string; baseUrl: string; handles: readonly string[] },
  nowS: number,
): string {
  const identity: InstanceIdentity = {
    slug: who.slug,
    name: who.name,
    baseUrl: who.baseUrl.replace(/\/+$/, ''),
    publicKey: publicKeyOf(secretKey),
    handles: [...who.handles].sort(),
    issuedAt: nowS,
  };
  const document = JSON.stringify(identity);
  return JSON.stringify({
    pintuFederation: 1,
    document,
    signature: signMessage(secretKey, ID, nowS, document),
  });
}

export type IdentityProblem = 'not_json' | 'not_an_identity' | 'bad_signature';

/**
 * The identity in a document and its key's fingerprint, or why it cannot be read. The document may be days old
 * (it travels between operators), so its timestamp is checked for shape only, not freshness.
 */
export function readIdentity(
  text: string,
): { ok: true; identity: InstanceIdentity; fingerprint: string } | { ok: false; problem: IdentityProblem } {
  let outer: { pintuFederation?: unknown; document?: unknown; signature?: unknown };
  let identity: InstanceIdentity;
  try {
    outer = JSON.parse(text);
    if (
      outer.pintuFederation !== 1 ||
      typeof outer.document !== 'string' ||
      typeof outer.signature !== 'string'
    )
      return { ok: false, problem: 'not_an_identity' };
    identity = JSON.parse(outer.document);
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  const i = identity as unknown as Record<string, unknown>;
  const shaped =
    typeof i.slug === 'string' &&
    SLUG.test(i.slug) &&
    typeof i.name === 'string' &&
    i.name.length > 0 &&
    typeof i.baseUrl === 'string' &&
    /^https?:\/\/\S+$/.test(i.baseUrl) &&
    typeof i.publicKey === 'string' &&
    /^whpk_[A-Za-z0-9+/]{43}=$/.test(i.publicKey) &&
    Array.isArray(i.handles) &&
    i.handles.every((h) => typeof h === 'string' && h.length > 0) &&
    Number.isInteger(i.issuedAt);
  if (!shaped) return { ok: false, problem: 'not_an_identity' };
  const check = verifyMessage(
    identity.publicKey,
    { id: ID, timestamp: String(identity.issuedAt), signature: outer.signature },
    outer.document,
    identity.issuedAt,
  );
  if (!check.ok) return { ok: false, problem: 'bad_signature' };
  return { ok: true, identity, fingerprint: keyFingerprint(identity.publicKey) };
}

/** The authority lines a trusted peer's identity adds: each institution it handles, for it. */
export const authorityOfIdentity = (identity: InstanceIdentity): AuthorityEntry[] =>
  identity.handles.map((institutionCode) => ({ institutionCode, instance: identity.slug }));

/** This instance as the app sees it: its names and public key, and a signer of its identity document. */
export function instanceSelf(secretKey: string, who: { slug: string; name: string; baseUrl: string }) {
  return {
    ...who,
    publicKey: publicKeyOf(secretKey),
    identity: (handles: readonly string[], nowS: number) =>
      identityDocument(secretKey, { ...who, handles }, nowS),
    /** The `webhook-signature` of a federation message (ADR 0013). */
    sign: (id: string, timestamp: number, body: string) => signMessage(secretKey, id, timestamp, body),
    /** A plain Ed25519 signature over `content`: the audit checkpoints (docs/audit.md). */
    signDetached: (content: string) => signDetached(secretKey, content),
  };
}
