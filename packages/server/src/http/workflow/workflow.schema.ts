/** Request and response schemas of the workflow routes: lifecycle actions, the timeline, identity reveals. */
import { z } from '@hono/zod-openapi';
import {
  ARCHIVE_REASONS,
  COMPLEXITY_CLASSES,
  FLAG_RULES,
  LIFECYCLE_ACTIONS,
  MODERATION_REASONS,
  MODERATION_STATUSES,
  REPORT_LIMITS,
  REPORT_STATUSES,
  ROLES,
} from '@pintu/core';
import { DueNotice, paging, text } from '../fields';

/** Longest reason, note, question or comment (the core's limit for short texts). */
export const NOTE_MAX = 2000;

const note = text(1, NOTE_MAX);
const message = text(1, REPORT_LIMITS.bodyMax);
const institutionId = z.number().int().positive();
const attachmentIds = z.array(z.uuid()).max(REPORT_LIMITS.attachmentsMax).optional();
const rating = z.number().int().min(1).max(5);
const trackingId = z.string().regex(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/i, 'Tracking ID tidak valid.');

const act = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) =>
  z.object({ action: z.literal(action), ...shape }).strict();

/**
 * One lifecycle action of domain.md §5 with its payload. Institutions are named by id and resolved by the server;
 * the scheduler's actions are listed too, so that a person trying one gets the core's answer (403), not a 422.
 */
export const ActionInput = z
  .discriminatedUnion('action', [
    act('verify', { targets: z.array(institutionId).min(1).max(20), note: note.optional() }),
    act('dispose_down', { unit: institutionId, note: note.optional() }),
    act('not_our_authority', { reason: note, target: institutionId.nullable().optional() }),
    act('hold', { question: note }),
    act('answer_hold', { message }),
    act('archive', {
      reason: z.enum(ARCHIVE_REASONS),
      note: note.optional(),
      duplicateOf: trackingId.optional().openapi({ description: 'The original report, for `duplicate`' }),
    }),
    act('auto_archive', {}),
    act('acknowledge', { complexity: z.enum(COMPLEXITY_CLASSES), message }),
    act('draft_follow_up', { message, attachmentIds }),
    act('approve_follow_up', {}),
    act('return_draft', { note }),
    act('post_follow_up', { message, attachmentIds }),
    act('reporter_reply', { message }),
    act('accept', { rating, comment: note.optional() }),
    act('auto_resolve', {}),
    act('reopen', { reason: note }),
    act('rate', { rating, comment: note.optional() }),
    act('comment_internal', { message }),
    act('escalate', {}),
    act('resolve_parent', {}),
    // A program grievance goes up to its next level's handler (issue 15); the server finds that handler.
    act('raise_level', { reason: note }),
    // Moderation (docs/abuse.md): staff of the holder flag; the national admin releases or confirms.
    act('flag', { reason: z.enum(MODERATION_REASONS), note: note.optional() }),
    act('release_flag', { note: note.optional() }),
    act('confirm_flag', { note: note.optional() }),
  ])
  .openapi('ActionInput');
export type ActionInput = z.infer<typeof ActionInput>;

const Warning = z.object({ code: z.string(), message: z.string(), similarity: z.number() });

export const ActionResult = z
  .object({
    trackingId: z.string(),
    action: z.enum(LIFECYCLE_ACTIONS),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    institution: z.object({ id: z.number(), name: z.string() }).nullable(),
    stage: z.string().nullable(),
    dueAt: z.string().nullable(),
    workingDaysLeft: z
      .number()
      .nullable()
      .openapi({ description: 'Working days to the deadline; negative when overdue' }),
    dueNotice: DueNotice,
    allowedActions: z
      .array(z.enum(LIFECYCLE_ACTIONS))
      .openapi({ description: 'What this caller may do next' }),
    warnings: z.array(Warning),
    children: z
      .array(z.object({ trackingId: z.string(), institutionId: z.number() }))
      .openapi({ description: 'Child reports created by verifying to several institutions' }),
    forwardedTo: z.string().optional().openapi({
      description:
        'Set when another Pintu instance handles the report: the action was sent there and shows here once applied',
    }),
  })
  .openapi('ActionResult');
export type ActionResult = z.infer<typeof ActionResult>;

export const TimelineEvent = z
  .object({
    seq: z.number(),
    type: z.string(),
    at: z.string(),
    fromStatus: z.enum(REPORT_STATUSES).nullable(),
    toStatus: z.enum(REPORT_STATUSES).nullable(),
    statusLabel: z.string().nullable(),
    actor: z.object({
      side: z.enum(['reporter', 'institution', 'national', 'system']),
      role: z.enum(ROLES).optional(),
      institutionId: z.number().nullable().optional(),
      userId: z.string().optional(),
    }),
    payload: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineEvent');
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Timeline = z
  .object({
    trackingId: z.string(),
    audience: z.enum(['public', 'reporter', 'staff', 'oversight']),
    events: z.array(TimelineEvent),
    institutions: z
      .record(z.string(), z.string())
      .openapi({ description: 'Names of the institutions the events refer to, by id' }),
  })
  .openapi('Timeline');
export type Timeline = z.infer<typeof Timeline>;

/** What staff in scope see of a report's handling (the staff view of GET /reports/{trackingId}). */
export const Handling = z
  .object({
    stage: z.string().nullable(),
    dueAt: z.string().nullable(),
    timeZone: z
      .string()
      .openapi({ description: "The holder's time zone (Asia/Jakarta, Asia/Makassar, Asia/Jayapura)" }),
    workingDaysLeft: z.number().nullable(),
    dueNotice: DueNotice,
    allowedActions: z.array(z.enum(LIFECYCLE_ACTIONS)),
    complexity: z.enum(COMPLEXITY_CLASSES).nullable(),
    hops: z.number(),
    followUpCount: z.number(),
    rating: z.number().nullable(),
    custody: z.array(
      z.object({
        institution: z.object({ id: z.number(), name: z.string() }).nullable(),
        workingDays: z.number(),
      }),
    ),
    draft: z
      .object({
        message: z.string(),
        attachmentIds: z.array(z.string()),
        state: z.enum(['pending', 'returned']),
        returnNote: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    parent: z.string().nullable(),
    children: z.array(z.object({ trackingId: z.string(), status: z.string() })),
    duplicateOf: z.string().nullable(),
    moderation: z
      .object({
        status: z.enum(MODERATION_STATUSES),
        reason: z.enum(MODERATION_REASONS),
        source: z.enum(['rule', 'staff']),
        rules: z.array(z.enum(FLAG_RULES)),
        flaggedAt: z.string(),
      })
      .nullable()
      .openapi({ description: 'A flag as spam or abuse and the national admin’s decision (docs/abuse.md)' }),
  })
  .openapi('Handling');
export type Handling = z.infer<typeof Handling>;

export const RevealInput = z
  .object({
    reason: text(20, NOTE_MAX).openapi({
      description: 'Why the identity is needed (at least 20 characters)',
    }),
  })
  .strict()
  .openapi('RevealInput');

export const RevealResult = z
  .object({
    trackingId: z.string(),
    revealId: z.number(),
    identity: z
      .object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() })
      .nullable(),
  })
  .openapi('RevealResult');

export const RevealLogQuery = z.object({ ...paging });

export const RevealLog = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        trackingId: z.string(),
        revealedBy: z.object({ userId: z.string(), name: z.string().nullable(), role: z.string() }),
        reason: z.string(),
        at: z.string(),
      }),
    ),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
  })
  .openapi('RevealLog');
export type RevealLog = z.infer<typeof RevealLog>;
