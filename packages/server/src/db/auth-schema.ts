/**
 * Accounts: better-auth's tables (users, sessions, accounts, verifications, two_factors; column keys are the names
 * better-auth writes, SQL columns are snake_case), and Pintu's own: role grants scoped to the institution tree,
 * extra permissions, the login audit and the rate-limit counters (domain.md §2, §7).
 */
import { ROLES } from '@pintu/core';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// The institutions table as far as a foreign key needs it: importing schema.ts would be an import cycle, since
// schema.ts re-exports this file. Not exported, so drizzle-kit sees the real table only.
const institutions = pgTable('institutions', { id: integer('id').primaryKey() });

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Accounts of citizens and staff. E-mail is the login name; `language` picks the language of our e-mails.
 * E-mail and phone are sealed at rest (issue 16 §6, security/account-cipher.ts): `email` holds only a blind index
 * (`bi1:` + HMAC of the lower-cased address) for look-ups and uniqueness, `email_sealed` the address itself, and
 * `phone` the sealed number. better-auth sees plain values through db/better-auth-store.ts.
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email').notNull().unique(),
    emailSealed: text('email_sealed'),
    emailVerified: boolean('email_verified').notNull().default(false),
    image: text('image'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    phone: text('phone'),
    language: text('language').notNull().default('id'),
    /** Staff created by an admin get a one-time password and must replace it before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    twoFactorEnabled: boolean('two_factor_enabled').notNull().default(false),
    /** Set when the account is deactivated: it can no longer sign in and its sessions are gone. */
    deactivatedAt: tstz('deactivated_at'),
  },
  (t) => [check('users_language_check', sql`${t.language} in ('id', 'en')`)],
);

/** Sessions; the cookie carries the signed token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    expiresAt: tstz('expires_at').notNull(),
    token: text('token').notNull().unique(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Credentials: `providerId = 'credential'` holds the argon2id password hash. */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    accountId: text('account_id').notNull(),
    providerId: text('provider_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text('access_token'),
    refreshToken: text('refresh_token'),
    idToken: text('id_token'),
    accessTokenExpiresAt: tstz('access_token_expires_at'),
    refreshTokenExpiresAt: tstz('refresh_token_expires_at'),
    scope: text('scope'),
    password: text('password'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('accounts_user_idx').on(t.userId)],
);

/** E-mail verification and password-reset tokens, and the two-factor sign-in challenges. */
export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    value: text('value').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('verifications_identifier_idx').on(t.identifier)],
);

/** TOTP secrets (encrypted by better-auth) and backup codes. */
export const twoFactors = pgTable(
  'two_factors',
  {
    id: text('id').primaryKey(),
    secret: text('secret').notNull(),
    backupCodes: text('backup_codes').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    verified: boolean('verified').notNull().default(true),
    failedVerificationCount: integer('failed_verification_count').notNull().default(0),
    lockedUntil: tstz('locked_until'),
  },
  (t) => [index('two_factors_user_idx').on(t.userId)],
);

/** TOTP codes already accepted, per account, so that one code cannot sign in twice within its window. */
export const totpUses = pgTable(
  'totp_uses',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    usedAt: tstz('used_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.code] })],
);

/** Roles that are granted without an institution (national scope). */
export const NATIONAL_ROLES = ['citizen', 'national_admin', 'oversight', 'facilitator'] as const;

/**
 * Role grants (domain.md §2): role × institution (its subtree is the scope). National admins and citizens hold
 * theirs with no institution; oversight and facilitators with or without one.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    institutionId: integer('institution_id').references(() => institutions.id),
    grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_grants_uq').on(t.userId, t.role, sql`coalesce(${t.institutionId}, 0)`),
    index('role_grants_institution_idx').on(t.institutionId),
    check(
      'role_grants_role_check',
      sql`${t.role} in (${inList(ROLES.filter((r) => r !== 'guest' && r !== 'system' && r !== 'integration'))})`,
    ),
    // Institution roles are always granted on an institution; the national admin and citizens never are.
    check(
      'role_grants_scope_check',
      sql`(${t.role} in ('citizen', 'national_admin') and ${t.institutionId} is null)
        or (${t.role} in ('oversight', 'facilitator'))
        or (${t.role} not in (${inList(NATIONAL_ROLES)}) and ${t.institutionId} is not null)`,
    ),
  ],
);

/** Extra permissions of one account on top of its roles, such as `reveal_identity` (domain.md §7). */
export const permissions = pgTable(
  'permissions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    permission: text('permission').notNull(),
    grantedBy: text('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.permission] }),
    check('permissions_permission_check', sql`${t.permission} in ('reveal_identity')`),
  ],
);

export const LOGIN_OUTCOMES = [
  'success',
  'two_factor_required',
  'invalid_credentials',
  'email_not_verified',
  'refused',
  'rate_limited',
  'error',
] as const;

/**
 * Every sign-in attempt, successful or not: the account when the e-mail belongs to one, and always a keyed hash of
 * the e-mail that was tried (never the e-mail itself), so attacks on one address can be counted.
 */
export const loginAudit = pgTable(
  'login_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    emailHash: text('email_hash'),
    /** `password` for the first step, `totp` or `backup_code` for the second factor. */
    method: text('method').notNull(),
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    at: tstz('at').notNull(),
  },
  (t) => [
    index('login_audit_user_idx').on(t.userId, t.at),
    index('login_audit_email_idx').on(t.emailHash, t.at),
    index('login_audit_at_idx').on(t.at),
    check('login_audit_method_check', sql`${t.method} in ('password', 'totp', 'backup_code')`),
    check('login_audit_outcome_check', sql`${t.outcome} in (${inList(LOGIN_OUTCOMES)})`),
  ],
);

/** Fixed-window counters for better-auth's rate limiter, shared by every API process. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    /** Epoch milliseconds at which the window ends. */
    resetAt: bigint('reset_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('rate_limits_reset_idx').on(t.resetAt)],
);

/**
 * One value sealed with the data key (issue 16 §6): start-up opens it to refuse a wrong PINTU_DATA_KEY before anything
 * is read or written with it, and `pintu data-key rotate` re-seals it with everything else.
 */
export const dataKeyCheck = pgTable(
  'data_key_check',
  {
    id: integer('id').primaryKey().default(1),
    sealed: text('sealed').notNull(),
    /** Fingerprint (SHA-256 prefix) of the key that sealed it, to name the key an operator must supply. */
    fingerprint: text('fingerprint').notNull(),
    rotatedAt: tstz('rotated_at'),
  },
  (t) => [check('data_key_check_single_row', sql`${t.id} = 1`)],
);
