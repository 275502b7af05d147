/** The queries of the workflow use cases: a report with what deciding an action needs, references, claims. */
import type { Holder, InstitutionRef, ReportStatus, WorkflowReport, WorkflowReports } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { holderOf } from './holders';
import { reviveState } from './lifecycle-codec';
import type { Db } from './open';
import { readEvents } from './postgres-lifecycle';
import { prepared } from './prepared';

export type { InstitutionRef, WorkflowReport };

/** The workflow port over PostgreSQL: the functions below, over one database handle. */
export function postgresWorkflowReports(db: Db): WorkflowReports {
  return {
    load: (trackingId) => loadWorkflowReport(db, trackingId),
    followUpRequiresApproval: (holder) => followUpRequiresApproval(db, holder),
    childStatuses: (childIds) => childStatuses(db, childIds),
    earlierFollowUps: (institutionId) => earlierFollowUps(db, institutionId),
    institutionsById: (ids) => institutionsById(db, ids),
    institutionNames: (ids) => institutionNames(db, ids),
    existingTrackingId: (trackingId) => existingTrackingId(db, trackingId),
    usableAttachments: (reportId, ids) => usableAttachments(db, reportId, ids),
    childrenOf: (reportId) => childrenOf(db, reportId),
    trackingIdOf: (reportId) => trackingIdOf(db, reportId),
    events: (trackingId) => readEvents(db, trackingId),
  };
}

const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));
const intOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** A `reports` row as the workflow selects it, column by column. */
function toWorkflowReport(r: Record<string, unknown>): WorkflowReport {
  return {
    id: Number(r.id),
    trackingId: String(r.trackingId),
    parentReportId: intOrNull(r.parentReportId),
    isAnonymous: r.isAnonymous === true,
    isConfidential: r.isConfidential === true,
    reporterAccountId: textOrNull(r.reporterAccountId),
    reporterSealed: textOrNull(r.reporterSealed),
    accessCodeHash: textOrNull(r.accessCodeHash),
    state: reviveState(r.lifecycle),
    updatedAt: new Date(r.updatedAt as string | Date),
    handledAt: textOrNull(r.handledAt),
  };
}

/** Loads a report for the workflow, or null. */
export async function loadWorkflowReport(db: Db, trackingId: string): Promise<WorkflowReport | null> {
  const [row] = await LOAD(db, { trackingId: trackingId.toUpperCase() });
  return row ? toWorkflowReport(row) : null;
}

/** Every action reads its report first: prepared, planned once per connection. */
const LOAD = prepared<'trackingId'>(
  'pintu_workflow_report',
  (p) => `select id::int as id, tracking_id as "trackingId",
      parent_report_id::int as "parentReportId", is_anonymous as "isAnonymous", is_confidential as "isConfidential",
      reporter_account_id as "reporterAccountId", reporter_sealed as "reporterSealed",
      access_code_hash as "accessCodeHash", lifecycle, updated_at as "updatedAt", handled_at as "handledAt"
    from reports where tracking_id = ${p('trackingId')}`,
);

// The reads every lifecycle step makes besides its report (guard context, outcome): prepared,
// each planned once per connection — at a step's scale their planning cost as much as running them.
const SETTINGS = prepared<'ids'>(
  'pintu_workflow_settings',
  (p) => `select id::text as id, settings from institutions where id = any(${p('ids')}::int[])`,
);
const CHILD_STATUSES = prepared<'ids'>(
  'pintu_workflow_child_statuses',
  (p) =>
    `select tracking_id as "trackingId", status from reports where tracking_id = any(${p('ids')}::text[])`,
);
const INSTITUTIONS = prepared<'ids'>(
  'pintu_workflow_institutions',
  (p) => `select id, name, active, path, time_zone as "timeZone", region_code as "regionCode"
    from institutions where id = any(${p('ids')}::int[])`,
);
const NAMES = prepared<'ids'>(
  'pintu_workflow_names',
  (p) => `select id::text as id, name from institutions where id = any(${p('ids')}::int[])`,
);

/**
 * Whether the holder's institution requires the liaison officer to approve follow-ups: the nearest setting on the
 * holder or its ancestors, default true (domain.md §5).
 */
export async function followUpRequiresApproval(db: Db, holder: Holder): Promise<boolean> {
  const chain = [holder.institutionId, ...[...holder.ancestorIds].reverse()].filter(
    (id): id is string => id !== null,
  );
  if (chain.length === 0) return true;
  const rows = await SETTINGS(db, { ids: `{${chain.join(',')}}` });
  const byId = new Map(
    (rows as { id: string; settings: Record<string, unknown> | null }[]).map((r) => [r.id, r.settings]),
  );
  for (const id of chain) {
    const value = byId.get(id)?.followUpRequiresApproval;
    if (typeof value === 'boolean') return value;
  }
  return true;
}

