/** Reads and writes reports, their first event and their attachments: the reports port over PostgreSQL. */
import type {
  AttachmentOfReport,
  CheckedInstitution,
  FilingConflict,
  FilingGate,
  FirstEvent,
  GateStop,
  KeyedAnswer,
  ReferenceCheck,
  ReportRecord,
  Reports,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { eventHash } from './event-chain';
import { batcherFor, createBatcher } from './intake-batch';
import { gateJson, gateStopOf } from './intake-gate';
import { type IntakeProjections, intakeProjections } from './intake-projections';
import {
  CHECK_REFERENCES,
  FILE_REPORT,
  FILE_REPORTS,
  INSERT_REPORT,
  type InsertKey,
  type NewReport,
} from './intake-statements';
import { type Db, statementConcurrency } from './open';
import { prepared } from './prepared';
import { bool, num, type Row, referenceCheckOf, reportRecordOf, str, strOrNull } from './report-rows';

type Filing = Record<InsertKey | 'presumedInstitution', unknown> &
  IntakeProjections & { idempotency: string | null; gate: string | null };

export type { CheckedInstitution, NewReport, ReferenceCheck };
/** A stored report with the names it refers to (the core's `ReportRecord`). */
export type ReportRow = ReportRecord;

/** Looks up every reference a new report names, in one round trip. */
export async function checkReferences(
  db: Db,
  ref: {
    regionCode: string;
    categoryId: number;
    institutionId?: number | undefined;
    attachmentIds: string[];
  },
): Promise<ReferenceCheck> {
  const rows = await CHECK_REFERENCES(db, {
    regionCode: ref.regionCode,
    categoryId: ref.categoryId,
    institutionId: ref.institutionId ?? null,
    attachmentIds: `{${ref.attachmentIds.join(',')}}`,
  });
  return referenceCheckOf(rows[0] as Row);
}

/** The statement parameters of a report and its first event (hash-chained from nothing); a program grievance's
 * write (postgres-program-reports.ts) runs the same statement with them. */
export function insertValues(
  r: NewReport,
  first: FirstEvent,
  attachmentIds: string[],
  keyed: KeyedAnswer | undefined,
  gate?: FilingGate | null,
): Record<InsertKey, unknown> & IntakeProjections & { idempotency: string | null; gate: string | null } {
  // The payload as stored (JSON round trip): what the hash covers must be what a reader gets back.
  const payloadJson = JSON.stringify(first.payload);
  const payload = JSON.parse(payloadJson) as Record<string, unknown>;
  const hash = eventHash(null, Object.assign({}, first, { payload, trackingId: r.trackingId, seq: 1 }));
  // Written out, not spread from `r`: one fixed shape is cheaper to build and to serialise on intake's hot path.
  const values = {
    trackingId: r.trackingId,
    type: r.type,
    title: r.title,
    body: r.body,
    incidentDate: r.incidentDate,
    regionCode: r.regionCode,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    categoryId: r.categoryId,
    requestedInstitutionId: r.requestedInstitutionId,
    institutionId: r.institutionId,
    status: r.status,
    dueAt: r.dueAt?.toISOString() ?? null,
    lifecycle: JSON.stringify(r.lifecycle),
    isAnonymous: r.isAnonymous,
    isConfidential: r.isConfidential,
    channel: r.channel,
    language: r.language,
    reporterAccountId: r.reporterAccountId,
    reporterSealed: r.reporterSealed,
    accessCodeHash: r.accessCodeHash,
    integrationAppId: r.integrationAppId ?? null,
    externalRef: r.externalRef ?? null,
    createdAt: r.createdAt.toISOString(),
    action: first.action,
    actorId: first.actorId,
    actorRole: first.actorRole,
    eventInstitutionId: first.institutionId,
    at: first.at.toISOString(),
    fromStatus: first.fromStatus,
    toStatus: first.toStatus,
    payload: payloadJson,
    hash,
    attachmentIds: `{${attachmentIds.join(',')}}`,
  };
  const { stageClock, outbox, webhooks } = intakeProjections(values, { state: r.lifecycle, payload });
  return Object.assign(values, {
    stageClock,
    outbox,
    webhooks,
    idempotency: keyedJson(keyed),
    gate: gateJson(gate),
  });
}

/** The key's row as the statements read it; null without a key (never the JSON `null`: they test SQL null). */
function keyedJson(keyed: KeyedAnswer | undefined): string | null {
  if (!keyed) return null;
  const { lease, fingerprint, answer } = keyed;
  return JSON.stringify({
    scope: lease.scope,
    key: lease.key,
    owner: lease.owner,
    fingerprint,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
  });
}

/**
 * Checks the references of a report without attachments and, only if they hold and the requested institution
 * (`r.requestedInstitutionId`) is exactly `presumed` (null: none requested), inserts it with its first event —
 * one round trip. Returns what `checkReferences` would, and the new id, or null when nothing was written.
 */
export async function fileReportIfValid(
  db: Db,
  r: NewReport,
  first: FirstEvent,
  presumed: CheckedInstitution | null,
  keyed?: KeyedAnswer,
  gate?: FilingGate | null,
): Promise<{ ref: ReferenceCheck; id: number | null; conflict?: FilingConflict; gate?: GateStop }> {
  const batcher = batcherFor(db, () =>
    createBatcher<Filing, Record<string, unknown>>(
      async (filing) => (await FILE_REPORT(db, filing))[0]!,
      (filings) => FILE_REPORTS(db, { filings: filings.map((f, ord) => Object.assign(f, { ord })) }),
      statementConcurrency(db),
    ),
  );
  const values = Object.assign(insertValues(r, first, [], keyed, gate), {
    presumedInstitution: presumed && JSON.stringify(presumed),
  });
  let row: Record<string, unknown>;
  try {
    // A batch that breaks a unique index is retried filing by filing (intake-batch.ts): only the culprit gets here.
    row = await batcher.run(values);
  } catch (err) {
    if (!violates(err, 'reports_integration_ref_uq')) throw err;
    const ref = await checkReferences(db, {
      regionCode: r.regionCode,
      categoryId: r.categoryId,
      institutionId: r.requestedInstitutionId ?? undefined,
      attachmentIds: [],
    });
    return { ref, id: null, conflict: 'external_ref' };
  }
  const ref = referenceCheckOf(row);
  if (row.id != null) return { ref, id: num(row.id) };
  const stop = gateStopOf(row);
  if (stop) return { ref, id: null, gate: stop };
  return row.keyTaken === true ? { ref, id: null, conflict: 'idempotency_key' } : { ref, id: null };
}

/**
 * Inserts the report with its first event (hash-chained from nothing) and claims its attachments.
 * Without attachments this is a single statement; with them, a transaction that fails if any was claimed meanwhile.
 */
export async function insertReport(
  db: Db,
  r: NewReport,
  first: FirstEvent,
  attachmentIds: string[],
  keyed?: KeyedAnswer,
  gate?: FilingGate | null,
): Promise<{ id: number } | { conflict: 'attachments' | FilingConflict } | { gate: GateStop }> {
  const values = insertValues(r, first, attachmentIds, keyed, gate);
  class Conflict extends Error {}
  try {
    const rows =
      attachmentIds.length === 0
        ? await INSERT_REPORT(db, values)
        : await db.transaction(async (tx) => {
            const found = await INSERT_REPORT(tx, values);
            const row = found[0] as Row;
            if (row.id != null && num(row.claimed) !== attachmentIds.length) throw new Conflict();
            return found;
          });
    const row = rows[0] as Row;
    if (row.id != null) return { id: num(row.id) };
    const stop = gateStopOf(row);
    // Nothing written although the caller checked everything: the gate stopped it, or the key's answer was stored
    // by another request.
    return stop ? { gate: stop } : { conflict: 'idempotency_key' };
  } catch (err) {
    if (err instanceof Conflict) return { conflict: 'attachments' };
    // Two filings of one app with the same reference at once: the partial unique index lets one through.
    if (violates(err, 'reports_integration_ref_uq')) return { conflict: 'external_ref' };
    throw err;
  }
}

/** Whether the error is a unique violation of this constraint (node-postgres and PGlite, wrapped or not). */
export function violates(err: unknown, constraint: string): boolean {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  )
    if (e.code === '23505') return e.constraint === constraint || String(e).includes(constraint);
  return false;
}

