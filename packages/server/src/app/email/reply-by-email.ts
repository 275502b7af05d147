/**
 * A reply by e-mail to a report (issue 14): threaded as the reporter's own action, through the same path as the
 * web's (workflow/act-on-report.ts), only when the subject names the report AND the sender's address is the one
 * sealed with it. Anything else naming a report is not linked to it and not filed either: a stranger's mail must
 * never reach a report's timeline, and one person's second address must not turn a reply into a duplicate report.
 */
import { DomainFailure, type LifecycleActionName, type ReportStatus } from '@pintu/core';
import { actOnReport } from '../workflow/act-on-report';
import { workflowReportsOf } from '../workflow/action-context';
import type { EmailDeps, InboundEmail } from './inbound-email';

export type ReplyRefusal =
  | { why: 'not_awaiting'; status: ReportStatus }
  | { why: 'empty' }
  | { why: 'invalid'; message: string };

export type ReplyOutcome =
  | { kind: 'replied'; trackingId: string; action: LifecycleActionName }
  | { kind: 'reply_refused'; trackingId: string; reason: ReplyRefusal }
  /** Unknown report, no sealed address, another address, or an address the MTA could not verify: all look alike. */
  | { kind: 'not_linked'; trackingId: string };

/** The reporter's action a reply is, by the report's status: an answer to a follow-up, or to a hold's question. */
const REPLY_ACTION: Partial<Record<ReportStatus, 'reporter_reply' | 'answer_hold'>> = {
  awaiting_reporter: 'reporter_reply',
  on_hold: 'answer_hold',
};

/** Threads the message into the report its subject names, when the sender is that report's reporter. */
export async function replyByEmail(
  deps: EmailDeps,
  mail: InboundEmail,
  trackingId: string,
): Promise<ReplyOutcome> {
  const report = await workflowReportsOf(deps).load(trackingId);
  const sealed = report?.reporterSealed ? deps.sealer.open<{ email?: string }>(report.reporterSealed) : null;
  if (
    !report ||
    !sealed?.email ||
    sealed.email.trim().toLowerCase() !== mail.sender.address.trim().toLowerCase() ||
    mail.senderUnverified
  )
    return { kind: 'not_linked', trackingId };
  const id = report.trackingId;
  const action = REPLY_ACTION[report.state.status];
  if (!action)
    return {
      kind: 'reply_refused',
      trackingId: id,
      reason: { why: 'not_awaiting', status: report.state.status },
    };
  if (!mail.text) return { kind: 'reply_refused', trackingId: id, reason: { why: 'empty' } };
  try {
    await actOnReport(deps, id, { action, message: mail.text }, { caller: null, reporterProven: true });
  } catch (err) {
    if (!(err instanceof DomainFailure)) throw err;
    // Typically the status changed between the load and the action (a staff member acted meanwhile).
    const message = err.error.fields?.map((f) => `${f.field}: ${f.message}`).join('; ') || err.message;
    return { kind: 'reply_refused', trackingId: id, reason: { why: 'invalid', message } };
  }
  return { kind: 'replied', trackingId: id, action };
}
