/**
 * What the reporter may try now. The reporter's view carries no `allowedActions` (only staff views do), so this
 * follows the lifecycle table by status and the timeline; the server still checks every action (deadlines such as
 * the reopen window are its call, and a refusal shows as a message).
 */
import type { ReportView, Timeline } from '../../api/reports';

export function reporterAllowed(r: ReportView, timeline: Timeline | undefined): string[] {
  if (r.handling) return r.handling.allowedActions;
  switch (r.status) {
    case 'awaiting_reporter':
      return ['reporter_reply', 'accept'];
    case 'on_hold':
      return ['answer_hold'];
    case 'resolved': {
      const events = timeline?.events ?? [];
      const lastReopen = events.findLast((e) => e.type === 'reopen')?.seq ?? 0;
      const rated = events.some(
        (e) => e.seq > lastReopen && (e.type === 'rate' || (e.type === 'accept' && e.payload.rating != null)),
      );
      const accepted = events.some((e) => e.seq > lastReopen && e.type === 'accept');
      return accepted ? ['reopen'] : rated ? ['reopen'] : ['reopen', 'rate'];
    }
    default:
      return [];
  }
}
