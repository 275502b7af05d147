/** What the statistics are about: the nation, an institution (with or without its subtree) or a province, and when. */

export type StatsScope =
  | { kind: 'national' }
  | { kind: 'institution'; id: number; subtree: boolean }
  | { kind: 'region'; provinceCode: string };

/** Inclusive local dates `YYYY-MM-DD`, by disposition date. */
export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const dayAfter = (day: string, n = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};
const lastDay = (month: string) => dayAfter(nextMonth(month), -1);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY) + 1;

/** Inclusive day ranges. */
export type DayRange = [from: string, to: string];

/**
 * How to cover a period with the rollups: whole months `[start, end)` from a monthly table, plus and minus day
 * ranges from the daily one. A partial month at either end is read as its days, or — when the days outside the
 * period are fewer — as the whole month minus those days: the year to date is its months minus the days after
 * today, which hold nothing yet.
 */
export function coverPlan(period: Period): {
  months: { start: string; end: string } | null;
  plus: DayRange[];
  minus: DayRange[];
} {
  const plus: DayRange[] = [];
  const minus: DayRange[] = [];
  let start = monthStart(period.from);
  let end = nextMonth(monthStart(period.to));
  const edge = (month: string, inside: DayRange): boolean => {
    const outside = daysBetween(month, lastDay(month)) - daysBetween(...inside);
    if (outside === 0) return true;
    if (outside < daysBetween(...inside)) {
      if (inside[0] > month) minus.push([month, dayAfter(inside[0], -1)]);
      if (inside[1] < lastDay(month)) minus.push([dayAfter(inside[1]), lastDay(month)]);
      return true;
    }
    plus.push(inside);
    return false;
  };
  if (start === monthStart(period.to)) {
    return edge(start, [period.from, period.to])
      ? { months: { start, end }, plus, minus }
      : { months: null, plus, minus };
  }
  if (!edge(start, [period.from, lastDay(start)])) start = nextMonth(start);
  const last = monthStart(period.to);
  if (!edge(last, [last, period.to])) end = last;
  return { months: start < end ? { start, end } : null, plus, minus };
}
