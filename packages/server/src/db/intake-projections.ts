/**
 * What intake's single statement writes besides the report and its first event — the stage clock with its reminder
 * instant and the outbox rows with their idempotency keys — computed per filing by the same core rules as the
 * projectors of record-transition, and passed to the statement as parameters (no rule in SQL). The report id is not
 * known before the insert: keys carry REPORT_SLOT, which the statement replaces with it.
 */
import {
  type OutboxEvent,
  type OutboxReport,
  outboxRows,
  type ReportState,
  type StageClockRow,
  stageClockRows,
  type WebhookEvent,
  webhookEventTypesOf,
  webhookPayload,
} from '@pintu/core';
import { reviveState } from './lifecycle-codec';

/** A filing's projected rows, as JSON text (the statement casts them to jsonb). */
export interface IntakeProjections {
  /** The running clock's row, or `null`. */
  stageClock: string;
  /** The outbox rows, an array. */
  outbox: string;
  /** For an app's filing, `{ appId, deliveries: [{ type, payload }] }` for that app's endpoints; else `null`. */
  webhooks: string;
}

/** Stands for the new report's id in the outbox keys until the statement knows it. */
export const REPORT_SLOT = '{report}';

/** The parameters of one filing that intake-statements.ts reads. */
export interface IntakeValues {
  trackingId: unknown;
  language: unknown;
  reporterSealed: unknown;
  reporterAccountId: unknown;
  lifecycle: unknown;
  action: unknown;
  actorId: unknown;
  actorRole: unknown;
  eventInstitutionId: unknown;
  at: unknown;
  fromStatus: unknown;
  toStatus: unknown;
  payload: unknown;
  integrationAppId?: unknown;
  externalRef?: unknown;
  institutionId?: unknown;
  isConfidential?: unknown;
  /** The channel: SMS and e-mail answer a filing themselves, so their receipt is not sent again. */
  channel?: unknown;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

const noStaff = (): never => {
  throw new Error('intake: a new report notifies no staff');
};

/** Stands for the tracking id in a cached receipt (see outboxJson). */
const TRACKING_SLOT = '{tracking}';
const PLAIN_ID = /^[A-Za-z0-9_-]+$/;
const receipts = new Map<string, string>();

/**
 * The outbox rows of a report's first event, as JSON. A filing's rows (its receipt) depend on the filing only through
 * the contact's existence, the language and the status — and on the tracking id, which they carry — so core's rule
 * runs once per such shape and the tracking id is filled in: this is intake's hot path. Anything else (an event with
 * staff-written text, an imported later state) is computed as is. test/db/intake-projections.test.ts holds the two
 * ways equal.
 */
export function outboxJson(r: OutboxReport, e: OutboxEvent): string {
  const p = e.payload;
  const receipt =
    e.action === 'submitted' &&
    e.fromStatus === null &&
    p.message === undefined &&
    p.question === undefined &&
    p.reason === undefined &&
    // A filing an intake rule flagged may have no receipt (docs/abuse.md): rare, so computed as is.
    p.flags === undefined &&
    PLAIN_ID.test(r.trackingId);
  if (!receipt) return JSON.stringify(outboxRows(r, [e], noStaff));
  const shape = `${e.seq}|${r.hasContact}|${r.language}|${e.toStatus}|${r.reportId}|${r.answeredBy ?? ''}`;
  let json = receipts.get(shape);
  if (json === undefined) {
    json = JSON.stringify(outboxRows({ ...r, trackingId: TRACKING_SLOT }, [e], noStaff));
    receipts.set(shape, json);
  }
  return json.replaceAll(TRACKING_SLOT, r.trackingId);
}

/** The stage-clock row as JSON, with each instant written once (a filing's start is also its anchor). */
function clockJson(row: StageClockRow | null): string {
  if (row === null) return 'null';
  const isos = new Map<Date, string>();
  const iso = (d: Date | null) => {
    if (d === null) return null;
    let s = isos.get(d);
    if (s === undefined) {
      s = d.toISOString();
      isos.set(d, s);
    }
    return s;
  };
  return JSON.stringify({
    ...row,
    startedAt: iso(row.startedAt),
    anchorAt: iso(row.anchorAt),
    dueAt: iso(row.dueAt),
    pausedAt: iso(row.pausedAt),
    nextAt: iso(row.nextAt),
  });
}

/**
 * The webhook deliveries of an app's filing, by core's rules: a first event reaches only the app that filed it
 * (`report.filed`), so the statement needs only that app's subscribed endpoints. test/db/intake-webhooks.test.ts
 * holds these rows equal to the projector's.
 */
function webhooksJson(v: IntakeValues, payload: Record<string, unknown>): string {
  const appId = text(v.integrationAppId);
  if (appId === null) return 'null';
  const event: WebhookEvent = {
    seq: 1,
    action: String(v.action),
    fromStatus: text(v.fromStatus),
    toStatus: String(v.toStatus),
    at: new Date(String(v.at)),
    payload,
    holderPath: null,
  };
  const report = {
    trackingId: String(v.trackingId),
    externalRef: text(v.externalRef),
    institutionId: v.institutionId === null || v.institutionId === undefined ? null : Number(v.institutionId),
    holderPath: null,
    filedByAppId: appId,
    confidential: v.isConfidential === true,
  };
  const deliveries = webhookEventTypesOf(event).map(([type, reach]) => {
    if (reach !== 'filer') throw new Error(`intake: ${type} would reach beyond the filing app`);
    return { type, payload: webhookPayload(type, report, event) };
  });
  return JSON.stringify({ appId, deliveries });
}

/**
 * The projection parameters of one filing: `stageClock` (the running clock's row, or null) and `outbox` (rows). A
 * filing has no rollup change nor activity (core rules); test/db/transition-intake-projections.test.ts fails if a
 * change of those rules would leave them unwritten here (not checked per filing: this is intake's hot path). A
 * split child's rollups are written by its caller (persist-action.ts).
 */
export function intakeProjections(
  v: IntakeValues,
  /** The live state and payload, when the caller has them: intake's hot path then parses nothing again. */
  parsed?: { state: ReportState; payload: unknown },
): IntakeProjections {
  const state =
    parsed?.state ?? reviveState(typeof v.lifecycle === 'string' ? JSON.parse(v.lifecycle) : v.lifecycle);
  const { running, paused } = stageClockRows(state);
  // A filing starts in `submitted`. Tests and imports also store a report in a later state through the same
  // statement and then record that state with saveTransition, which projects the rest (paused clocks, rollups).
  const filing = state.status === 'submitted';
  if (paused && filing) throw new Error('intake: a new report has no paused clock');
  const eventPayload = (parsed?.payload ?? JSON.parse(String(v.payload))) as Record<string, unknown>;
  const outbox = outboxJson(
    {
      reportId: REPORT_SLOT,
      trackingId: String(v.trackingId),
      language: String(v.language),
      hasContact: v.reporterSealed !== null && v.reporterSealed !== undefined,
      accountId: text(v.reporterAccountId),
      institutionId: state.holder.institutionId === null ? null : Number(state.holder.institutionId),
      path: null,
      answeredBy: v.channel === 'sms' || v.channel === 'email' ? v.channel : null,
    },
    {
      seq: 1,
      action: String(v.action),
      fromStatus: text(v.fromStatus),
      toStatus: String(v.toStatus),
      payload: eventPayload,
    },
  );
  return { stageClock: clockJson(running), outbox, webhooks: webhooksJson(v, eventPayload) };
}
