/**
 * Webhooks of the integration API (issue 12 §5, ADR 0012): an app's endpoints and the delivery log. A delivery is
 * written in the transaction of its event (the webhook projector) and sent by the webhook worker; the log is what
 * the developer reads and replays. Re-exported from schema.ts; imports nothing from there.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
const integrationApps = pgTable('integration_apps', { id: text('id').primaryKey() });
const reports = pgTable('reports', { id: bigint('id', { mode: 'number' }).primaryKey() });

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** pending → sending (claimed, lease) → delivered | pending (retry) | failed; cancelled when its endpoint goes. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** Where an app wants to be told, and of what. */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    /** `whe_` + 16 random base32 characters. */
    id: text('id').primaryKey(),
    appId: text('app_id')
      .notNull()
      .references(() => integrationApps.id),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    eventTypes: text('event_types').array().notNull(),
    /** `whsec_…`, sealed with the application key: the worker must recover it to sign. */
    secretSealed: text('secret_sealed').notNull(),
    /** The secret a rotation replaced; it signs too (a second signature) until `previous_secret_until`. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretUntil: tstz('previous_secret_until'),
    enabled: boolean('enabled').notNull().default(true),
    disabledAt: tstz('disabled_at'),
    /** Why it was disabled: `failing` (by the worker) or `manual`. */
    disabledReason: text('disabled_reason'),
    /** The first failure since the last success; null while deliveries succeed. */
    failingSince: tstz('failing_since'),
    createdAt: tstz('created_at').notNull(),
    /** Deleted endpoints stay for their delivery log, hidden from lists. */
    deletedAt: tstz('deleted_at'),
  },
  (t) => [
    index('webhook_endpoints_app_idx').on(t.appId),
    check('webhook_endpoints_url_len_check', sql`char_length(${t.url}) <= 2000`),
  ],
);

/** One event (or test, or replay) for one endpoint, and how its sending went. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    endpointId: text('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id),
    /** Null for a test event. */
    reportId: bigint('report_id', { mode: 'number' }).references(() => reports.id),
    eventSeq: integer('event_seq'),
    eventType: text('event_type').notNull(),
    /** The body sent, as ADR 0012 fixes it; never the reporter's identity. */
    payload: jsonb('payload').notNull(),
    /** The delivery this one replays. */
    replayOf: bigint('replay_of', { mode: 'number' }),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull(),
    claimToken: text('claim_token'),
    claimedUntil: tstz('claimed_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    responseMs: integer('response_ms'),
    createdAt: tstz('created_at').notNull(),
    deliveredAt: tstz('delivered_at'),
  },
  (t) => [
    // An event is enqueued once per endpoint and type; replays and tests (no seq, or a replay_of) are not bound.
    uniqueIndex('webhook_deliveries_event_uq')
      .on(t.endpointId, t.reportId, t.eventSeq, t.eventType)
      .where(sql`${t.replayOf} is null`),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_lease_idx').on(t.claimedUntil).where(sql`${t.status} = 'sending'`),
    index('webhook_deliveries_order_idx').on(t.endpointId, t.reportId, t.id),
    check('webhook_deliveries_status_check', sql`${t.status} in (${inList(WEBHOOK_DELIVERY_STATUSES)})`),
  ],
);
