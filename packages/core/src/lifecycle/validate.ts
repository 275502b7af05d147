/** Payload checks of the lifecycle actions, giving field-level VALIDATION errors. */

import { MODERATION_REASONS } from '../abuse/moderation';
import { TIME_ZONES } from '../calendar/types';
import { type DomainError, domainError, type FieldError, validationError } from '../errors';
import type { Actor } from '../policy/roles';
import { COMPLEXITY_CLASSES, REPORT_LIMITS } from '../report/report';
import { ARCHIVE_REASONS, type LifecycleAction } from './actions';
import { type Holder, isWithinSubtree } from './holder';
import type { LifecycleContext, ReportState } from './state';

/** Longest reason, note or comment text accepted with an action. */
export const NOTE_MAX = 2000;

function text(fields: FieldError[], field: string, value: unknown, max: number, required = true): void {
  if (value === undefined || value === null) {
    if (required) fields.push({ field, message: 'is required' });
    return;
  }
  if (typeof value !== 'string') fields.push({ field, message: 'must be text' });
  else if (required && value.trim().length === 0) fields.push({ field, message: 'is required' });
  else if (value.length > max) fields.push({ field, message: `must be at most ${max} characters` });
}

/** Adds a field error unless the value is an institution holder with its ancestors and a known time zone. */
export function checkHolder(fields: FieldError[], field: string, value: Holder | null | undefined): void {
  const ok =
    value != null &&
    typeof value.institutionId === 'string' &&
    value.institutionId.length > 0 &&
    Array.isArray(value.ancestorIds) &&
    !value.ancestorIds.includes(value.institutionId) &&
    (TIME_ZONES as readonly string[]).includes(value.timeZone);
  if (!ok) fields.push({ field, message: 'must be an institution with its ancestors and time zone' });
}

function rating(fields: FieldError[], value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    fields.push({ field: 'rating', message: 'must be a whole number from 1 to 5' });
  }
}

function attachments(fields: FieldError[], value: unknown): void {
  if (value === undefined) return;
  const ok = Array.isArray(value) && value.every((id) => typeof id === 'string' && id.length > 0);
  if (!ok) fields.push({ field: 'attachmentIds', message: 'must be a list of attachment ids' });
  else if (value.length > REPORT_LIMITS.attachmentsMax) {
    fields.push({ field: 'attachmentIds', message: `at most ${REPORT_LIMITS.attachmentsMax} attachments` });
  }
}

function verifyTargets(
  fields: FieldError[],
  report: ReportState,
  targets: Holder[],
  ctx: LifecycleContext,
): void {
  if (!Array.isArray(targets) || targets.length === 0) {
    fields.push({ field: 'targets', message: 'name at least one institution' });
    return;
  }
  for (const [i, target] of targets.entries()) checkHolder(fields, `targets.${i}`, target);
  const ids = targets.map((t) => t?.institutionId);
  if (new Set(ids).size !== ids.length)
    fields.push({ field: 'targets', message: 'must not repeat an institution' });
  if (targets.length > 1 && ctx.newReportId === undefined) {
    fields.push({
      field: 'targets',
      message: 'several institutions need an id generator for the child reports',
    });
  }
  if (report.parentId !== null && targets.length > 1) {
    fields.push({ field: 'targets', message: 'a child report cannot be split again' });
  }
}

/** Checks an action's payload against the report; null when it is valid. */
export function validateAction(
  report: ReportState,
  action: LifecycleAction,
  actor: Actor,
  ctx: LifecycleContext,
): DomainError | null {
  const fields: FieldError[] = [];
  const bodyMax = REPORT_LIMITS.bodyMax;
  switch (action.type) {
    case 'verify':
      verifyTargets(fields, report, action.targets, ctx);
      text(fields, 'note', action.note, NOTE_MAX, false);
      // A coordinator verifies into its own subtree; sending elsewhere is a not-our-authority hop.
      if (fields.length === 0 && actor.role === 'coordinator') {
        if (!action.targets.every((t) => isWithinSubtree(t, actor.institutionId))) {
          return domainError(
            'NOT_ALLOWED',
            'A coordinator verifies only to its own institution or units',
            'target_scope',
          );
        }
      }
      break;
    case 'dispose_down':
      checkHolder(fields, 'unit', action.unit);
      if (fields.length === 0 && !action.unit.ancestorIds.includes(report.holder.institutionId ?? '')) {
        fields.push({ field: 'unit', message: 'must be a unit below the current holder' });
      }
      text(fields, 'note', action.note, NOTE_MAX, false);
      break;
    case 'not_our_authority':
      text(fields, 'reason', action.reason, NOTE_MAX);
      if (action.target != null) {
        checkHolder(fields, 'target', action.target);
        if (action.target.institutionId === report.holder.institutionId) {
          fields.push({ field: 'target', message: 'must be another institution' });
        }
      }
      break;
    case 'hold':
      text(fields, 'question', action.question, NOTE_MAX);
      break;
    case 'answer_hold':
    case 'reporter_reply':
    case 'comment_internal':
      text(fields, 'message', action.message, bodyMax);
      break;
    case 'archive':
      if (!(ARCHIVE_REASONS as readonly string[]).includes(action.reason)) {
        fields.push({ field: 'reason', message: `must be one of ${ARCHIVE_REASONS.join(', ')}` });
      } else if (action.reason === 'no_response' && report.status !== 'on_hold') {
        fields.push({ field: 'reason', message: 'no_response applies only to a report on hold' });
      }
      if (action.reason === 'duplicate') {
        text(fields, 'duplicateOfId', action.duplicateOfId, 200);
        if (action.duplicateOfId === report.id)
          fields.push({ field: 'duplicateOfId', message: 'must be another report' });
      }
      text(fields, 'note', action.note, NOTE_MAX, false);
      break;
    case 'acknowledge':
      if (!(COMPLEXITY_CLASSES as readonly string[]).includes(action.complexity)) {
        fields.push({ field: 'complexity', message: `must be one of ${COMPLEXITY_CLASSES.join(', ')}` });
      }
      text(fields, 'message', action.message, bodyMax);
      break;
    case 'draft_follow_up':
    case 'post_follow_up':
      text(fields, 'message', action.message, bodyMax);
      attachments(fields, action.attachmentIds);
      break;
    case 'return_draft':
      text(fields, 'note', action.note, NOTE_MAX);
      break;
    case 'accept':
    case 'rate':
      rating(fields, action.rating);
      text(fields, 'comment', action.comment, NOTE_MAX, false);
      break;
    case 'reopen':
      text(fields, 'reason', action.reason, NOTE_MAX);
      break;
    case 'raise_level':
      text(fields, 'reason', action.reason, NOTE_MAX);
      checkHolder(fields, 'target', action.target);
      if (fields.length === 0 && action.target.institutionId === report.holder.institutionId)
        fields.push({ field: 'target', message: 'must be another institution' });
      break;
    case 'flag':
      if (!(MODERATION_REASONS as readonly string[]).includes(action.reason))
        fields.push({ field: 'reason', message: `must be one of ${MODERATION_REASONS.join(', ')}` });
      text(fields, 'note', action.note, NOTE_MAX, false);
      break;
    case 'release_flag':
    case 'confirm_flag':
      text(fields, 'note', action.note, NOTE_MAX, false);
      break;
  }
  return fields.length > 0 ? validationError(fields) : null;
}