/** A report's columns as `reportRecordOf` reads them, over `REPORT_FROM`. */
export const REPORT_COLUMNS = `r.id::int as id, r.tracking_id as "trackingId", r.type, r.title, r.body,
    to_char(r.incident_date, 'YYYY-MM-DD') as "incidentDate", r.region_code as "regionCode", g.name as "regionName",
    pg.code as "publicRegionCode", pg.name as "publicRegionName", r.address, r.lat, r.lng, r.category_id as "categoryId", c.name as "categoryName", c.code as "categoryCode",
    r.institution_id as "institutionId", i.name as "institutionName", r.status,
    to_char(r.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueAt", r.is_anonymous as "isAnonymous", r.is_confidential as "isConfidential",
    r.moderation_hidden as "moderationHidden", r.reporter_sealed as "reporterSealed", r.access_code_hash as "accessCodeHash",
    to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
    coalesce((select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'mime', a.mime, 'size', a.size,
      'withheld', a.withheld_at is not null) order by a.created_at) from attachments a where a.report_id = r.id), '[]'::json) as attachments`;

/** The report `r` with the names it refers to. */
export const REPORT_FROM = `reports r
  left join regions g on g.code = r.region_code
  -- The public sees only the regency of a place (a village and a date can identify a reporter): its code and name.
  left join regions pg on pg.code = left(r.region_code, 5)
  left join categories c on c.id = r.category_id
  left join institutions i on i.id = r.institution_id`;