/** Statuses of the child reports (by tracking id), in the order given. */
export async function childStatuses(db: Db, childIds: readonly string[]): Promise<ReportStatus[]> {
  if (childIds.length === 0) return [];
  const rows = await CHILD_STATUSES(db, { ids: `{${childIds.join(',')}}` });
  const byId = new Map(
    (rows as { trackingId: string; status: ReportStatus }[]).map((r) => [r.trackingId, r.status]),
  );
  return childIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The latest follow-up texts the holder published (on any report, the newest `limit`), for the boilerplate warning:
 * an index walk however many reports the holder has had.
 */
export async function earlierFollowUps(db: Db, institutionId: string | null, limit = 50): Promise<string[]> {
  if (institutionId === null) return [];
  // The follow-ups the institution published, newest first (events_follow_ups_idx): a walk of `limit` index entries.
  // Planned on each call, not prepared: a generic plan cannot know the institution is big, and took a bitmap scan
  // of all its follow-ups and a sort (28 ms a call at one institution, pg_stat_statements).
  const res = await db.execute(sql`select e.payload->>'message' as message from events e
    where e.institution_id = ${Number(institutionId)} and e.action in ('post_follow_up', 'approve_follow_up')
    order by e.at desc limit ${limit}`);
  return (res.rows as { message: string | null }[]).flatMap((r) => (r.message ? [r.message] : []));
}

/** Institutions by id, resolved to holders (with ancestors and time zone). */
export async function institutionsById(db: Db, ids: readonly number[]): Promise<Map<number, InstitutionRef>> {
  if (ids.length === 0) return new Map();
  const rows = (await INSTITUTIONS(db, { ids: `{${ids.join(',')}}` })) as {
    id: number;
    name: string;
    active: boolean;
    path: number[];
    timeZone: string;
    regionCode: string | null;
  }[];
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, active: r.active, holder: holderOf(r) }]));
}

/** Names of institutions by id (as strings, the way events and states carry them). */
export async function institutionNames(db: Db, ids: Iterable<string>): Promise<Record<string, string>> {
  const list = [...new Set(ids)].filter((id) => /^\d+$/.test(id));
  if (list.length === 0) return {};
  const rows = await NAMES(db, { ids: `{${list.join(',')}}` });
  return Object.fromEntries((rows as { id: string; name: string }[]).map((r) => [r.id, r.name]));
}

/** The canonical tracking id of an existing report, or null. */
export async function existingTrackingId(db: Db, trackingId: string): Promise<string | null> {
  const res = await db.execute(
    sql`select tracking_id as "trackingId" from reports where tracking_id = ${trackingId.toUpperCase()}`,
  );
  return (res.rows[0] as { trackingId: string } | undefined)?.trackingId ?? null;
}

/** The attachments among `ids` that exist and are free or already this report's. */
export async function usableAttachments(db: Db, reportId: number, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const res = await db.execute(sql`select id::text as id from attachments
    where id = any(${`{${ids.join(',')}}`}::uuid[]) and (report_id is null or report_id = ${reportId})`);
  return (res.rows as { id: string }[]).map((r) => r.id);
}

/** Claims attachments for a report; returns how many are now the report's (all of them, or a conflict). */
export async function claimAttachments(db: Db, reportId: number, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await db.execute(sql`update attachments set report_id = ${reportId}
    where id = any(${`{${ids.join(',')}}`}::uuid[]) and (report_id is null or report_id = ${reportId})
      and not exists (select 1 from institution_sk s where s.attachment_id = attachments.id)
    returning id`);
  return res.rows.length;
}

/** The content of a report that a child report copies when it is split by verifying to several institutions. */
export interface ReportContent {
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryId: number;
  isAnonymous: boolean;
  isConfidential: boolean;
  channel: string;
  language: string;
  reporterAccountId: string | null;
  reporterSealed: string | null;
  accessCodeHash: string | null;
}

/** Reads the content columns of a report for its children. */
export async function reportContent(db: Db, reportId: number): Promise<ReportContent> {
  const res =
    await db.execute(sql`select type, title, body, to_char(incident_date, 'YYYY-MM-DD') as "incidentDate",
      region_code as "regionCode", address, lat, lng, category_id as "categoryId", is_anonymous as "isAnonymous",
      is_confidential as "isConfidential", channel, language, reporter_account_id as "reporterAccountId",
      reporter_sealed as "reporterSealed", access_code_hash as "accessCodeHash"
    from reports where id = ${reportId}`);
  return res.rows[0] as unknown as ReportContent;
}

/** Tracking id and status of the children of a report (by parent row id). */
export async function childrenOf(
  db: Db,
  reportId: number,
): Promise<{ trackingId: string; status: string }[]> {
  const res = await db.execute(sql`select tracking_id as "trackingId", status from reports
    where parent_report_id = ${reportId} order by id`);
  return res.rows as { trackingId: string; status: string }[];
}

/** The tracking id of a report row. */
export async function trackingIdOf(db: Db, reportId: number): Promise<string | null> {
  const res = await db.execute(sql`select tracking_id as "trackingId" from reports where id = ${reportId}`);
  return (res.rows[0] as { trackingId: string } | undefined)?.trackingId ?? null;
}
