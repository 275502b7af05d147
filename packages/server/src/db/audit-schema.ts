/**
 * The audit checkpoints (issue 16): each day a Merkle root over every report's chain head, signed with the
 * instance's Ed25519 key and published, so that even someone with database access cannot rewrite the past unnoticed
 * (docs/audit.md). Re-exported from schema.ts; imports nothing from there.
 */
import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const auditCheckpoints = pgTable('audit_checkpoints', {
  seq: integer('seq').primaryKey(),
  at: tstz('at').notNull(),
  /** Leaves (reports with at least one event) and events covered. */
  reports: integer('reports').notNull(),
  events: bigint('events', { mode: 'number' }).notNull(),
  /** Hex SHA-256 Merkle root (RFC 6962 tree hash) over the heads, and the previous checkpoint's root. */
  root: text('root').notNull(),
  prevRoot: text('prev_root'),
  /** The `whpk_…` key it was signed with, and the base64 Ed25519 signature over its canonical statement. */
  publicKey: text('public_key').notNull(),
  signature: text('signature').notNull(),
});

/**
 * The chain heads a checkpoint covers, stored only where they changed since the previous checkpoint: the heads of
 * checkpoint n are, per report, the row of the latest checkpoint ≤ n.
 */
export const auditCheckpointHeads = pgTable(
  'audit_checkpoint_heads',
  {
    checkpoint: integer('checkpoint').notNull(),
    reportId: bigint('report_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.checkpoint, t.reportId] }),
    index('audit_checkpoint_heads_report_idx').on(t.reportId, t.checkpoint),
  ],
);
