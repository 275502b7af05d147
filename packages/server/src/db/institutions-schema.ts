/**
 * Institution administration tables: the SK (decree) records that connect an institution, and the append-only audit
 * of every administrative change. Re-exported from schema.ts so drizzle-kit generates their migration; it imports
 * nothing from there (the layer rules forbid circular imports).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

// The referenced tables as far as a foreign key needs them; not exported, so drizzle-kit sees the real ones only.
const institutions = pgTable('institutions', { id: integer('id').primaryKey() });
const attachments = pgTable('attachments', { id: uuid('id').primaryKey() });

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Administrative changes recorded in `institution_audit`. */
export const INSTITUTION_AUDIT_ACTIONS = [
  'create_unit',
  'rename',
  'move',
  'deactivate',
  'reactivate',
  'record_sk',
  'update_settings',
] as const;
export type InstitutionAuditAction = (typeof INSTITUTION_AUDIT_ACTIONS)[number];

/**
 * Every SK recorded for an institution (they are renewed, so this is a history); the latest one is projected onto
 * `institutions.sk_number` / `sk_date`, which is what makes the institution *connected* (domain.md §2).
 */
export const institutionSk = pgTable(
  'institution_sk',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    number: text('number').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** The decree as an uploaded PDF. */
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id),
    recordedAt: tstz('recorded_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('institution_sk_institution_idx').on(t.institutionId, t.recordedAt)],
);

/** The append-only audit of institution administration: who changed what, when, before and after. */
export const institutionAudit = pgTable(
  'institution_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id),
    action: text('action').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    /** The institution of the grant the actor used; null for national roles. */
    actorInstitutionId: integer('actor_institution_id').references(() => institutions.id),
    at: tstz('at').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('institution_audit_institution_idx').on(t.institutionId, t.at),
    check(
      'institution_audit_action_check',
      sql`${t.action} in (${sql.raw(INSTITUTION_AUDIT_ACTIONS.map((a) => `'${a}'`).join(', '))})`,
    ),
  ],
);
