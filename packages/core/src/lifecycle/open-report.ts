/** Intake: a new report enters the lifecycle as `submitted`, in the requested institution's queue or the national one. */
import { type FlagRule, ruleFlag } from '../abuse/moderation';
import { domainError, type FieldError, validationError } from '../errors';
import { can } from '../policy/policy';
import type { Actor } from '../policy/roles';
import type { ProgramLevel } from '../programs/program';
import { REPORT_TYPES, type ReportType } from '../report/report';
import { firstCustody, startClock } from './clock';
import { makeEvent } from './effect';
import { copyHolder, type Holder, NATIONAL_QUEUE } from './holder';
import { DEFAULT_SLA, type SlaTable } from './sla';
import type { ActionResult, Json, ReportState } from './state';
import { checkHolder } from './validate';
import type { WorkingDays } from './working-days';

/** What intake needs to open a report's lifecycle. */
export interface NewReport {
  id: string;
  type: ReportType;
  /** The reporter's account id, or the guest reporter id issued with the access code. */
  reporterId: string;
  /** The institution the reporter chose, resolved to a holder; null or absent for the national queue. */
  requested?: Holder | null;
  /**
   * A program's grievance (issue 15): `requested` is then the lowest level's handler, and the report opens there
   * already dispositioned — the program's configuration decided the handler, so there is nothing to verify.
   */
  program?: {
    id: string;
    levels: { level: ProgramLevel; deadlineDays: number }[];
    countsInEvaluation: boolean;
  } | null;
  /** The intake rules that flagged the filing (docs/abuse.md): it opens held for the national admin's moderation. */
  flags?: readonly FlagRule[] | undefined;
}

/**
 * Opens a report at `now`: `submitted`, held by the requested institution or the national queue, with a verify
 * deadline of 3 working days in the holder's time zone, and a `submitted` event; a program's grievance opens
 * `dispositioned` at its lowest level's handler with the acknowledge deadline and its level's own deadline. Citizens and guests file for
 * themselves, a facilitator for someone else (it is recorded as the filer), the system for channels and imports.
 */
export function openReport(
  input: NewReport,
  actor: Actor,
  now: Date,
  ctx: { calendar: WorkingDays; sla?: SlaTable },
): ActionResult {
  if (!can(actor, 'submit')) {
    return { ok: false, error: domainError('NOT_ALLOWED', `A ${actor.role} may not file a report`) };
  }
  const fields: FieldError[] = [];
  if (typeof input.id !== 'string' || input.id.length === 0)
    fields.push({ field: 'id', message: 'is required' });
  if (!(REPORT_TYPES as readonly string[]).includes(input.type)) {
    fields.push({ field: 'type', message: `must be one of ${REPORT_TYPES.join(', ')}` });
  }
  if (typeof input.reporterId !== 'string' || input.reporterId.length === 0) {
    fields.push({ field: 'reporterId', message: 'is required' });
  }
  const requested = input.requested ?? null;
  if (requested !== null) checkHolder(fields, 'requested', requested);
  const program = input.program ?? null;
  if (program !== null && (requested === null || program.levels.length === 0))
    fields.push({ field: 'program', message: 'needs its lowest level and that level’s handler' });
  if (fields.length > 0) return { ok: false, error: validationError(fields) };
  if ((actor.role === 'citizen' || actor.role === 'guest') && input.reporterId !== actor.id) {
    return {
      ok: false,
      error: domainError('NOT_ALLOWED', 'A reporter files only in their own name', 'not_self'),
    };
  }

  const holder = copyHolder(requested ?? NATIONAL_QUEUE);
  const sla = ctx.sla ?? DEFAULT_SLA;
  const status = program ? 'dispositioned' : 'submitted';
  const report: ReportState = {
    id: input.id,
    type: input.type,
    status,
    holder,
    reporterId: input.reporterId,
    facilitatorId: actor.role === 'facilitator' ? actor.id : null,
    parentId: null,
    childIds: [],
    submittedAt: now,
    dispositionedAt: program ? now : null,
    acknowledgedAt: null,
    complexity: null,
    firstFollowUpAt: null,
    lastFollowUpAt: null,
    followUpCount: 0,
    resolvedAt: null,
    archivedAt: null,
    archiveReason: null,
    duplicateOfId: null,
    clock: program
      ? startClock('acknowledge', sla.acknowledge, now, holder, ctx.calendar)
      : startClock('verify', sla.verify, now, holder, ctx.calendar),
    pausedClock: null,
    previousStatus: null,
    hops: 0,
    custody: firstCustody(holder, now),
    draft: null,
    reopenUntil: null,
    ratingUntil: null,
    rating: null,
    reopenCount: 0,
  };
  const payload: Record<string, Json> = {
    requestedInstitutionId: holder.institutionId,
    facilitatorId: report.facilitatorId,
    dueAt: report.clock!.dueAt.toISOString(),
  };
  if (program) {
    const lowest = program.levels[0]!;
    report.program = {
      id: program.id,
      level: lowest.level,
      levelDueAt: ctx.calendar.addWorkingDays(now, lowest.deadlineDays, holder.timeZone, holder.regionCode),
      levels: program.levels.map((l) => ({ level: l.level, deadlineDays: l.deadlineDays })),
      countsInEvaluation: program.countsInEvaluation,
    };
    payload.programId = program.id;
    payload.level = lowest.level;
    payload.levelDueAt = report.program.levelDueAt.toISOString();
  }
  if (input.flags?.length) {
    report.moderation = ruleFlag(input.flags, now);
    payload.flags = [...input.flags];
  }
  const event = makeEvent(report, 'submitted', actor, now, null, status, payload);
  return { ok: true, report, events: [event], created: [], warnings: [] };
}
