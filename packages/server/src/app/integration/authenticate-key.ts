/**
 * Authenticating an API key (ADR 0012): one indexed lookup by prefix, a constant-time hash comparison, then
 * expiry, revocation and the app's state. Every failure is the same 401 to the caller (no oracle), with a reason
 * for the server's own log.
 */
import type { IntegrationRegistry } from '@pintu/core';
import { apiKeyMatches, prefixOfApiKey } from '../../security/api-keys';
import type { AppIdentity } from '../accounts/caller';

export type KeyRefusal = 'malformed' | 'unknown' | 'expired' | 'revoked' | 'app_disabled';

export type KeyCheck =
  | { ok: true; app: AppIdentity; rateLimit: number; lastUsedAt: Date | null }
  | { ok: false; reason: KeyRefusal };

/** Resolves a presented key to its app, or why it does not work at `now`. */
export async function authenticateKey(
  deps: { integration: Pick<IntegrationRegistry, 'keyByPrefix'> },
  presented: string,
  now: Date,
): Promise<KeyCheck> {
  const prefix = prefixOfApiKey(presented);
  if (!prefix) return { ok: false, reason: 'malformed' };
  const found = await deps.integration.keyByPrefix(prefix);
  if (!found || !apiKeyMatches(presented, found.hash)) return { ok: false, reason: 'unknown' };
  const { key, app } = found;
  if (key.revokedAt && key.revokedAt <= now) return { ok: false, reason: 'revoked' };
  if (key.expiresAt && key.expiresAt <= now) return { ok: false, reason: 'expired' };
  if (app.disabledAt && app.disabledAt <= now) return { ok: false, reason: 'app_disabled' };
  return {
    ok: true,
    rateLimit: key.rateLimit,
    lastUsedAt: key.lastUsedAt,
    app: {
      appId: app.id,
      slug: app.slug,
      name: app.name,
      keyId: key.id,
      keyPrefix: key.prefix,
      institutionId: app.institutionId,
      permissions: key.permissions,
    },
  };
}

/**
 * A token bucket per key (requests per minute), in this process's memory: a key's limit is a contract with one
 * app, and at our sizes one process serves it. Returns 0 when the request may go, else the seconds to wait.
 */
export class KeyRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  take(keyId: string, perMinute: number, now: Date): number {
    const t = now.getTime();
    const b = this.buckets.get(keyId) ?? { tokens: perMinute, at: t };
    const refill = Math.max(0, t - b.at) * (perMinute / 60_000);
    b.tokens = Math.min(perMinute, b.tokens + refill);
    b.at = t;
    this.buckets.set(keyId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / (perMinute / 60_000) / 1000));
  }
}
