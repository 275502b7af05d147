/**
 * The integration API's registry (issue 12, domain.md §8): the apps that regional systems (LAPOR WAL!, SITANGGAP)
 * register for an institution, and their API keys. A key is shown once and stored as a SHA-256 hash (keys are 32
 * random bytes, so a slow hash adds nothing); its prefix names it in logs and lists. Re-exported from schema.ts so
 * drizzle-kit generates the migration; imports nothing from there.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// The referenced tables as far as a foreign key needs them; not exported, so drizzle-kit sees the real ones only.
const institutions = pgTable('institutions', { id: integer('id').primaryKey() });
const users = pgTable('users', { id: text('id').primaryKey() });

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** What a key may do (issue 12 §1): each names the API calls it opens. */
export const KEY_PERMISSIONS = ['reports:file', 'reports:read', 'reports:act', 'webhooks:manage'] as const;
export type KeyPermission = (typeof KEY_PERMISSIONS)[number];

/** A regional app, acting for one institution (and so for its subtree). */
export const integrationApps = pgTable(
  'integration_apps',
  {
    /** `app_` + 16 random base32 characters. */
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower-case letters, digits and hyphens; the channel of what it files is `integration:<slug>`. */
    slug: text('slug').notNull(),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull(),
    /** A disabled app's keys stop working at once; its records stay. */
    disabledAt: tstz('disabled_at'),
  },
  (t) => [
    uniqueIndex('integration_apps_slug_uq').on(t.slug),
    index('integration_apps_institution_idx').on(t.institutionId),
    check('integration_apps_slug_check', sql`${t.slug} ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'`),
  ],
);

/**
 * An app's API key: `pintu_<prefix>_<secret>`. A rotation creates a successor and gives the old key a grace period
 * (`expires_at` moved to the end of the overlap), so two keys are live until the app has switched.
 */
export const integrationKeys = pgTable(
  'integration_keys',
  {
    /** `key_` + 16 random base32 characters. */
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => integrationApps.id),
    /** 12 random base32 characters: unique, shown in lists and logs, and the lookup of an incoming key. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole key. */
    hash: text('hash').notNull(),
    name: text('name').notNull(),
    permissions: text('permissions').array().notNull(),
    /** Requests per minute this key may make (a token bucket per key). */
    rateLimit: integer('rate_limit').notNull().default(600),
    expiresAt: tstz('expires_at'),
    revokedAt: tstz('revoked_at'),
    /** The key this one replaced in a rotation. */
    rotatedFrom: text('rotated_from'),
    lastUsedAt: tstz('last_used_at'),
    createdBy: text('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('integration_keys_prefix_uq').on(t.prefix),
    index('integration_keys_app_idx').on(t.appId),
    check(
      'integration_keys_permissions_check',
      sql`${t.permissions} <@ array[${inList(KEY_PERMISSIONS)}]::text[]`,
    ),
    check('integration_keys_rate_check', sql`${t.rateLimit} between 1 and 100000`),
  ],
);

/** The changes recorded in `integration_audit`. */
export const INTEGRATION_AUDIT_ACTIONS = [
  'register_app',
  'update_app',
  'create_key',
  'rotate_key',
  'revoke_key',
] as const;

/** The append-only audit of apps and keys: who changed what, when; never a key or its hash. */
export const integrationAudit = pgTable(
  'integration_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    appId: text('app_id')
      .notNull()
      .references(() => integrationApps.id),
    keyId: text('key_id'),
    action: text('action').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    at: tstz('at').notNull(),
    detail: jsonb('detail'),
  },
  (t) => [
    index('integration_audit_app_idx').on(t.appId, t.at),
    check('integration_audit_action_check', sql`${t.action} in (${inList(INTEGRATION_AUDIT_ACTIONS)})`),
  ],
);
