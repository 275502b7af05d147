/**
 * What each audience may see of a report. Anonymity and confidentiality are enforced here (domain.md §7):
 * the public never sees identity or contact; a confidential report shows the public its status only.
 */
import { type ReportStatus, type ReportType, STATUS_LABELS_ID } from '@pintu/core';
import type { ReportRow } from '../../db/postgres-reports';
import type { Handling } from '../workflow/workflow.schema';
import type { ReportView } from './reports.schema';

export interface ReporterIdentity {
  name?: string;
  email?: string;
  phone?: string;
}

const ANONYMOUS = 'Pelapor Anonim';

function base(
  r: ReportRow,
): Pick<
  ReportView,
  | 'trackingId'
  | 'type'
  | 'status'
  | 'statusLabel'
  | 'isAnonymous'
  | 'isConfidential'
  | 'institution'
  | 'createdAt'
> {
  return {
    trackingId: r.trackingId,
    type: r.type as ReportType,
    status: r.status as ReportStatus,
    statusLabel: STATUS_LABELS_ID[r.status as ReportStatus],
    isAnonymous: r.isAnonymous,
    isConfidential: r.isConfidential,
    institution: r.institutionId ? { id: r.institutionId, name: r.institutionName ?? '' } : null,
    createdAt: r.createdAt,
  };
}

const attachmentsOf = (r: ReportRow) =>
  r.attachments.map((a) => ({
    ...a,
    withheld: a.withheld === true,
    url: `/api/v1/reports/${r.trackingId}/attachments/${a.id}`,
  }));

/** The public view: content unless confidential, never the reporter's identity or contact. */
export function presentPublic(r: ReportRow): ReportView {
  const hidden = r.isConfidential;
  return {
    ...base(r),
    title: hidden ? null : r.title,
    body: hidden ? null : r.body,
    incidentDate: hidden ? null : r.incidentDate,
    category:
      hidden || !r.categoryName
        ? null
        : { id: r.categoryId, name: r.categoryName, code: r.categoryCode ?? '' },
    // Only the regency of a public report, its name with its code: a village or district name plus a date can be
    // enough to identify a reporter (the repository coarsens both).
    region: hidden ? null : { code: r.publicRegionCode, name: r.publicRegionName ?? '' },
    reporter: { display: r.isAnonymous ? ANONYMOUS : 'Pelapor' },
    // Never an attachment a handler withheld from publication (domain.md §7), nor the flag itself.
    attachments: hidden ? [] : attachmentsOf(r).flatMap(({ withheld, ...a }) => (withheld ? [] : [a])),
    view: 'public',
  };
}

/** The reporter's own view (session or access code): everything, including their own contact details. */
export function presentForReporter(r: ReportRow, identity: ReporterIdentity | null): ReportView {
  return {
    ...base(r),
    title: r.title,
    body: r.body,
    incidentDate: r.incidentDate,
    category: r.categoryName ? { id: r.categoryId, name: r.categoryName, code: r.categoryCode ?? '' } : null,
    region: { code: r.regionCode, name: r.regionName ?? '' },
    address: r.address,
    location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
    reporter: { display: r.isAnonymous ? ANONYMOUS : (identity?.name ?? 'Pelapor'), ...(identity ?? {}) },
    attachments: attachmentsOf(r),
    dueAt: r.dueAt,
    view: 'reporter',
  };
}

/** `siti@example.id` → `s***@example.id`: enough for staff to recognise an address, not to use it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** `081234567890` → `0812****7890`. */
export function maskPhone(phone: string): string {
  if (phone.length <= 8) return '****';
  return `${phone.slice(0, 4)}****${phone.slice(-4)}`;
}

/**
 * The staff view (handlers in scope, national roles, oversight): full content and handling, the reporter as
 * "Pelapor Anonim" when anonymous — the identity is not even read then — else the name with masked contact.
 */
export function presentForStaff(
  r: ReportRow,
  identity: ReporterIdentity | null,
  handling: Handling,
): ReportView {
  const shown = r.isAnonymous ? null : identity;
  return {
    ...presentForReporter(r, null),
    reporter: shown
      ? {
          display: shown.name ?? 'Pelapor',
          ...(shown.name ? { name: shown.name } : {}),
          ...(shown.email ? { email: maskEmail(shown.email) } : {}),
          ...(shown.phone ? { phone: maskPhone(shown.phone) } : {}),
        }
      : { display: r.isAnonymous ? ANONYMOUS : 'Pelapor' },
    dueAt: handling.dueAt,
    view: 'staff',
    handling,
  };
}

/** A caller's view (app/workflow/view-for-caller.ts) as the API shows it; null when only the public view. */
export function presentCallerView(
  r: ReportRow,
  view:
    | { audience: 'reporter'; identity: ReporterIdentity | null }
    | { audience: 'staff' | 'oversight'; identity: ReporterIdentity | null; handling: Handling }
    | null,
): ReportView | null {
  if (!view) return null;
  if (view.audience === 'reporter') return presentForReporter(r, view.identity);
  return presentForStaff(r, view.identity, view.handling);
}