/** The public page's one statement, prepared: planning its joins cost twice its execution (issue 17). */
const FIND_REPORT = prepared<'trackingId'>(
  'find_report',
  (p) => `select ${REPORT_COLUMNS} from ${REPORT_FROM} where r.tracking_id = ${p('trackingId')}`,
);

/** One report with the names it refers to, or null. */
export async function findReport(db: Db, trackingId: string): Promise<ReportRow | null> {
  const rows = await FIND_REPORT(db, { trackingId: trackingId.toUpperCase() });
  const row = rows[0] as Row | undefined;
  return row ? reportRecordOf(row) : null;
}

/** Whether the caller may fetch an attachment depends on its report: found by both ids. */
export async function findAttachmentOfReport(
  db: Db,
  trackingId: string,
  attachmentId: string,
): Promise<AttachmentOfReport | null> {
  // A report moderation hides is, for its attachments, as a confidential one: only its reporter and staff.
  const res = await db.execute(sql`select a.mime, a.filename,
      (r.is_confidential or r.moderation_hidden) as "isConfidential",
      r.access_code_hash as "accessCodeHash", a.withheld_at is not null as withheld
    from attachments a join reports r on r.id = a.report_id
    where a.id = ${attachmentId} and r.tracking_id = ${trackingId.toUpperCase()}`);
  const row = res.rows[0] as Row | undefined;
  if (!row) return null;
  return {
    mime: str(row.mime),
    filename: str(row.filename),
    isConfidential: bool(row.isConfidential),
    accessCodeHash: strOrNull(row.accessCodeHash),
    withheld: bool(row.withheld),
  };
}

/** The reports port over one database handle. */
export function postgresReports(db: Db): Reports {
  return {
    checkReferences: (ref) => checkReferences(db, ref),
    fileIfValid: (report, first, presumed, keyed, gate) =>
      fileReportIfValid(db, report, first, presumed, keyed, gate),
    insert: (report, first, attachmentIds, keyed, gate) =>
      insertReport(db, report, first, attachmentIds, keyed, gate),
    find: (trackingId) => findReport(db, trackingId),
    findAttachment: (trackingId, attachmentId) => findAttachmentOfReport(db, trackingId, attachmentId),
  };
}
