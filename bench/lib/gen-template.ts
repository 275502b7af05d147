/**
 * Shared histories, exact. A class of reports (gen-plan.ts `recipe`: one day, holder shape and slot) differs from
 * report to report only in ids (tracking id, institution, unit, region) and in a shift `delta` of every action's
 * instant within the day's window. Within that window the local date is the same in every Indonesian zone and no
 * zone has midnight, so everything the core derives from dates (deadlines, working days, the sweep's instants)
 * stays put, and everything derived from an action's instant moves with it. The class's history is computed by the
 * core twice, with stand-in ids, at shift 0 and at the largest shift; every timestamp of the output either stays
 * (date-derived) or moves by exactly that shift (instant-derived), else the class is not shared (each report is
 * then computed on its own). A report fills the stand-ins with its ids and the moving timestamps with its shift.
 * The worker also computes one report in VERIFY_EVERY on its own and requires the same bytes.
 */
import type { Holder, WorkingDays } from '@pintu/core';
import { buildHistory } from './gen-history';
import { MAX_DELTA, type Plan, type Planner, type Recipe, type Shape } from './gen-plan';
import { type Parts, partsOf } from './gen-rows';

/** Stand-ins: a tracking id, the holder, its unit, the holder's region. */
const STAND_IN = { tracking: 'LPR-ZZZZ-ZZZZ-ZZZZ', target: '990000001', unit: '990000002', region: '98.97' };
const STAND_INS = /LPR-ZZZZ-ZZZZ-ZZZZ|990000001|990000002|98\.97/g;
const CODE: Record<string, number> = {
  [STAND_IN.tracking]: 0,
  [STAND_IN.target]: 1,
  [STAND_IN.unit]: 2,
  [STAND_IN.region]: 3,
};
const TOKENS = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z|\d+)/;
const SHIFT = MAX_DELTA - 60_000;

/**
 * Text with holes: a string is literal, a number a stand-in (0–3) or a moving timestamp (100 + index), an object a
 * number that moves with the shift.
 */
type Segs = (string | number | { n: number; sign: 1 | -1 })[];

export interface Template {
  status: string;
  /** The moving timestamps at shift 0, in ms. */
  moving: number[];
  reportTail: Segs;
  events: { mid: Segs; canon: Segs }[];
  clocks: Segs[];
  notices: { clock: number; tail: Segs }[];
  activity: { key: Segs; counts: number[] }[];
  refused: string | null;
}

export interface Fill {
  tracking: string;
  target: string;
  unit: string;
  region: string;
  delta: number;
}

const standIns = (shape: Shape): { target: Holder; unit: Holder | null } => {
  const target: Holder = {
    institutionId: STAND_IN.target,
    ancestorIds: [],
    timeZone: shape.tz,
    regionCode: shape.regional ? STAND_IN.region : null,
  };
  const unit = shape.unit
    ? { ...target, institutionId: STAND_IN.unit, ancestorIds: [STAND_IN.target] }
    : null;
  return { target, unit };
};

/** The parts of a report computed on its own: its history through the core with its own ids and instants. */
export function exactParts(
  p: Planner,
  plan: Plan,
  r: Recipe,
  holders: { target: Holder; unit: Holder | null },
  o: { calendar: WorkingDays; now: number },
) {
  const h = buildHistory(
    {
      id: plan.trackingId,
      type: r.type,
      requested: r.requested ? holders.target : null,
      at: r.filedAt + plan.delta,
      channel: r.channel,
    },
    p.script(r, holders.target, holders.unit, plan.delta),
    o.now,
    o.calendar,
  );
  return { parts: partsOf(h, plan.trackingId, o.calendar, o.now), refused: h.refused };
}

