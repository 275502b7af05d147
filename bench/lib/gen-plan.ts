/**
 * What happens to generated report number n. Two levels, so that histories can be shared (gen-template.ts):
 *
 * - a report (`plan`): its filing day, its holder (institution, maybe a unit under it), its text, place and flags,
 *   a class slot and a shift `delta` within the day;
 * - a class (`recipe`, gen-recipe.ts, one per day × holder shape × slot): the path through the lifecycle, type,
 *   channel, complexity, rating and the instants of every action.
 *
 * Deterministic in (seed, n).
 */
import type { Holder, TimeZone } from '@pintu/core';
import { mix, pick, prng, type Rnd, trackingIdOf, weighted } from './gen-random';
import {
  DAY,
  HOUR,
  MAX_DELTA,
  makeRecipe,
  type Recipe,
  type Shape,
  SLOTS,
  script,
  shapeKey,
} from './gen-recipe';
import type { GenInstitution, GenReference } from './gen-reference';
import { type ReportText, reportText } from './gen-text';

export { MAX_DELTA, type Recipe, type Shape, staffId } from './gen-recipe';

export interface Plan {
  n: number;
  trackingId: string;
  day: number;
  shape: Shape;
  slot: number;
  delta: number;
  target: GenInstitution;
  unit: GenInstitution | null;
  text: ReportText;
  incidentDate: string;
  regionCode: string;
  point: [number, number] | null;
  categoryId: number;
  anonymous: boolean;
  confidential: boolean;
  language: 'id' | 'en';
  identified: boolean;
  /** Whether its access code is the bench's known one (`BENCH_ACCESS_CODE`). */
  benchCode: boolean;
}

/** The access code one report in ten carries (numbers divisible by 10), so the reporter's view can be measured. */
export const BENCH_ACCESS_CODE = 'BNCH-2026-KDAK-SES0';

const POINTS: [number, number][] = [
  [-6.2088, 106.8456],
  [-7.2575, 112.7521],
  [-0.5022, 117.1536],
  [-5.1477, 119.4327],
  [3.5952, 98.6722],
  [-2.5337, 140.7181],
  [-8.6705, 115.2126],
];

export function holderOf(i: GenInstitution): Holder {
  return {
    institutionId: String(i.id),
    ancestorIds: i.path.slice(0, -1).map(String),
    timeZone: i.timeZone as TimeZone,
    regionCode: i.regionCode,
  };
}

/** Reports are filed evenly over the days: report n (1-based) falls on day index ⌊(n − 1)·days / total⌋. */
export const dayIndexOf = (n: number, total: number, days: number) => Math.floor(((n - 1) * days) / total);

/**
 * Chunks of report numbers [from, to) made of whole days, each at least `min` reports: a day's classes are then
 * computed by one worker only.
 */
export function dayChunks(total: number, days: number, min: number): { from: number; to: number }[] {
  const chunks: { from: number; to: number }[] = [];
  let from = 1;
  for (let d = 1; d <= days; d++) {
    // The first report of day d, or past the end.
    const next = d === days ? total + 1 : Math.floor((d * total + days - 1) / days) + 1;
    if (next - from >= min || d === days) {
      if (next > from) chunks.push({ from, to: next });
      from = next;
    }
  }
  return chunks;
}

export type Planner = ReturnType<typeof planner>;

export function planner(
  ref: GenReference,
  o: { total: number; now: number; spanDays: number; seed: number },
) {
  const byId = new Map(ref.institutions.map((i) => [i.id, i]));
  const w = (i: GenInstitution) => 0.2 + (mix(i.id, o.seed) % 1000) / 250;
  const of = (kinds: string[]) =>
    ref.institutions.filter((i) => kinds.includes(i.kind) && i.id !== ref.bigId);
  const group = (items: GenInstitution[]) => weighted(items.map((item) => ({ item, weight: w(item) })));
  const big = byId.get(ref.bigId)!;
  const pickTarget = weighted<(rnd: Rnd) => GenInstitution>([
    { item: () => big, weight: 3.5 },
    { item: group(of(['regency_government'])), weight: 51.5 },
    { item: group(of(['provincial_government'])), weight: 15 },
    { item: group(of(['ministry', 'agency', 'soe', 'other'])), weight: 30 },
  ]);
  const pickCategory = weighted(
    ref.categoryIds.map((item) => ({ item, weight: 0.2 + (mix(item, 77) % 1000) / 250 })),
  );
  // The last whole bench day before now: every filing lies before `now`.
  const lastDay = Math.floor((o.now + 7 * HOUR) / DAY) - 1;
  const firstDay = lastDay - o.spanDays + 1;

  const regenciesOf = new Map<string, string[]>();
  for (const c of ref.regencyCodes)
    regenciesOf.set(c.slice(0, 2), [...(regenciesOf.get(c.slice(0, 2)) ?? []), c]);
  const regionOf = (rnd: Rnd, t: GenInstitution): string => {
    let regency = t.regionCode && t.regionCode.length === 5 ? t.regionCode : null;
    if (!regency && t.regionCode) {
      const inProvince = regenciesOf.get(t.regionCode) ?? [];
      regency = inProvince.length ? pick(rnd, inProvince) : null;
    }
    regency ??= pick(rnd, ref.regencyCodes);
    const districts = ref.districtsOf[regency];
    return districts?.length && rnd() < 0.8 ? pick(rnd, districts) : regency;
  };

  function plan(n: number): Plan {
    const rnd = prng(mix(n, o.seed));
    const day = firstDay + dayIndexOf(n, o.total, o.spanDays);
    const target = pickTarget(rnd)(rnd);
    const units = target.kind === 'regency_government' ? (ref.unitsOf[target.id] ?? []) : [];
    const unit =
      units.length && rnd() < (target.id === ref.bigId ? 0.6 : 0.45) ? byId.get(pick(rnd, units))! : null;
    const shape = {
      tz: target.timeZone as TimeZone,
      regional: target.regionCode !== null,
      unit: unit !== null,
    };
    const slot = Math.floor(rnd() * SLOTS);
    const delta = Math.floor(rnd() * MAX_DELTA);
    const anonymous = rnd() < 0.3;
    const filedAt = recipe(day, shape, slot).filedAt + delta;
    return {
      n,
      trackingId: trackingIdOf(n, o.seed),
      day,
      shape,
      slot,
      delta,
      target,
      unit,
      text: reportText(rnd, n),
      incidentDate: new Date(filedAt + 7 * HOUR - Math.floor(rnd() * 30) * DAY).toISOString().slice(0, 10),
      regionCode: regionOf(rnd, target),
      point: rnd() < 0.3 ? (pick(rnd, POINTS).map((x) => x + rnd() * 0.05) as [number, number]) : null,
      categoryId: pickCategory(rnd),
      anonymous,
      confidential: rnd() < 0.14,
      language: rnd() < 0.92 ? 'id' : 'en',
      identified: !anonymous || rnd() < 0.3,
      benchCode: n % 10 === 0,
    };
  }

  const recipes = new Map<string, Recipe>();
  /** The class's recipe (cached). */
  function recipe(day: number, shape: Shape, slot: number): Recipe {
    const key = `${day}|${shapeKey(shape)}|${slot}`;
    let r = recipes.get(key);
    if (!r) {
      if (recipes.size > 20_000) recipes.clear();
      r = makeRecipe(key, day, shape, { seed: o.seed, now: o.now, lastDay });
      recipes.set(key, r);
    }
    return r;
  }

  return { plan, recipe, script, byId };
}
