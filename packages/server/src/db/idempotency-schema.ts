/**
 * Idempotency keys (issue 12 §3, ADR 0012): one row per caller scope and `Idempotency-Key`, with the request's
 * fingerprint, whether it is still running (and its lease), and the answer to replay. Re-exported from schema.ts
 * so drizzle-kit generates the migration; imports nothing from there.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const IDEMPOTENCY_STATES = ['running', 'done'] as const;

/** A request sent with an `Idempotency-Key`, kept at least 24 h so that a retry gets the first answer. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** SHA-256 of the bearer token (`key:`), the signed-in account (`user:`), or `anon:` + the route for a guest. */
    scope: text('scope').notNull(),
    /** The header's value, 1–255 characters. */
    key: text('key').notNull(),
    /** SHA-256 (hex) of method, path and the canonical body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    state: text('state').notNull(),
    /** Who holds the running row: only it stores the answer, so a former owner back from the dead cannot. */
    owner: uuid('owner').notNull(),
    /** Until when the running request holds the row; past it, the process is presumed dead and a retry takes over. */
    lockedUntil: tstz('locked_until').notNull(),
    status: smallint('status'),
    /** content-type, location, etag: what a replay must carry besides the body. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    /** The answer's body, sealed (AES-GCM) by the HTTP layer: it may hold an access code shown once. */
    body: text('body'),
    createdAt: tstz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
    check('idempotency_keys_state_check', sql`${t.state} in ('running', 'done')`),
    check('idempotency_keys_key_check', sql`char_length(${t.key}) between 1 and 255`),
    check(
      'idempotency_keys_done_check',
      sql`${t.state} = 'running' or (${t.status} is not null and ${t.body} is not null)`,
    ),
  ],
);
