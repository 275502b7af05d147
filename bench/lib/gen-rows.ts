/**
 * The rows of one generated report as COPY text lines: the report, its hash-chained events, its stage clocks and
 * the sweep's notices, plus its staff activity. A history becomes `Parts` (everything it determines, without the
 * report's number); `assemble` adds the ids and computes the hash chain. Events, clocks and activity come from
 * `importRows` (db/legacy-import-rows.ts: the bulk writer's rows, held equal to the per-transition path's by
 * test/db/legacy-import-rows.test.ts); the columns only the sweep writes (reminded_at, breached_at of an
 * escalation, next_at) are set as the sweep leaves them.
 */
import { createHash } from 'node:crypto';
import { type ImportedReport, nextStep, type TimeZone, type WorkingDays } from '@pintu/core';
import { canonicalJson } from '../../packages/server/src/db/event-chain';
import { type ClockRow, importRows } from '../../packages/server/src/db/legacy-import-rows';
import { type History, stageKey } from './gen-history';

/** Ids per report: report n's events are n·32 + seq, its clocks n·16 + k, its notices n·32 + k. */
export const EVENT_IDS = 32;
export const CLOCK_IDS = 16;

// The report's own columns first, then those its history determines (`Parts.reportTail`).
export const REPORT_COLUMNS = `id, tracking_id, type, title, body, incident_date, region_code, address, lat, lng,
  category_id, requested_institution_id, is_anonymous, is_confidential, channel, language, reporter_account_id,
  reporter_sealed, access_code_hash, created_at, institution_id, status, due_at, lifecycle, updated_at`;
export const EVENT_COLUMNS = `id, report_id, seq, action, actor_id, actor_role, institution_id, at, from_status,
  to_status, payload, prev_hash, hash`;
export const CLOCK_COLUMNS = `id, report_id, stage, holder_institution_id, time_zone, region_code, started_at,
  working_days, anchor_at, anchor_days, due_at, paused_at, remaining_days, paused_intervals, paused_ms,
  escalation_level, reminded_at, breached_at, completed_at, next_at`;
export const NOTICE_COLUMNS = `id, stage_clock_id, report_id, tracking_id, stage, kind, level, recipient,
  recipient_institution_id, due_at, at, recorded_at, event_seq`;

type Value = string | number | boolean | Date | null | undefined;
const SPECIAL = /[\\\t\n\r]/;
/** A value in COPY's text format: \N for null, backslash escapes for the four special characters. */
export function v(x: Value): string {
  if (x === null || x === undefined) return '\\N';
  if (x instanceof Date) return x.toISOString();
  if (typeof x === 'boolean') return x ? 't' : 'f';
  const s = String(x);
  return SPECIAL.test(s)
    ? s.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r')
    : s;
}
export const cols = (xs: Value[]) => xs.map(v).join('\t');

/** What a report's history determines, as text (no report number in it). */
export interface Parts {
  status: string;
  /** institution_id … updated_at of the report row. */
  reportTail: string;
  /** Each event's columns from action to payload, and its canonical JSON (the hash input). */
  events: { mid: string; canon: string }[];
  /** Each stage clock's columns after report_id. */
  clocks: string[];
  /** Each notice's stage clock (index into `clocks`) and its columns after tracking_id. */
  notices: { clock: number; tail: string }[];
  /** `institution\tday\trole\taction` and [events, boilerplate, held days]. */
  activity: { key: string; counts: number[] }[];
}

