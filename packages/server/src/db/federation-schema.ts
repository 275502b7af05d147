/**
 * Federation between Pintu instances (issue 13, ADR 0013): the peers this instance trusts, and which instance
 * handles which institution (by code, stable across instances). Re-exported from schema.ts; imports nothing from
 * there.
 */
import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
