/** The period of a statistics request: checked `from`/`to` dates, by default the current year to date (WIB). */
import { failField } from '../errors';
import type { Period } from './scope';

/** Today's local date in WIB (the national reference zone). */
export function statsTodayOf(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function isRealDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/**
 * The period: default the current year to date; `from`/`to` inclusive, checked (a bad one fails naming
 * `query.from` or `query.to`). A `from` after today alone reads that one day.
 */
export function statsPeriodOf(p: { from?: string | undefined; to?: string | undefined }, now: Date): Period {
  const today = statsTodayOf(now);
  for (const field of ['from', 'to'] as const) {
    const v = p[field];
    if (v !== undefined && !isRealDate(v))
      failField(`query.${field}`, 'invalid_date', 'Tanggal harus berformat YYYY-MM-DD dan ada di kalender.');
  }
  const to = p.to ?? (p.from && p.from > today ? p.from : today);
  const from = p.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) failField('query.from', 'after_to', 'Tanggal awal tidak boleh setelah tanggal akhir.');
  return { from, to };
}

/** The first day of the recent backlog's age buckets (30 days before today), never before the period. */
export function recentBacklogFrom(period: Period, today: string): string {
  const recentFrom = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  return [recentFrom, period.from].sort()[1] ?? period.from;
}
