/** `GET /reports/{trackingId}/events`: a report's timeline as the caller's audience may see it. */
import { readEvents } from '../../db/postgres-lifecycle';
import { institutionNames, loadWorkflowReport } from '../../db/postgres-workflow';
import type { Deps } from '../../http/context';
import { ProblemError } from '../../http/problem';
import { presentTimeline, referencedInstitutions } from '../../http/workflow/timeline.presenter';
import type { Timeline } from '../../http/workflow/workflow.schema';
import { audienceOf, type Caller } from './callers';

/** The timeline for the caller; a confidential report has no public timeline (404). */
export async function readTimeline(
  deps: Pick<Deps, 'db'>,
  trackingId: string,
  caller: Caller,
): Promise<Timeline> {
  const report = await loadWorkflowReport(deps.db, trackingId);
  if (!report) throw new ProblemError('NOT_FOUND', 'Laporan tidak ditemukan.');
  const { audience } = audienceOf(report, caller);
  if (audience === 'public' && report.isConfidential)
    throw new ProblemError('NOT_FOUND', 'Laporan tidak ditemukan.');
  const events = presentTimeline(await readEvents(deps.db, report.trackingId), audience, report.isAnonymous);
  const institutions = await institutionNames(deps.db, referencedInstitutions(events));
  return { trackingId: report.trackingId, audience, events, institutions };
}
