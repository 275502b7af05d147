/** The integration registry over PostgreSQL: apps, keys, their audit, and the reports an app reads (ADR 0012). */
import type {
  AppPatch,
  IntegrationApp,
  IntegrationAuditEntry,
  IntegrationKey,
  IntegrationRegistry,
  IntegrationReportQuery,
  IntegrationReportRow,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { textArrayLiteral } from './pg-arrays';

type Row = Record<string, unknown>;
const date = (v: unknown) => new Date(v as string | Date);
const dateOrNull = (v: unknown) => (v == null ? null : date(v));
const textOrNull = (v: unknown) => (v == null ? null : String(v));

const APP_COLUMNS = sql`a.id, a.name, a.slug, a.institution_id as "institutionId", a.contact_name as "contactName",
  a.contact_email as "contactEmail", a.created_at as "createdAt", a.disabled_at as "disabledAt"`;
const KEY_COLUMNS = sql`k.id, k.app_id as "appId", k.prefix, k.name, k.permissions, k.rate_limit as "rateLimit",
  k.expires_at as "expiresAt", k.revoked_at as "revokedAt", k.rotated_from as "rotatedFrom",
  k.last_used_at as "lastUsedAt", k.created_at as "createdAt"`;

function appOf(r: Row, prefix = ''): IntegrationApp {
  const v = (k: string) => r[prefix + k];
  return {
    id: String(v('id')),
    name: String(v('name')),
    slug: String(v('slug')),
    institutionId: Number(v('institutionId')),
    contactName: String(v('contactName')),
    contactEmail: String(v('contactEmail')),
    createdAt: date(v('createdAt')),
    disabledAt: dateOrNull(v('disabledAt')),
  };
}

function keyOf(r: Row): IntegrationKey {
  return {
    id: String(r.id),
    appId: String(r.appId),
    prefix: String(r.prefix),
    name: String(r.name),
    permissions: parseTextArray(r.permissions),
    rateLimit: Number(r.rateLimit),
    expiresAt: dateOrNull(r.expiresAt),
    revokedAt: dateOrNull(r.revokedAt),
    rotatedFrom: textOrNull(r.rotatedFrom),
    lastUsedAt: dateOrNull(r.lastUsedAt),
    createdAt: date(r.createdAt),
  };
}

/** node-postgres parses text[] into an array; a raw `{a,b}` literal is parsed here. */
function parseTextArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  const s = String(v ?? '{}');
  return s.length <= 2 ? [] : s.slice(1, -1).split(',');
}

const textArray = (xs: readonly string[]) => sql`${textArrayLiteral(xs)}::text[]`;

