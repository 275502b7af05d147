/**
 * Federation between Pintu instances (issue 13, ADR 0013): the peers this instance trusts, and which instance
 * handles which institution (by code, stable across instances). Re-exported from schema.ts; imports nothing from
 * there.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const FEDERATION_PEER_STATES = ['trusted', 'suspended'] as const;

/** A peer instance, trusted after its operator's identity document was read and its fingerprint confirmed. */
export const federationPeers = pgTable(
  'federation_peers',
  {
    slug: text('slug').primaryKey(),
    name: text('name').notNull(),
    baseUrl: text('base_url').notNull(),
    /** `whpk_…`: the only key its messages are verified with. */
    publicKey: text('public_key').notNull(),
    state: text('state').notNull(),
    /** When its identity document was issued, and when and by whom it was trusted here. */
    identityIssuedAt: tstz('identity_issued_at').notNull(),
    trustedAt: tstz('trusted_at').notNull(),
    trustedBy: text('trusted_by').notNull(),
  },
  (t) => [check('federation_peers_state_check', sql`${t.state} in ('trusted', 'suspended')`)],
);

/** Which instance handles an institution's subtree: this one (its own slug) or a peer's. */
export const federationAuthority = pgTable('federation_authority', {
  institutionCode: text('institution_code').primaryKey(),
  instance: text('instance').notNull(),
  updatedAt: tstz('updated_at').notNull(),
});

/**
 * Messages to peers, written in the transaction of the change they carry (ADR 0013): per (peer, report) a stream
 * numbered 1, 2, 3 … that the sender delivers in order, one at a time, until the peer has acknowledged each.
 */
export const federationOutbox = pgTable(
  'federation_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    peer: text('peer').notNull(),
    trackingId: text('tracking_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    body: jsonb('body').notNull(),
    createdAt: tstz('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull(),
    /** A sender holds the message until then; another process may take it after. */
    leaseUntil: tstz('lease_until'),
    lastError: text('last_error'),
    lastAttemptAt: tstz('last_attempt_at'),
    deliveredAt: tstz('delivered_at'),
    /** The peer's answer to a reporter's command (applied, or refused with core's error). */
    result: jsonb('result'),
  },
  (t) => [
    uniqueIndex('federation_outbox_stream_uq').on(t.peer, t.trackingId, t.seq),
    index('federation_outbox_pending_idx').on(t.peer, t.nextAttemptAt).where(sql`${t.deliveredAt} is null`),
    check(
      'federation_outbox_kind_check',
      sql`${t.kind} in ('report.forwarded', 'report.copied', 'report.event', 'report.command')`,
    ),
  ],
);

/** The last message applied per (peer, report) stream: a message is applied only when its seq is the next one. */
export const federationInbox = pgTable(
  'federation_inbox',
  {
    peer: text('peer').notNull(),
    trackingId: text('tracking_id').notNull(),
    lastSeq: integer('last_seq').notNull(),
    updatedAt: tstz('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.peer, t.trackingId] })],
);
