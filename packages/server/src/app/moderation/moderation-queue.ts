/**
 * The national admin's moderation queue (issue 16 §7, docs/abuse.md): the reports flagged as spam or abusive — by an
 * intake rule or by staff of their holder — that wait for a decision. Deciding is a lifecycle action
 * (`release_flag`, `confirm_flag`) through act-on-report, so it lands in the report's hash-chained history.
 */
import { can, fail, type ModerationItem, NATIONAL_QUEUE } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { callerActors } from '../workflow/callers';

/** A page of the queue, oldest flag first; NOT_ALLOWED to anyone but the national admin. */
export async function listModerationQueue(
  deps: Pick<AppDeps, 'moderation'>,
  caller: Caller,
  page: number,
  pageSize: number,
): Promise<{ items: ModerationItem[]; total: number }> {
  if (!callerActors(caller).some((a) => can(a, 'moderate_reports', { holder: NATIONAL_QUEUE })))
    fail('NOT_ALLOWED', 'Hanya admin nasional yang memoderasi laporan. / Only the national admin moderates.');
  return deps.moderation.pending(page, pageSize);
}
