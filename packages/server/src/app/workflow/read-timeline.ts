/** A report's timeline as the credentials's audience may see it (domain.md §7; the cut is core's `eventsFor`). */
import { type Audience, eventsFor, fail, referencedInstitutions, type SeenEvent } from '@pintu/core';
import type { AppDeps } from '../deps';
import { audienceOf, type Credentials } from './callers';

/** The events the credentials may see, and the names of the institutions they refer to (by id). */
export interface TimelineView {
  trackingId: string;
  audience: Audience;
  events: SeenEvent[];
  institutions: Record<string, string>;
}

/** The timeline for the credentials; a confidential report has no public timeline (NOT_FOUND). */
export async function readTimeline(
  deps: Pick<AppDeps, 'workflowReports'>,
  trackingId: string,
  credentials: Credentials,
): Promise<TimelineView> {
  const reports = deps.workflowReports;
  const report = await reports.load(trackingId);
  if (!report) fail('NOT_FOUND', 'Laporan tidak ditemukan.');
  const { audience } = audienceOf(report, credentials);
  // Nor one moderation hides from the public (docs/abuse.md).
  if (audience === 'public' && (report.isConfidential || report.state.moderation?.hidden))
    fail('NOT_FOUND', 'Laporan tidak ditemukan.');
  const events = eventsFor(await reports.events(report.trackingId), audience, report.isAnonymous);
  const institutions = await reports.institutionNames(referencedInstitutions(events));
  return { trackingId: report.trackingId, audience, events, institutions };
}
