/**
 * A handler withholds an attachment from publication, or publishes it again (domain.md §7: "handlers can redact
 * before publication"). A withheld attachment is left out of the public view, Open311 and open data; the reporter
 * and the staff who handle the report still see it. Only staff handling the report may do it — a handler that may
 * act on it (`comment_internal`, held by every handling role but the read-only leadership) — and anyone else gets
 * 404, as for a report they cannot see.
 */
import { can, fail } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { requireCaller } from '../institutions/access';
import { audienceOf, subjectOf } from '../workflow/callers';

const notFound = (): never => fail('NOT_FOUND', 'Lampiran tidak ditemukan. / Attachment not found.');

export async function setAttachmentPublication(
  deps: Pick<AppDeps, 'workflowReports' | 'openData'> & { now: Date },
  caller: Caller | null,
  trackingId: string,
  attachmentId: string,
  withheld: boolean,
): Promise<{ id: string; withheld: boolean; withheldAt: string | null }> {
  const who = requireCaller(caller);
  const report = await deps.workflowReports.load(trackingId);
  if (!report) return notFound();
  const { audience, actors } = audienceOf(report, { caller: who });
  const subject = subjectOf(report);
  if (audience !== 'staff' || !actors.some((a) => can(a, 'comment_internal', subject))) return notFound();
  const done = await deps.openData.setAttachmentWithheld(
    report.trackingId,
    attachmentId,
    withheld ? deps.now : null,
  );
  if (!done) return notFound();
  return { id: done.id, withheld: done.withheldAt !== null, withheldAt: done.withheldAt };
}