/** The parts of a history of report `trackingId`; its hash chain checked against the server's own `eventHash`. */
export function partsOf(h: History, trackingId: string, calendar: WorkingDays, now: number): Parts {
  const imported = { trackingId, steps: h.steps, final: h.final } as unknown as ImportedReport;
  const rows = importRows(imported, calendar);
  const f = h.final;
  if (rows.events.length >= EVENT_IDS) throw new Error(`${trackingId}: ${rows.events.length} events`);
  if (rows.clocks.length >= CLOCK_IDS) throw new Error(`${trackingId}: ${rows.clocks.length} stage clocks`);
  const clockIndex = new Map(rows.clocks.map((c, k) => [stageKey(c.stage, c.startedAt), k]));
  let prev: string | null = null;
  const hashOf = (canon: string, expected: string) => {
    const hash = chainHash(prev, canon);
    if (hash !== expected) throw new Error(`${trackingId}: the canonical event differs from eventHash's`);
    prev = hash;
  };
  return {
    status: f.status,
    reportTail: cols([f.holder.institutionId, f.status, f.clock?.dueAt, JSON.stringify(f), rows.updatedAt]),
    events: rows.events.map((e) => {
      const content = [e.action, e.actorId, e.actorRole, e.institutionId, e.at, e.fromStatus, e.toStatus];
      const canon = canonicalJson({
        trackingId,
        seq: e.seq,
        action: e.action,
        actorId: e.actorId,
        actorRole: e.actorRole,
        institutionId: e.institutionId,
        at: e.at.toISOString(),
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        payload: e.payload,
      });
      hashOf(canon, e.hash);
      return { mid: cols([...content, JSON.stringify(e.payload)]), canon };
    }),
    clocks: rows.clocks.map((c) => {
      const key = stageKey(c.stage, c.startedAt);
      const reminded = h.reminded.get(key) ?? null;
      return cols([
        c.stage,
        c.holderInstitutionId,
        c.timeZone,
        c.regionCode,
        c.startedAt,
        c.workingDays,
        c.anchorAt,
        c.anchorDays,
        c.dueAt,
        c.pausedAt,
        c.remainingDays,
        JSON.stringify(c.pausedIntervals),
        c.pausedMs,
        c.escalationLevel,
        reminded,
        h.breached.get(key) ?? c.breachedAt,
        c.completedAt,
        nextAt(c, reminded, calendar),
      ]);
    }),
    notices: h.notices.map((x) => ({
      clock: clockIndex.get(x.stageKey)!,
      tail: cols([
        x.stageKey.slice(0, x.stageKey.indexOf('|')),
        x.kind,
        x.level,
        x.recipient,
        x.institutionId,
        x.dueAt,
        x.at,
        // The sweep runs every minute: recorded within the minute after the step's instant.
        new Date(Math.min(x.at.getTime() + 30_000, now)),
        x.seq,
      ]),
    })),
    activity: rows.activity.map((a) => ({
      key: `${a.institutionId}\t${a.day}\t${a.actorRole}\t${a.action}`,
      counts: [a.events, a.boilerplate, a.heldDays],
    })),
  };
}

/** Where the sweep looks next at an open, running stage (after it has done everything due by now); else null. */
function nextAt(c: ClockRow, remindedAt: Date | null, calendar: WorkingDays): Date | null {
  if (c.completedAt !== null || c.pausedAt !== null) return null;
  const step = nextStep({ ...c, timeZone: c.timeZone as TimeZone, remindedAt }, calendar);
  return step?.at ?? null;
}

/** event-chain.ts `eventHash` over an event's canonical JSON. */
const chainHash = (prev: string | null, canon: string) =>
  createHash('sha256')
    .update(prev ?? '')
    .update('\n')
    .update(canon)
    .digest('hex');

export interface Lines {
  reports: string[];
  events: string[];
  clocks: string[];
  notices: string[];
}

/** Appends report n's lines: `head` is its own columns (id … created_at), `parts` what its history made. */
export function assemble(out: Lines, n: number, trackingId: string, head: string, parts: Parts): void {
  out.reports.push(`${head}\t${parts.reportTail}\n`);
  let prev: string | null = null;
  parts.events.forEach((e, i) => {
    const seq = i + 1;
    const hash = chainHash(prev, e.canon);
    out.events.push(`${n * EVENT_IDS + seq}\t${n}\t${seq}\t${e.mid}\t${prev ?? '\\N'}\t${hash}\n`);
    prev = hash;
  });
  parts.clocks.forEach((c, k) => {
    out.clocks.push(`${n * CLOCK_IDS + k}\t${n}\t${c}\n`);
  });
  parts.notices.forEach((x, k) => {
    out.notices.push(`${n * EVENT_IDS + k}\t${n * CLOCK_IDS + x.clock}\t${n}\t${trackingId}\t${x.tail}\n`);
  });
}
