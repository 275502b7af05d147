/**
 * What a regional app does with reports (issue 12 §2, §4; ADR 0012): list the reports it filed or its subtree
 * holds, read one as a liaison officer of its institution would, and act on one through the staff use case with
 * optimistic concurrency. Outside the app's subtree a report does not exist for it (404, same as unknown).
 */
import { fail, failField, type IntegrationReportRow, type WorkflowReports } from '@pintu/core';
import type { AppIdentity, Caller } from '../accounts/caller';
import { viaOf } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { type ReportSight, viewReport } from '../reports/view-report';
import { type ActionOutcome, actOnReport } from '../workflow/act-on-report';
import { audienceOf } from '../workflow/callers';
import { readTimeline, type TimelineView } from '../workflow/read-timeline';
import type { ActionRequest } from '../workflow/resolve-action';

type Deps = AppDeps & { now: Date };

const notFound = (): never => fail('NOT_FOUND', 'Laporan tidak ditemukan.');

export interface ReportPageQuery {
  scope: 'filed' | 'held';
  updatedSince?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** The opaque cursor: the last row's (updatedAt, id), base64url JSON. */
export function encodeCursor(row: Pick<IntegrationReportRow, 'updatedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.updatedAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: number } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, number];
    const updatedAt = new Date(at);
    if (Number.isNaN(updatedAt.getTime()) || !Number.isSafeInteger(id)) throw new Error('bad cursor');
    return { updatedAt, id };
  } catch {
    return failField('cursor', 'invalid', 'Kursor tidak valid; pakai nextCursor dari halaman sebelumnya.');
  }
}

/** A page of reports for the app, in (updatedAt, id) order, and the cursor of the next page (null at the end). */
export async function listAppReports(
  deps: Pick<Deps, 'integration'>,
  app: AppIdentity,
  q: ReportPageQuery,
): Promise<{ items: IntegrationReportRow[]; nextCursor: string | null }> {
  const limit = q.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    failField('limit', 'range', 'limit antara 1 dan 100.');
  let updatedSince: Date | null = null;
  if (q.updatedSince !== undefined) {
    updatedSince = new Date(q.updatedSince);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(q.updatedSince) || Number.isNaN(updatedSince.getTime()))
      failField(
        'updatedSince',
        'invalid',
        'updatedSince harus tanggal-waktu ISO 8601, mis. 2026-12-01T00:00:00Z.',
      );
  }
  const after = q.cursor !== undefined ? decodeCursor(q.cursor) : null;
  const items = await deps.integration.listReports({
    scope: q.scope === 'filed' ? { filedBy: app.appId } : { subtreeOf: app.institutionId },
    updatedSince,
    after,
    limit: limit + 1,
  });
  const more = items.length > limit;
  const page = more ? items.slice(0, limit) : items;
  return { items: page, nextCursor: more ? encodeCursor(page[page.length - 1]!) : null };
}

/** One report as the app sees it, with its reference, version and timeline. */
export interface AppReportView {
  sight: ReportSight;
  timeline: TimelineView;
  externalRef: string | null;
  version: number;
}

async function inScope(reports: WorkflowReports, trackingId: string, caller: Caller): Promise<boolean> {
  const report = await reports.load(trackingId);
  return !!report && audienceOf(report, { caller }).audience === 'staff';
}

/**
 * The staff view of a report in the app's subtree; a report the app filed that left the subtree shows its public
 * view. Anything else is 404. Never the reporter's identity (the staff view has none for anonymous reports).
 */
export async function viewAppReport(deps: Deps, caller: Caller, trackingId: string): Promise<AppReportView> {
  const app = caller.app!;
  const version = await deps.integration.reportVersion(trackingId);
  if (!version) return notFound();
  const scoped = await inScope(deps.workflowReports, trackingId, caller);
  if (!scoped && version.integrationAppId !== app.appId) return notFound();
  const sight = await viewReport({ ...deps, caller: scoped ? caller : null }, trackingId);
  if (sight.audience === 'reporter') return notFound(); // never: no access code is passed
  const timeline = await readTimeline(deps, trackingId, { caller: scoped ? caller : null });
  return { sight, timeline, externalRef: version.externalRef, version: version.version };
}

/**
 * An action of the app through the staff use case: the same `applyAction`, policy and deadlines. `ifMatch` is the
 * version the app last saw; a report changed since then is refused (`stale`), also when a staff member's action
 * lands between this check and the save (the row version is checked again in the save's transaction).
 */
export async function actForApp(
  deps: Deps,
  caller: Caller,
  trackingId: string,
  ifMatch: number,
  input: ActionRequest,
): Promise<{ outcome: ActionOutcome; version: number }> {
  const app = caller.app!;
  const before = await deps.integration.reportVersion(trackingId);
  if (!before || !(await inScope(deps.workflowReports, trackingId, caller))) return notFound();
  if (before.version !== ifMatch)
    fail('CONFLICT', `Versi laporan sekarang ${before.version}, bukan ${ifMatch}.`, [], 'stale');
  const outcome = await actOnReport(
    deps,
    before.trackingId,
    input,
    { caller },
    {
      expectedUpdatedAt: before.updatedAt,
      via: viaOf(app),
    },
  );
  const after = await deps.integration.reportVersion(before.trackingId);
  return { outcome, version: after?.version ?? before.version };
}
