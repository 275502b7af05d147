/** Reading a report: the public view for anyone, the full view for the reporter holding the access code. */
import { sql } from 'drizzle-orm';
import { findReport } from '../../db/postgres-reports';
import type { Deps } from '../../http/context';
import { ProblemError } from '../../http/problem';
import {
  presentForReporter,
  presentPublic,
  type ReporterIdentity,
} from '../../http/reports/reports.presenter';
import type { ReportView } from '../../http/reports/reports.schema';
import { accessCodeMatches } from '../../security/ids';
import type { Principal } from '../accounts/principal';
import { isStaffPrincipal } from '../workflow/callers';
import { viewForPrincipal } from '../workflow/view-for-principal';

const notFound = () => new ProblemError('NOT_FOUND', 'Laporan tidak ditemukan.');

/**
 * The report as the caller may see it; a wrong access code is treated as none (no oracle). A signed-in principal
 * in scope gets the staff view (or the reporter view of their own report); staff out of scope get the public
 * view, and 404 for a confidential report (domain.md §7).
 */
export async function viewReport(
  deps: Pick<Deps, 'db' | 'sealer'> & Partial<Pick<Deps, 'calendar'>> & StaffCaller,
  trackingId: string,
  accessCode?: string,
): Promise<ReportView> {
  const row = await findReport(deps.db, trackingId);
  if (!row) throw notFound();
  if (accessCode && accessCodeMatches(accessCode, row.accessCodeHash)) {
    const identity = row.reporterSealed ? deps.sealer.open<ReporterIdentity>(row.reporterSealed) : null;
    return presentForReporter(row, identity);
  }
  const { principal, calendar, now } = deps;
  if (principal && calendar && now) {
    const view = await viewForPrincipal({ ...deps, calendar, now }, row, principal);
    if (view) return view;
    if (row.isConfidential && isStaffPrincipal({ principal })) throw notFound();
  }
  return presentPublic(row);
}

/** The signed-in caller and the request's clock, when the route has them. */
interface StaffCaller {
  principal?: Principal | null;
  now?: Date;
}

/** An attachment's bytes, if the caller may see the report's content. */
export async function readAttachment(
  deps: Pick<Deps, 'db' | 'blobs'>,
  trackingId: string,
  attachmentId: string,
  accessCode?: string,
): Promise<{ bytes: Buffer; mime: string; filename: string }> {
  const res = await deps.db.execute(sql`select a.mime, a.filename, r.is_confidential as "isConfidential",
      r.access_code_hash as "accessCodeHash"
    from attachments a join reports r on r.id = a.report_id
    where a.id = ${attachmentId} and r.tracking_id = ${trackingId.toUpperCase()}`);
  const row = res.rows[0] as
    | { mime: string; filename: string; isConfidential: boolean; accessCodeHash: string | null }
    | undefined;
  if (!row) throw notFound();
  if (row.isConfidential && !(accessCode && accessCodeMatches(accessCode, row.accessCodeHash)))
    throw notFound();
  const bytes = await deps.blobs.get(attachmentId);
  if (!bytes) throw notFound();
  return { bytes, mime: row.mime, filename: row.filename };
}
