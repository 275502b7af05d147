/** Reading a report: the public view for anyone, the full view for the reporter holding the access code. */
import { fail, type ReportRecord } from '@pintu/core';
import { accessCodeMatches } from '../../security/ids';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { audienceOf, isStaffCaller } from '../workflow/callers';
import { type CallerView, callerView } from '../workflow/view-for-caller';
import { type ReportsSource, reportsOf } from './reports-port';

const notFound = (): never => fail('NOT_FOUND', 'Laporan tidak ditemukan.');

/** The identity a reporter gave, as sealed at filing. */
export interface ReporterIdentity {
  name?: string;
  email?: string;
  phone?: string;
}

/** What a signed-in caller in scope sees (the workflow's staff or own-report view). */

/** Which view of a report the caller gets, with what that view is made of; a presenter renders it. */
export type ReportSight =
  | { audience: 'public'; report: ReportRecord }
  | { audience: 'reporter'; report: ReportRecord; identity: ReporterIdentity | null }
  | { audience: 'caller'; report: ReportRecord; view: CallerView };

/** The signed-in caller and the request's clock, when the route has them. */
interface StaffCaller {
  caller?: Caller | null;
  now?: Date;
}

/**
 * The report as the caller may see it; a wrong access code is treated as none (no oracle). A signed-in caller
 * in scope gets the staff view (or the reporter view of their own report); staff out of scope get the public
 * view, and 404 for a confidential report (domain.md §7).
 */
export async function viewReport(
  deps: ReportsSource & Pick<AppDeps, 'sealer'> & Partial<Pick<AppDeps, 'calendar' | 'db'>> & StaffCaller,
  trackingId: string,
  accessCode?: string,
): Promise<ReportSight> {
  const report = await reportsOf(deps).find(trackingId);
  if (!report) return notFound();
  if (accessCode && accessCodeMatches(accessCode, report.accessCodeHash)) {
    const identity = report.reporterSealed ? deps.sealer.open<ReporterIdentity>(report.reporterSealed) : null;
    return { audience: 'reporter', report, identity };
  }
  const { caller, calendar, now, db } = deps;
  if (caller && calendar && now && db) {
    const view = await callerView({ db, sealer: deps.sealer, calendar, now }, report.trackingId, caller);
    if (view) return { audience: 'caller', report, view };
    if (report.isConfidential && isStaffCaller({ caller })) notFound();
  }
  // Moderation hides it from the public (docs/abuse.md): its reporter and staff still see it above.
  if (report.moderationHidden) notFound();
  return { audience: 'public', report };
}

/**
 * Whether the signed-in caller sees the report beyond the public: its staff, oversight, or its reporter's side — the
 * reporter's own account and the facilitator who filed it (core `audienceFor`), not merely some staff member.
 */
async function seesReport(
  deps: Partial<Pick<AppDeps, 'workflowReports'>> & StaffCaller,
  trackingId: string,
): Promise<boolean> {
  if (!deps.caller || !deps.workflowReports) return false;
  const report = await deps.workflowReports.load(trackingId);
  if (!report) return false;
  return audienceOf(report, { caller: deps.caller }).audience !== 'public';
}

/**
 * An attachment's bytes, if the caller may see it: anyone for a public report's published attachment; for a
 * confidential report's, or one a handler withheld from publication, only the reporter (access code or own account),
 * its facilitator, or the report's own staff and oversight.
 */
export async function readAttachment(
  deps: ReportsSource & Pick<AppDeps, 'blobs'> & Partial<Pick<AppDeps, 'workflowReports'>> & StaffCaller,
  trackingId: string,
  attachmentId: string,
  accessCode?: string,
): Promise<{ bytes: Uint8Array; mime: string; filename: string }> {
  const found = await reportsOf(deps).findAttachment(trackingId, attachmentId);
  if (!found) return notFound();
  if (
    (found.isConfidential || found.withheld) &&
    !(accessCode && accessCodeMatches(accessCode, found.accessCodeHash)) &&
    !(await seesReport(deps, trackingId))
  )
    notFound();
  const bytes = await deps.blobs.get(attachmentId);
  if (!bytes) return notFound();
  return { bytes, mime: found.mime, filename: found.filename };
}
