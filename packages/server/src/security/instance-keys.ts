/**
 * An instance's Ed25519 signing keys and the asymmetric signatures of Standard Webhooks (ADR 0013): secret keys are
 * serialised `whsk_<base64>`, public keys `whpk_<base64>` (the raw 32 bytes), a signature is `v1a,<base64>` over
 * `{id}.{timestamp}.{body}`. Federation messages between trusted peers are signed this way; the receiver verifies
 * with the key in its trust list only, never one the request names.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';

const SECRET_PREFIX = 'whsk_';
const PUBLIC_PREFIX = 'whpk_';
const SIGNATURE_VERSION = 'v1a';
/** A message whose timestamp is further than this from the receiver's clock is refused (replay). */
export const SIGNATURE_TOLERANCE_S = 5 * 60;

export interface InstanceKeys {
  secretKey: string;
  publicKey: string;
}

/** The 12-byte DER prefixes of a raw Ed25519 key in PKCS#8 and SPKI (RFC 8410). */
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function rawOf(serialised: string, prefix: string): Buffer {
  if (!serialised.startsWith(prefix)) throw new Error(`expected a key starting with ${prefix}`);
  const raw = Buffer.from(serialised.slice(prefix.length), 'base64');
  if (raw.length !== 32) throw new Error(`${prefix} key: expected 32 bytes, got ${raw.length}`);
  return raw;
}

const secretKeyObject = (secretKey: string): KeyObject =>
  createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, rawOf(secretKey, SECRET_PREFIX)]),
    format: 'der',
    type: 'pkcs8',
  });

const publicKeyObject = (publicKey: string): KeyObject =>
  createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, rawOf(publicKey, PUBLIC_PREFIX)]),
    format: 'der',
    type: 'spki',
  });

/** A fresh key pair, serialised. */
export function generateInstanceKeys(): InstanceKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const secret = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
  const pub = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return {
    secretKey: SECRET_PREFIX + Buffer.from(secret).toString('base64'),
    publicKey: PUBLIC_PREFIX + Buffer.from(pub).toString('base64'),
  };
}

/** The public key of a secret key. */
export function publicKeyOf(secretKey: string): string {
  const der = createPublicKey(secretKeyObject(secretKey)).export({ format: 'der', type: 'spki' });
  return PUBLIC_PREFIX + Buffer.from(der.subarray(SPKI_PREFIX.length)).toString('base64');
}

/** What an operator compares aloud before trusting a peer: SHA-256 of the raw public key, in groups of four. */
export function keyFingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(rawOf(publicKey, PUBLIC_PREFIX)).digest('hex');
  return hex.slice(0, 32).match(/.{4}/g)!.join(' ');
}

const signedContent = (id: string, timestamp: number, body: string) => `${id}.${timestamp}.${body}`;

/** The `webhook-signature` value of a message. */
export function signMessage(secretKey: string, id: string, timestamp: number, body: string): string {
  if (id.includes('.')) throw new Error('a message id may not contain "."');
  const signature = sign(null, Buffer.from(signedContent(id, timestamp, body)), secretKeyObject(secretKey));
  return `${SIGNATURE_VERSION},${signature.toString('base64')}`;
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'malformed' | 'stale_timestamp' | 'bad_signature' };

/**
 * Whether one of the space-separated signatures in `header` is `publicKey`'s over the message, and its timestamp
 * (unix seconds) within SIGNATURE_TOLERANCE_S of `nowS`.
 */
export function verifyMessage(
  publicKey: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowS: number,
): SignatureCheck {
  if (!/^\d{1,12}$/.test(headers.timestamp) || headers.id === '' || headers.id.includes('.'))
    return { ok: false, reason: 'malformed' };
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowS - timestamp) > SIGNATURE_TOLERANCE_S) return { ok: false, reason: 'stale_timestamp' };
  const key = publicKeyObject(publicKey);
  const content = Buffer.from(signedContent(headers.id, timestamp, body));
  for (const part of headers.signature.split(' ')) {
    const [version, value] = part.split(',', 2);
    if (version !== SIGNATURE_VERSION || !value) continue;
    const signature = Buffer.from(value, 'base64');
    if (signature.length === 64 && verify(null, content, key, signature)) return { ok: true };
  }
  return { ok: false, reason: 'bad_signature' };
}

/** A plain Ed25519 signature (base64) over `content`: the audit checkpoints' (docs/audit.md), outside any webhook. */
export function signDetached(secretKey: string, content: string): string {
  return sign(null, Buffer.from(content), secretKeyObject(secretKey)).toString('base64');
}

/** Whether `signature` is `publicKey`'s Ed25519 signature over `content`; false for anything malformed. */
export function verifyDetached(publicKey: string, content: string, signature: string): boolean {
  try {
    const sig = Buffer.from(signature, 'base64');
    return sig.length === 64 && verify(null, Buffer.from(content), publicKeyObject(publicKey), sig);
  } catch {
    return false;
  }
}