/** The class's template, or null when its output does not split into staying and moving timestamps. */
export function makeTemplate(
  p: Planner,
  r: Recipe,
  shape: Shape,
  o: { calendar: WorkingDays; now: number },
): Template | null {
  const holders = standIns(shape);
  const at = (delta: number) =>
    exactParts(p, { trackingId: STAND_IN.tracking, delta } as Plan, r, holders, o);
  const a = at(0);
  const b = at(SHIFT);
  const moving: number[] = [];
  const index = new Map<number, number>();
  // Splits both outputs into text, timestamps and whole numbers: text must agree; a timestamp stays or moves by the
  // shift; a number stays or moves by ± the shift in ms (paused_ms: from a moving hold to a fixed resume).
  const pair = (x: string, y: string): Segs | null => {
    const xs = x.split(TOKENS);
    const ys = y.split(TOKENS);
    if (xs.length !== ys.length) return null;
    const out: Segs = [];
    let text = '';
    const flush = () => {
      let last = 0;
      for (const m of text.matchAll(STAND_INS)) {
        out.push(text.slice(last, m.index), CODE[m[0]]!);
        last = m.index + m[0].length;
      }
      out.push(text.slice(last));
      text = '';
    };
    for (let i = 0; i < xs.length; i++) {
      const xi = xs[i]!;
      const yi = ys[i]!;
      if (xi === yi) {
        text += xi;
        continue;
      }
      if (i % 2 === 0) return null;
      if (xi.includes('T')) {
        const t0 = Date.parse(xi);
        if (Date.parse(yi) - t0 !== SHIFT) return null;
        let k = index.get(t0);
        if (k === undefined) {
          k = moving.push(t0) - 1;
          index.set(t0, k);
        }
        flush();
        out.push(100 + k);
      } else {
        const d = Number(yi) - Number(xi);
        if (d !== SHIFT && d !== -SHIFT) return null;
        flush();
        out.push({ n: Number(xi), sign: d > 0 ? 1 : -1 });
      }
    }
    flush();
    return out.filter((seg) => seg !== '');
  };
  const A = a.parts;
  const B = b.parts;
  if (
    A.status !== B.status ||
    A.events.length !== B.events.length ||
    A.clocks.length !== B.clocks.length ||
    A.notices.length !== B.notices.length ||
    A.activity.length !== B.activity.length
  )
    return null;
  const all = <T>(xs: (T | null)[]): T[] | null => (xs.some((x) => x === null) ? null : (xs as T[]));
  const reportTail = pair(A.reportTail, B.reportTail);
  const events = all(
    A.events.map((e, i) => {
      const mid = pair(e.mid, B.events[i]!.mid);
      const canon = pair(e.canon, B.events[i]!.canon);
      return mid && canon ? { mid, canon } : null;
    }),
  );
  const clocks = all(A.clocks.map((c, i) => pair(c, B.clocks[i]!)));
  const notices = all(
    A.notices.map((x, i) => {
      const tail = x.clock === B.notices[i]!.clock ? pair(x.tail, B.notices[i]!.tail) : null;
      return tail && { clock: x.clock, tail };
    }),
  );
  const activity = all(
    A.activity.map((x, i) => {
      const same = x.counts.join() === B.activity[i]!.counts.join();
      const key = same ? pair(x.key, B.activity[i]!.key) : null;
      return key && { key, counts: x.counts };
    }),
  );
  if (!reportTail || !events || !clocks || !notices || !activity) return null;
  return { status: A.status, moving, reportTail, events, clocks, notices, activity, refused: a.refused };
}

/** A report's parts from its class's template. */
export function fillTemplate(t: Template, f: Fill): Parts {
  const times = t.moving.map((ms) => new Date(ms + f.delta).toISOString());
  const values = [f.tracking, f.target, f.unit, f.region];
  const fill = (segs: Segs) => {
    let s = '';
    for (const x of segs)
      s +=
        typeof x === 'string'
          ? x
          : typeof x === 'object'
            ? String(x.n + x.sign * f.delta)
            : x >= 100
              ? times[x - 100]
              : values[x];
    return s;
  };
  return {
    status: t.status,
    reportTail: fill(t.reportTail),
    events: t.events.map((e) => ({ mid: fill(e.mid), canon: fill(e.canon) })),
    clocks: t.clocks.map(fill),
    notices: t.notices.map((x) => ({ clock: x.clock, tail: fill(x.tail) })),
    activity: t.activity.map((a) => ({ key: fill(a.key), counts: a.counts })),
  };
}