function auditInsert(a: IntegrationAuditEntry): SQL {
  return sql`insert into integration_audit (app_id, key_id, action, actor_id, actor_role, at, detail)
    values (${a.appId}, ${a.keyId}, ${a.action}, ${a.actorId}, ${a.actorRole}, ${a.at.toISOString()},
      ${a.detail === null ? null : JSON.stringify(a.detail)}::jsonb)`;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

function reportRowOf(r: Row): IntegrationReportRow {
  return {
    id: Number(r.id),
    trackingId: String(r.trackingId),
    title: String(r.title),
    status: String(r.status),
    institutionId: r.institutionId == null ? null : Number(r.institutionId),
    channel: String(r.channel),
    externalRef: textOrNull(r.externalRef),
    dueAt: dateOrNull(r.dueAt),
    createdAt: date(r.createdAt),
    updatedAt: date(r.updatedAt),
    version: Number(r.version),
  };
}

// The version is the last event's seq: one probe of the (report_id, seq) unique index.
const VERSION = sql`(select max(e.seq) from events e where e.report_id = r.id)::int as version`;

async function listReports(db: Db, q: IntegrationReportQuery): Promise<IntegrationReportRow[]> {
  const scope =
    'filedBy' in q.scope
      ? sql`r.integration_app_id = ${q.scope.filedBy}`
      : sql`r.institution_id = any(array(select id from institutions where path && ${`{${q.scope.subtreeOf}}`}::int[]))`;
  const since = q.updatedSince ? sql`and r.updated_at >= ${q.updatedSince.toISOString()}` : sql``;
  const after = q.after
    ? sql`and (r.updated_at, r.id) > (${q.after.updatedAt.toISOString()}::timestamptz, ${q.after.id})`
    : sql``;
  const res = await db.execute(sql`select r.id::int as id, r.tracking_id as "trackingId", r.title, r.status,
      r.institution_id as "institutionId", r.channel, r.external_ref as "externalRef", r.due_at as "dueAt",
      r.created_at as "createdAt", r.updated_at as "updatedAt", ${VERSION}
    from reports r where ${scope} ${since} ${after}
    order by r.updated_at, r.id limit ${q.limit}`);
  return (res.rows as Row[]).map(reportRowOf);
}

/**
 * How long a key, as looked up by its prefix, is reused without asking the database. Every request of an app
 * presents its key: at intake rates the lookup was a query per request (bench/README.md). A change made through
 * this registry (revoke, rotate, disable the app) clears it at once; another process sees the change within this.
 */
export const KEY_CACHE_MS = 5_000;

type KeyLookup = Awaited<ReturnType<IntegrationRegistry['keyByPrefix']>>;

/** The integration registry over one database handle. */
export function postgresIntegration(db: Db): IntegrationRegistry {
  const keys = new Map<string, { until: number; found: KeyLookup }>();
  let generation = 0;
  const forget = () => {
    generation++;
    keys.clear();
  };
  return {
    async insertApp(app, audit) {
      try {
        await db.transaction(async (tx) => {
          await tx.execute(sql`insert into integration_apps (id, name, slug, institution_id, contact_name,
              contact_email, created_by, created_at)
            values (${app.id}, ${app.name}, ${app.slug}, ${app.institutionId}, ${app.contactName},
              ${app.contactEmail}, ${audit.actorId}, ${app.createdAt.toISOString()})`);
          await tx.execute(auditInsert(audit));
        });
        return 'ok';
      } catch (err) {
        if (isUniqueViolation(err)) return 'slug_taken';
        throw err;
      }
    },
    async listApps(institutionIds) {
      const where =
        institutionIds === 'all'
          ? sql`true`
          : sql`a.institution_id = any(${`{${institutionIds.join(',')}}`}::int[])`;
      const res = await db.execute(
        sql`select ${APP_COLUMNS} from integration_apps a where ${where} order by a.created_at, a.id`,
      );
      return (res.rows as Row[]).map((r) => appOf(r));
    },
    async findApp(appId) {
      const res = await db.execute(sql`select ${APP_COLUMNS} from integration_apps a where a.id = ${appId}`);
      const row = res.rows[0] as Row | undefined;
      return row ? appOf(row) : null;
    },
    async updateApp(appId, patch: AppPatch, audit) {
      forget();
      const updated = await db.transaction(async (tx) => {
        const res = await tx.execute(sql`update integration_apps set
            name = coalesce(${patch.name ?? null}, name),
            contact_name = coalesce(${patch.contactName ?? null}, contact_name),
            contact_email = coalesce(${patch.contactEmail ?? null}, contact_email),
            disabled_at = case when ${patch.disabledAt === undefined} then disabled_at
              else ${patch.disabledAt?.toISOString() ?? null}::timestamptz end
          where id = ${appId}
          returning id, name, slug, institution_id as "institutionId", contact_name as "contactName",
            contact_email as "contactEmail", created_at as "createdAt", disabled_at as "disabledAt"`);
        const row = res.rows[0] as Row | undefined;
        if (!row) return null;
        await tx.execute(auditInsert(audit));
        return appOf(row);
      });
      forget();
      return updated;
    },
    async insertKey(key, hash, audit, previous) {
      forget();
      await db.transaction(async (tx) => {
        if (previous)
          await tx.execute(sql`update integration_keys set expires_at = ${previous.expiresAt.toISOString()}
            where id = ${previous.id}`);
        await tx.execute(sql`insert into integration_keys (id, app_id, prefix, hash, name, permissions, rate_limit,
            expires_at, rotated_from, created_by, created_at)
          values (${key.id}, ${key.appId}, ${key.prefix}, ${hash}, ${key.name}, ${textArray(key.permissions)},
            ${key.rateLimit}, ${key.expiresAt?.toISOString() ?? null}, ${key.rotatedFrom},
            ${audit.actorRole === 'integration' ? null : audit.actorId}, ${key.createdAt.toISOString()})`);
        await tx.execute(auditInsert(audit));
      });
      forget();
    },
    async listKeys(appId) {
      const res = await db.execute(
        sql`select ${KEY_COLUMNS} from integration_keys k where k.app_id = ${appId} order by k.created_at, k.id`,
      );
      return (res.rows as Row[]).map(keyOf);
    },
    async findKey(keyId) {
      const res = await db.execute(sql`select ${KEY_COLUMNS} from integration_keys k where k.id = ${keyId}`);
      const row = res.rows[0] as Row | undefined;
      return row ? keyOf(row) : null;
    },
    async revokeKey(keyId, at, audit) {
      forget();
      await db.transaction(async (tx) => {
        await tx.execute(sql`update integration_keys set revoked_at = coalesce(revoked_at, ${at.toISOString()})
          where id = ${keyId}`);
        await tx.execute(auditInsert(audit));
      });
      forget();
    },
    async keyByPrefix(prefix) {
      const hit = keys.get(prefix);
      if (hit && hit.until > Date.now()) return hit.found;
      const seen = generation;
      const found = await lookUpKey(db, prefix);
      // A change made while this lookup ran may not be in it: use it, but do not keep it.
      if (seen === generation) keys.set(prefix, { until: Date.now() + KEY_CACHE_MS, found });
      return found;
    },
    async touchKey(keyId, at) {
      await db.execute(
        sql`update integration_keys set last_used_at = ${at.toISOString()} where id = ${keyId}`,
      );
    },
    async listAudit(appId) {
      const res =
        await db.execute(sql`select app_id as "appId", key_id as "keyId", action, actor_id as "actorId",
          actor_role as "actorRole", at, detail
        from integration_audit where app_id = ${appId} order by at, id`);
      return (res.rows as Row[]).map((r) => ({
        appId: String(r.appId),
        keyId: textOrNull(r.keyId),
        action: String(r.action) as IntegrationAuditEntry['action'],
        actorId: String(r.actorId),
        actorRole: String(r.actorRole),
        at: date(r.at),
        detail: (r.detail as Record<string, unknown> | null) ?? null,
      }));
    },
    async reportOfExternalRef(appId, externalRef) {
      const res = await db.execute(sql`select tracking_id as "trackingId" from reports
        where integration_app_id = ${appId} and external_ref = ${externalRef}`);
      const row = res.rows[0] as Row | undefined;
      return row ? String(row.trackingId) : null;
    },
    listReports: (q) => listReports(db, q),
    async reportVersion(trackingId) {
      const res = await db.execute(sql`select r.tracking_id as "trackingId", r.external_ref as "externalRef",
          r.integration_app_id as "integrationAppId", r.updated_at as "updatedAt", ${VERSION}
        from reports r where r.tracking_id = ${trackingId.toUpperCase()}`);
      const row = res.rows[0] as Row | undefined;
      return row
        ? {
            trackingId: String(row.trackingId),
            externalRef: textOrNull(row.externalRef),
            integrationAppId: textOrNull(row.integrationAppId),
            version: Number(row.version),
            updatedAt: date(row.updatedAt),
          }
        : null;
    },
  };
}

/** A key with its hash and app, by the prefix every key shows. */
async function lookUpKey(db: Db, prefix: string): Promise<KeyLookup> {
  const res = await db.execute(sql`select ${KEY_COLUMNS}, k.hash,
      a.id as "a.id", a.name as "a.name", a.slug as "a.slug", a.institution_id as "a.institutionId",
      a.contact_name as "a.contactName", a.contact_email as "a.contactEmail", a.created_at as "a.createdAt",
      a.disabled_at as "a.disabledAt"
    from integration_keys k join integration_apps a on a.id = k.app_id where k.prefix = ${prefix}`);
  const row = res.rows[0] as Row | undefined;
  return row ? { key: keyOf(row), hash: String(row.hash), app: appOf(row, 'a.') } : null;
}
