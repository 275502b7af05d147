/**
 * Notifications (issue 4 part 5): the transactional outbox written with the lifecycle events, and the in-app
 * notifications it delivers. An outbox row never holds a reporter's address: the recipient is "the reporter of
 * report X" and the delivery worker opens the sealed contact at send time (domain.md §7). Imports nothing from
 * schema.ts (which re-exports this file).
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
const reports = pgTable('reports', { id: bigint('id', { mode: 'number' }).primaryKey() });
const users = pgTable('users', { id: text('id').primaryKey() });

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const NOTIFICATION_CHANNELS = ['email', 'in_app', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * pending → sending (claimed, lease) → delivering (e-mail: committed just before the end of DATA) → sent.
 * `unconfirmed`: a worker died after handing an e-mail over; it is never resent (see notifications/README.md).
 */
export const OUTBOX_STATUSES = [
  'pending',
  'sending',
  'delivering',
  'sent',
  'failed',
  'skipped',
  'unconfirmed',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One message to one recipient on one channel, written in the transaction of the event that causes it. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** `n.<report>.<seq>.<recipient>.<channel>`: unique, and the e-mail's Message-ID. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** Null for a notice about no report (a webhook endpoint disabled). */
    reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id),
    eventSeq: integer('event_seq').notNull(),
    /** `reporter` (the contact is sealed in the report) or `user` (an account, staff or citizen). */
    recipientKind: text('recipient_kind').notNull(),
    recipientUserId: text('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Why this recipient: `reporter`, or the role at an institution (`liaison_officer`, `coordinator`, …). */
    audienceRole: text('audience_role').notNull(),
    audienceInstitutionId: integer('audience_institution_id'),
    channel: text('channel').notNull(),
    template: text('template').notNull(),
    language: text('language').notNull().default('id'),
    /** What the template needs; never personal data of the reporter. */
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull(),
    /** The claim: a token per claim (the fence) and the end of its lease. */
    claimToken: text('claim_token'),
    claimedUntil: tstz('claimed_until'),
    sentAt: tstz('sent_at'),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('notification_outbox_key_uq').on(t.idempotencyKey),
    index('notification_outbox_due_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
    index('notification_outbox_lease_idx')
      .on(t.claimedUntil)
      .where(sql`${t.status} in ('sending', 'delivering')`),
    index('notification_outbox_report_idx').on(t.reportId, t.eventSeq),
    check('notification_outbox_channel_check', sql`${t.channel} in (${inList(NOTIFICATION_CHANNELS)})`),
    check('notification_outbox_status_check', sql`${t.status} in (${inList(OUTBOX_STATUSES)})`),
    check(
      'notification_outbox_recipient_check',
      sql`(${t.recipientKind} = 'reporter' and ${t.recipientUserId} is null)
        or (${t.recipientKind} = 'user' and ${t.recipientUserId} is not null)`,
    ),
  ],
);

/** In-app notifications of an account, delivered from the outbox (one per outbox row). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    outboxId: bigint('outbox_id', { mode: 'number' })
      .notNull()
      .references(() => notificationOutbox.id),
    trackingId: text('tracking_id').notNull(),
    template: text('template').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: tstz('created_at').notNull(),
    readAt: tstz('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_outbox_uq').on(t.outboxId),
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);
