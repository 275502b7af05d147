/**
 * The notification outbox projector: writes the rows core `outboxRows` computes for a report's new events, inside
 * the recording transaction, so a notification exists exactly when its event does. Storage only looks up the report
 * and the staff an audience names.
 */
import {
  type OutboxEvent,
  type OutboxReport,
  outboxRows,
  type Projector,
  type StaffAudience,
  type StaffRecipient,
  staffAudiences,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { sendCommittedDeliveryJobs, sendDeliveryJobs } from '../notifications/delivery-jobs';
import type { Db } from './open';
import { textArrayLiteral } from './pg-arrays';
import { prepared } from './prepared';

const audienceKey = (a: StaffAudience) => JSON.stringify([a.roles, a.institutionId, a.withinPath ?? 'none']);

/** The staff holding one of the roles (`$1` of each statement below: the first parameter each takes). */
const staffSelect = (roles: string) => `select distinct on (u.id) u.id, u.language, g.role,
    g.institution_id as "institutionId"
  from role_grants g join users u on u.id = g.user_id
  where g.role = any(${roles}::text[]) and u.deactivated_at is null`;

/**
 * The staff an audience names, by its scope: everyone of the roles within the holder's path, at one institution, or
 * national (no institution). One prepared statement per scope, as they run on almost every save.
 */
const STAFF = {
  within: prepared<'roles' | 'path'>(
    'pintu_outbox_staff_within',
    (
      p,
    ) => `${staffSelect(p('roles'))} and (g.institution_id is null or g.institution_id = any(${p('path')}::int[]))
      order by u.id, g.role`,
  ),
  at: prepared<'roles' | 'institutionId'>(
    'pintu_outbox_staff_at',
    (p) =>
      `${staffSelect(p('roles'))} and g.institution_id = ${p('institutionId')}::int order by u.id, g.role`,
  ),
  national: prepared<'roles'>(
    'pintu_outbox_staff_national',
    (p) => `${staffSelect(p('roles'))} and g.institution_id is null order by u.id, g.role`,
  ),
};
async function usersOf(tx: Db, a: StaffAudience): Promise<StaffRecipient[]> {
  const roles = textArrayLiteral(a.roles);
  const rows =
    a.withinPath !== undefined
      ? await STAFF.within(tx, { roles, path: `{${(a.withinPath ?? []).join(',')}}` })
      : a.institutionId === null
        ? await STAFF.national(tx, { roles })
        : await STAFF.at(tx, { roles, institutionId: a.institutionId });
  return rows.map((u) => ({
    id: String(u.id),
    language: String(u.language),
    role: String(u.role),
    institutionId: u.institutionId === null ? null : Number(u.institutionId),
  }));
}

/** The rows of one save, one JSON array: one statement, planned once per connection, however many rows. */
const INSERT = prepared<'rows' | 'reportId' | 'now'>(
  'pintu_outbox_insert',
  (p) => `insert into notification_outbox (idempotency_key, report_id, event_seq, recipient_kind,
      recipient_user_id, audience_role, audience_institution_id, channel, template, language, payload, status,
      next_attempt_at, created_at)
    select x.k, ${p('reportId')}::bigint, x.seq, x.kind, x.uid, x.role, x.inst, x.channel, x.template, x.language,
      x.payload, 'pending', ${p('now')}::timestamptz, ${p('now')}::timestamptz
    from json_to_recordset(${p('rows')}::json) as x(k text, seq int, kind text, uid text, role text, inst int,
      channel text, template text, language text, payload jsonb)
    on conflict do nothing
    returning id`,
);

/** The report as the outbox rule needs it: prepared, as it runs on every save (its planning was ¾ of its cost). */
const REPORT_OF = prepared<'reportId'>(
  'pintu_outbox_report',
  (p) => `select r.tracking_id as "trackingId", r.language,
      r.reporter_sealed is not null as "hasContact",
      (select u.id from users u where u.id = r.reporter_account_id) as "accountId",
      r.institution_id as "institutionId", i.path
    from reports r left join institutions i on i.id = r.institution_id where r.id = ${p('reportId')}::bigint`,
);

async function reportOf(tx: Db, reportId: number): Promise<OutboxReport> {
  const [r] = await REPORT_OF(tx, { reportId });
  if (!r) throw new Error(`the outbox's report ${reportId} is gone`);
  return {
    reportId: String(reportId),
    trackingId: String(r.trackingId),
    language: String(r.language),
    hasContact: r.hasContact === true,
    accountId: r.accountId === null ? null : String(r.accountId),
    institutionId: r.institutionId === null ? null : Number(r.institutionId),
    path: Array.isArray(r.path) ? r.path.map(Number) : null,
  };
}

/** Writes the outbox rows of `events` (with their seqs) of report `reportId`, and their delivery jobs. */
export async function writeOutbox(
  tx: Db,
  reportId: number,
  events: readonly OutboxEvent[],
  now: Date,
  afterCommit?: (() => Promise<void>)[],
) {
  if (events.length === 0) return;
  const report = await reportOf(tx, reportId);
  // The staff of every audience first (one query each, as before), so the core's rule stays synchronous.
  const staff = new Map<string, StaffRecipient[]>();
  for (const e of events)
    for (const a of staffAudiences(e, report)?.audiences ?? [])
      if (!staff.has(audienceKey(a))) staff.set(audienceKey(a), await usersOf(tx, a));
  const rows = outboxRows(report, events, (a) => staff.get(audienceKey(a)) ?? []);
  if (!rows.length) return;
  const written = await INSERT(tx, {
    reportId,
    now: now.toISOString(),
    rows: JSON.stringify(
      rows.map((r) => ({
        k: r.idempotencyKey,
        seq: r.eventSeq,
        kind: r.recipientKind,
        uid: r.recipientUserId,
        role: r.audienceRole,
        inst: r.audienceInstitutionId,
        channel: r.channel,
        template: r.template,
        language: r.language,
        payload: r.payload,
      })),
    ),
  });
  // Their pg-boss delivery jobs (delivery-jobs.ts): once the rows are committed when the recording owns its commit,
  // else in the same transaction.
  const ids = written.map((w) => Number(w.id));
  if (afterCommit) afterCommit.push(() => sendCommittedDeliveryJobs(ids));
  else await sendDeliveryJobs(tx, ids);
}

/** Writes the outbox rows for the events of report `reportId` after sequence number `afterSeq`. */
export async function enqueueNotifications(tx: Db, reportId: number, afterSeq: number, now: Date) {
  const ev =
    await tx.execute(sql`select seq, action, from_status as "fromStatus", to_status as "toStatus", payload
    from events
    where report_id = ${reportId} and seq > ${afterSeq} order by seq`);
  const events = ev.rows.map((e) => ({
    seq: Number(e.seq),
    action: String(e.action),
    fromStatus: e.fromStatus === null ? null : String(e.fromStatus),
    toStatus: String(e.toStatus),
    payload: e.payload as Record<string, unknown>,
  }));
  await writeOutbox(tx, reportId, events, now);
}

/** The outbox projector of record-transition: the events are in hand, so none is read back. */
export const outboxProjector: Projector<Db> = {
  name: 'outbox',
  project: (tx, change) =>
    writeOutbox(
      tx,
      change.reportId,
      change.events.map(({ seq, event }) => ({
        seq,
        action: event.type,
        fromStatus: event.from,
        toStatus: event.to,
        payload: JSON.parse(JSON.stringify(event.payload)) as Record<string, unknown>,
      })),
      change.now,
      change.afterCommit,
    ),
};
