/**
 * A generator worker thread: builds the rows of the report numbers it is sent — plan, then the class's shared
 * history (gen-template.ts) or the report's own, then COPY lines — and posts them back as buffers; at the end, its
 * staff activity sums. One templated report in VERIFY_EVERY is also computed on its own and must come out the same.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { createCalendar } from '@pintu/core';
import { hashAccessCode } from '../../packages/server/src/security/ids';
import { createSealer } from '../../packages/server/src/security/seal';
import { BENCH_ACCESS_CODE, holderOf, type Plan, planner, type Recipe } from './gen-plan';
import { prng } from './gen-random';
import type { GenReference } from './gen-reference';
import { assemble, cols, type Lines, type Parts } from './gen-rows';
import { exactParts, fillTemplate, makeTemplate, type Template } from './gen-template';
import { reporterIdentity } from './gen-text';

export interface WorkerSetup {
  ref: GenReference;
  total: number;
  now: number;
  spanDays: number;
  seed: number;
  /** The data key (base64) the reporters' identities are sealed with. */
  dataKey: string;
  /** Share no histories: every report through the core on its own (slow; for checking). */
  exact?: boolean;
}

/** A chunk's rows, one COPY text per table, and what became of its reports. */
export interface ChunkRows {
  type: 'rows';
  from: number;
  to: number;
  reports: Uint8Array;
  events: Uint8Array;
  clocks: Uint8Array;
  notices: Uint8Array;
  /** The chunk's staff activity, summed per key (the load sums the chunks in SQL). */
  activity: Uint8Array;
  counts: { events: number; clocks: number; notices: number };
  statuses: Record<string, number>;
  refused: string[];
  stats: { templates: number; unshared: number; verified: number; mismatches: string[] };
}

const VERIFY_EVERY = 397;
const setup = workerData as WorkerSetup;
const calendar = createCalendar(setup.ref.holidays);
const sealer = createSealer(Buffer.from(setup.dataKey, 'base64'));
const p = planner(setup.ref, setup);
const o = { calendar, now: setup.now };
// Regional holidays would make a holder's region part of its history: then nothing is shared.
const shareable = !setup.exact && !setup.ref.holidays.some((h) => h.kind === 'regional');
const templates = new Map<string, Template | null>();
const benchHash = hashAccessCode(BENCH_ACCESS_CODE);
const port = parentPort!;
const encoder = new TextEncoder();
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
/**
 * The text as UTF-8 in an ArrayBuffer of its own (never Buffer's shared pool), so it can be transferred, not copied.
 * The generated text is ASCII: then a byte copy (latin1) is the same bytes and several times faster.
 */
function encode(text: string): Uint8Array {
  if (NON_ASCII.test(text)) return encoder.encode(text);
  const b = Buffer.from(text, 'latin1');
  return b.byteOffset === 0 && b.buffer.byteLength === b.length ? b : new Uint8Array(b);
}

function head(plan: Plan, r: Recipe): string {
  const rnd = prng(plan.n ^ 0x5bd1e995);
  const identity = plan.identified ? reporterIdentity(rnd, plan.n) : null;
  return cols([
    plan.n,
    plan.trackingId,
    r.type,
    plan.text.title,
    plan.text.body,
    plan.incidentDate,
    plan.regionCode,
    plan.text.address,
    plan.point?.[0],
    plan.point?.[1],
    plan.categoryId,
    r.requested ? plan.target.id : null,
    plan.anonymous,
    plan.confidential,
    r.channel,
    plan.language,
    null,
    identity && sealer.seal(identity),
    plan.benchCode ? benchHash : createHash('sha256').update(`bench:${setup.seed}:${plan.n}`).digest('hex'),
    new Date(r.filedAt + plan.delta),
  ]);
}

const text = (parts: Parts, n: number, id: string) => {
  const l: Lines = { reports: [], events: [], clocks: [], notices: [] };
  assemble(l, n, id, '', parts);
  return JSON.stringify([l, parts.activity]);
};

port.on('message', (msg: { type: 'chunk'; from: number; to: number } | { type: 'finish' }) => {
  if (msg.type === 'finish') {
    port.postMessage({ type: 'finished' });
    return;
  }
  const activity = new Map<string, number[]>();
  const out: Lines = { reports: [], events: [], clocks: [], notices: [] };
  const statuses: Record<string, number> = {};
  const refused: string[] = [];
  const stats: ChunkRows['stats'] = { templates: 0, unshared: 0, verified: 0, mismatches: [] };
  for (let n = msg.from; n < msg.to; n++) {
    const plan = p.plan(n);
    const r = p.recipe(plan.day, plan.shape, plan.slot);
    let t: Template | null = null;
    if (shareable) {
      t = templates.get(r.key) ?? null;
      if (!templates.has(r.key)) {
        if (templates.size > 5_000) templates.clear();
        t = makeTemplate(p, r, plan.shape, o);
        templates.set(r.key, t);
        stats.templates++;
        if (t?.refused && refused.length < 3) refused.push(`${r.key} (${r.path}): ${t.refused}`);
      }
    }
    const holders = { target: holderOf(plan.target), unit: plan.unit && holderOf(plan.unit) };
    let parts: Parts;
    if (t) {
      parts = fillTemplate(t, {
        tracking: plan.trackingId,
        target: String(plan.target.id),
        unit: plan.unit ? String(plan.unit.id) : '',
        region: plan.target.regionCode ?? '',
        delta: plan.delta,
      });
      if (n % VERIFY_EVERY === 0) {
        stats.verified++;
        const exact = exactParts(p, plan, r, holders, o).parts;
        if (
          text(exact, n, plan.trackingId) !== text(parts, n, plan.trackingId) &&
          stats.mismatches.length < 3
        )
          stats.mismatches.push(`${plan.trackingId} (class ${r.key}, ${r.path})`);
      }
    } else {
      const exact = exactParts(p, plan, r, holders, o);
      parts = exact.parts;
      stats.unshared++;
      if (exact.refused && refused.length < 3)
        refused.push(`${plan.trackingId} (${r.path}): ${exact.refused}`);
    }
    assemble(out, n, plan.trackingId, head(plan, r), parts);
    for (const a of parts.activity) {
      const sum = activity.get(a.key);
      if (sum) for (let i = 0; i < 3; i++) sum[i]! += a.counts[i]!;
      else activity.set(a.key, [...a.counts]);
    }
    statuses[parts.status] = (statuses[parts.status] ?? 0) + 1;
  }
  const act: string[] = [];
  for (const [key, [events, boilerplate, held]] of activity)
    act.push(`${key}\t${events}\t${boilerplate}\t${held}\n`);
  const buf = (xs: string[]) => encode(xs.join(''));
  const rows: ChunkRows = {
    type: 'rows',
    from: msg.from,
    to: msg.to,
    reports: buf(out.reports),
    events: buf(out.events),
    clocks: buf(out.clocks),
    notices: buf(out.notices),
    activity: buf(act),
    counts: { events: out.events.length, clocks: out.clocks.length, notices: out.notices.length },
    statuses,
    refused,
    stats,
  };
  port.postMessage(
    rows,
    [rows.reports, rows.events, rows.clocks, rows.notices, rows.activity].map((b) => b.buffer) as never,
  );
});
