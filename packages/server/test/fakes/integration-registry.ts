/** The integration registry in memory, for the use-case tier: apps, keys and their audit (no report reads). */
import type { IntegrationApp, IntegrationAuditEntry, IntegrationKey, IntegrationRegistry } from '@pintu/core';

/** An in-memory registry; `state` is exposed so tests can read what was stored. */
export function fakeIntegrationRegistry() {
  const state = {
    apps: new Map<string, IntegrationApp>(),
    keys: new Map<string, IntegrationKey & { hash: string }>(),
    audit: [] as IntegrationAuditEntry[],
  };
  const plain = ({ hash: _hash, ...key }: IntegrationKey & { hash: string }): IntegrationKey =>
    structuredClone(key);
  const registry: IntegrationRegistry = {
    async insertApp(app, audit) {
      if ([...state.apps.values()].some((a) => a.slug === app.slug)) return 'slug_taken';
      state.apps.set(app.id, structuredClone(app));
      state.audit.push(audit);
      return 'ok';
    },
    listApps: async (ids) =>
      [...state.apps.values()].filter((a) => ids === 'all' || ids.includes(a.institutionId)),
    findApp: async (id) => structuredClone(state.apps.get(id) ?? null),
    async updateApp(id, patch, audit) {
      const app = state.apps.get(id);
      if (!app) return null;
      Object.assign(app, patch);
      state.audit.push(audit);
      return structuredClone(app);
    },
    async insertKey(key, hash, audit, previous) {
      if (previous) state.keys.get(previous.id)!.expiresAt = previous.expiresAt;
      state.keys.set(key.id, { ...structuredClone(key), hash });
      state.audit.push(audit);
    },
    listKeys: async (appId) => [...state.keys.values()].filter((k) => k.appId === appId).map(plain),
    findKey: async (id) => (state.keys.has(id) ? plain(state.keys.get(id)!) : null),
    async revokeKey(id, at, audit) {
      const key = state.keys.get(id)!;
      key.revokedAt ??= at;
      state.audit.push(audit);
    },
    async keyByPrefix(prefix) {
      const key = [...state.keys.values()].find((k) => k.prefix === prefix);
      if (!key) return null;
      return { key: plain(key), hash: key.hash, app: structuredClone(state.apps.get(key.appId)!) };
    },
    async touchKey(id, at) {
      state.keys.get(id)!.lastUsedAt = at;
    },
    listAudit: async (appId) => state.audit.filter((a) => a.appId === appId),
    reportOfExternalRef: async () => null,
    listReports: async () => [],
    reportVersion: async () => null,
  };
  return { registry, state };
}
