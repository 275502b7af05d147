/**
 * An app's API keys (issue 12 §1, ADR 0012): create (the key is shown once), list with their status, rotate (a
 * successor, both live during the overlap) and revoke. Every change is audited, never with the key or its hash.
 */
import { fail, failField, type IntegrationKey } from '@pintu/core';
import { newApiKey, newIntegrationId } from '../../security/api-keys';
import type { Caller } from '../accounts/caller';
import { type AppsDeps, auditOf, managedApp } from './manage-apps';

/** The permissions a key may hold (ADR 0012), kept in step with integration-schema's `KEY_PERMISSIONS`. */
export const KEY_PERMISSION_NAMES = [
  'reports:file',
  'reports:read',
  'reports:act',
  'webhooks:manage',
] as const;

/** A key that expires within this long is `expiring` in lists, so the developer rotates it in time. */
const EXPIRING_MS = 7 * 24 * 3_600_000;
const MAX_OVERLAP_HOURS = 30 * 24;

export type KeyStatus = 'live' | 'expiring' | 'expired' | 'revoked';

/** A key as the developer sees it. */
export interface KeyView extends IntegrationKey {
  status: KeyStatus;
}

/** A new key with the secret, shown this once. */
export interface CreatedKey extends KeyView {
  key: string;
}

/** Whether a key works at `now`, and if so whether it is about to stop. */
export function keyStatus(key: Pick<IntegrationKey, 'expiresAt' | 'revokedAt'>, now: Date): KeyStatus {
  if (key.revokedAt && key.revokedAt <= now) return 'revoked';
  if (key.expiresAt && key.expiresAt <= now) return 'expired';
  if (key.expiresAt && key.expiresAt.getTime() - now.getTime() <= EXPIRING_MS) return 'expiring';
  return 'live';
}

const view = (key: IntegrationKey, now: Date): KeyView => ({ ...key, status: keyStatus(key, now) });

export interface NewKey {
  name: string;
  permissions: string[];
  expiresAt?: Date | undefined;
  rateLimit?: number | undefined;
}

/** Creates a key for the app; the answer carries the key, which is never shown again. */
export async function createKey(
  deps: AppsDeps,
  caller: Caller,
  appId: string,
  input: NewKey,
): Promise<CreatedKey> {
  const { actor } = await managedApp(deps, caller, appId);
  const unknown = input.permissions.filter((p) => !(KEY_PERMISSION_NAMES as readonly string[]).includes(p));
  if (unknown.length || !input.permissions.length)
    failField(
      'permissions',
      'invalid',
      `Izin tidak dikenal atau kosong: ${unknown.join(', ') || '(kosong)'}.`,
    );
  if (input.expiresAt && input.expiresAt <= deps.now)
    failField('expiresAt', 'past', 'Tanggal kedaluwarsa harus di masa depan.');
  const secret = newApiKey();
  const key: IntegrationKey = {
    id: newIntegrationId('key'),
    appId,
    prefix: secret.prefix,
    name: input.name,
    permissions: [...new Set(input.permissions)],
    rateLimit: input.rateLimit ?? 600,
    expiresAt: input.expiresAt ?? null,
    revokedAt: null,
    rotatedFrom: null,
    lastUsedAt: null,
    createdAt: deps.now,
  };
  const detail = {
    name: key.name,
    prefix: key.prefix,
    permissions: key.permissions,
    expiresAt: key.expiresAt,
  };
  await deps.integration.insertKey(
    key,
    secret.hash,
    auditOf(actor, 'create_key', appId, deps.now, detail, key.id),
  );
  return { ...view(key, deps.now), key: secret.key };
}

/** The app's keys with their status; never a secret. */
export async function listKeys(deps: AppsDeps, caller: Caller, appId: string): Promise<KeyView[]> {
  await managedApp(deps, caller, appId);
  return (await deps.integration.listKeys(appId)).map((k) => view(k, deps.now));
}

async function managedKey(deps: AppsDeps, caller: Caller, keyId: string) {
  if (caller.app)
    fail('NOT_ALLOWED', 'Kunci API dikelola oleh pengembang yang masuk, bukan dengan kunci API.');
  const key = await deps.integration.findKey(keyId);
  if (!key) return fail('NOT_FOUND', 'Kunci API tidak ditemukan.');
  const { actor } = await managedApp(deps, caller, key.appId).catch(() =>
    fail('NOT_FOUND', 'Kunci API tidak ditemukan.'),
  );
  return { key, actor };
}

/**
 * Rotates a key without downtime: a successor with the same permissions and rate limit, and the old key expiring
 * at the end of the overlap (default 24 h, at most 30 days) — both are live until then.
 */
export async function rotateKey(
  deps: AppsDeps,
  caller: Caller,
  keyId: string,
  overlapHours = 24,
): Promise<CreatedKey & { previous: { id: string; expiresAt: Date } }> {
  const { key: old, actor } = await managedKey(deps, caller, keyId);
  if (!Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS)
    failField('overlapHours', 'range', `Masa tumpang tindih 0 sampai ${MAX_OVERLAP_HOURS} jam.`);
  const status = keyStatus(old, deps.now);
  if (status === 'revoked' || status === 'expired')
    fail(
      'CONFLICT',
      'Kunci ini sudah tidak berlaku dan tidak dapat dirotasi; buat kunci baru.',
      [],
      'key_not_live',
    );
  const overlapEnd = new Date(deps.now.getTime() + overlapHours * 3_600_000);
  // The old key never lives longer than it would have without the rotation.
  const expiresAt = old.expiresAt && old.expiresAt < overlapEnd ? old.expiresAt : overlapEnd;
  const secret = newApiKey();
  const key: IntegrationKey = {
    ...old,
    id: newIntegrationId('key'),
    prefix: secret.prefix,
    revokedAt: null,
    rotatedFrom: old.id,
    lastUsedAt: null,
    createdAt: deps.now,
  };
  const detail = {
    prefix: key.prefix,
    previousPrefix: old.prefix,
    overlapHours,
    previousExpiresAt: expiresAt,
  };
  await deps.integration.insertKey(
    key,
    secret.hash,
    auditOf(actor, 'rotate_key', old.appId, deps.now, detail, key.id),
    { id: old.id, expiresAt },
  );
  return { ...view(key, deps.now), key: secret.key, previous: { id: old.id, expiresAt } };
}

/** Revokes a key at once; revoking again changes nothing. */
export async function revokeKey(deps: AppsDeps, caller: Caller, keyId: string): Promise<KeyView> {
  const { key, actor } = await managedKey(deps, caller, keyId);
  await deps.integration.revokeKey(
    keyId,
    deps.now,
    auditOf(actor, 'revoke_key', key.appId, deps.now, { prefix: key.prefix }, keyId),
  );
  return view((await deps.integration.findKey(keyId)) ?? key, deps.now);
}
