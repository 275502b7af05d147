/**
 * `CEK` and `BALAS` (issue 14): the reporter asking about, or answering on, their report by SMS. An SMS carries no
 * access code, so the sender is the reporter when their number is the one sealed with the report (opened here,
 * compared, never shown). Any other number — and an unknown trackingId — gets the same "not found": a stranger
 * who guesses or overhears a trackingId learns nothing, not even that it exists.
 */
import { DomainFailure, type ReportStatus, type WorkflowReport } from '@pintu/core';
import { actOnReport } from '../workflow/act-on-report';
import { workflowReportsOf } from '../workflow/action-context';
import { samePhone } from './phone-number';
import type { SmsDeps, SmsOutcome } from './sms-deps';

/** The reporter's action a reply is, by the report's status: an answer to a follow-up, or to a hold's question. */
const REPLY_ACTION: Partial<Record<ReportStatus, 'reporter_reply' | 'answer_hold'>> = {
  awaiting_reporter: 'reporter_reply',
  on_hold: 'answer_hold',
};

/** The report, when `phone` is its reporter's sealed number; null otherwise (unknown, none sealed, another). */
async function reportOfReporter(
  deps: SmsDeps,
  phone: string,
  trackingId: string,
): Promise<WorkflowReport | null> {
  const report = await workflowReportsOf(deps).load(trackingId);
  if (!report?.reporterSealed) return null;
  let contact: { phone?: string };
  try {
    contact = deps.sealer.open<{ phone?: string }>(report.reporterSealed);
  } catch {
    return null; // sealed under another key (a restored backup): not provable, so not theirs
  }
  return samePhone(contact.phone, phone) ? report : null;
}

/** `CEK`: the status, who holds it, and the running deadline in the holder's time zone. */
export async function checkBySms(deps: SmsDeps, phone: string, trackingId: string): Promise<SmsOutcome> {
  const report = await reportOfReporter(deps, phone, trackingId);
  if (!report) return { kind: 'not_found', trackingId };
  const { state } = report;
  const holderId = state.holder.institutionId;
  const names = holderId ? await workflowReportsOf(deps).institutionNames([holderId]) : {};
  const clock = state.clock;
  const { timeZone, regionCode } = state.holder;
  return {
    kind: 'status',
    trackingId: report.trackingId,
    status: state.status,
    institution: holderId ? (names[holderId] ?? null) : null,
    deadline: clock
      ? {
          stage: clock.stage,
          dueAt: clock.dueAt,
          timeZone,
          workingDaysLeft: deps.calendar.get().workingDaysLeft(deps.now, clock.dueAt, timeZone, regionCode),
        }
      : null,
  };
}

/** `BALAS`: the reporter's reply, as the reporter (the number proved it), through the web's own path. */
export async function replyBySms(
  deps: SmsDeps,
  phone: string,
  trackingId: string,
  text: string,
): Promise<SmsOutcome> {
  const report = await reportOfReporter(deps, phone, trackingId);
  if (!report) return { kind: 'not_found', trackingId };
  const id = report.trackingId;
  if (!text) return { kind: 'reply_refused', trackingId: id, reason: { why: 'empty' } };
  const action = REPLY_ACTION[report.state.status];
  if (!action)
    return {
      kind: 'reply_refused',
      trackingId: id,
      reason: { why: 'not_awaiting', status: report.state.status },
    };
  try {
    await actOnReport(deps, id, { action, message: text }, { caller: null, reporterProven: true });
  } catch (err) {
    if (!(err instanceof DomainFailure)) throw err;
    // Typically a staff member acted between the load and the reply, or the text is over the limit.
    return { kind: 'reply_refused', trackingId: id, reason: { why: 'invalid' } };
  }
  return { kind: 'replied', trackingId: id, action };
}
