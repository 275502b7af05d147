/**
 * The open aggregates (issue 15): reports counted by creation month × province × regency × topic × status —
 * confidential ones too, since they count in aggregates only (domain.md §7) — published by the small-count rule
 * (core/src/open-data/small-counts.ts): cells under 5 left out, every count and every province-month total
 * rounded to a multiple of 5 by its cell key. The totals are always whole province-months, whatever the filter,
 * so no choice of filter makes a smaller total.
 */
import {
  type FieldError,
  fail,
  type OpenCountCell,
  type OpenDataStore,
  publishCount,
  sumKeys,
} from '@pintu/core';
import type { OpenCountRow, OpenTotalRow } from './open-rows';

export interface OpenAggregates {
  cells: OpenCountRow[];
  totals: OpenTotalRow[];
}

export interface AggregateQuery {
  from?: string | undefined;
  to?: string | undefined;
  province?: string | undefined;
  regency?: string | undefined;
}

/** The most months one answer covers (the dumps hold every month). */
export const AGGREGATE_MONTHS_MAX = 12;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** The months asked for: by default the 12 up to this month (WIB); at most 12, never backwards. */
export function monthWindow(q: AggregateQuery, now: Date): { from: string; to: string } {
  const wibNow = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
  const to = q.to ?? (q.from ? monthOf(Math.min(monthIndex(q.from) + 11, monthIndex(wibNow))) : wibNow);
  const from = q.from ?? monthOf(monthIndex(to) - (AGGREGATE_MONTHS_MAX - 1));
  const errors: FieldError[] = [];
  if (from > to)
    errors.push({ field: 'to', code: 'before_from', message: 'to sebelum from. / to is before from.' });
  else if (monthIndex(to) - monthIndex(from) >= AGGREGATE_MONTHS_MAX)
    errors.push({
      field: 'to',
      code: 'span',
      message: `Paling banyak ${AGGREGATE_MONTHS_MAX} bulan; semua bulan ada di aggregates.csv. / At most ${AGGREGATE_MONTHS_MAX} months; every month is in aggregates.csv.`,
    });
  if (q.province && q.regency && !q.regency.startsWith(`${q.province}.`))
    errors.push({
      field: 'regency',
      code: 'outside_province',
      message: 'Kabupaten/kota tidak di provinsi itu. / The regency is not in that province.',
    });
  if (errors.length) fail('VALIDATION', 'Periksa parameter data terbuka. / Check the query.', errors);
  return { from, to };
}

/** Folds exact cells (ordered by month and province) into published cells and province-month totals. */
export function publishCells(exact: readonly OpenCountCell[], regencyCode?: string): OpenAggregates {
  const cells: OpenCountRow[] = [];
  const totals: OpenTotalRow[] = [];
  let group: OpenCountCell[] = [];
  const close = () => {
    const first = group[0];
    if (!first) return;
    const n = group.reduce((s, c) => s + c.exact, 0);
    totals.push({
      month: first.month,
      province_code: first.provinceCode,
      province_name: first.provinceName,
      reports: publishCount(n, sumKeys(group.map((c) => c.key))),
    });
    group = [];
  };
  for (const c of exact) {
    const first = group[0];
    if (first && (first.month !== c.month || first.provinceCode !== c.provinceCode)) close();
    group.push(c);
    const shown = publishCount(c.exact, c.key);
    if (shown === null || (regencyCode && c.regencyCode !== regencyCode)) continue;
    cells.push({
      month: c.month,
      province_code: c.provinceCode,
      province_name: c.provinceName,
      regency_code: c.regencyCode,
      regency_name: c.regencyName,
      topic_code: c.topicCode,
      topic_name: c.topicName,
      status: c.status,
      reports: shown,
    });
  }
  close();
  return { cells, totals };
}

/** The published aggregates for a month range and place; `secret` keys the rounding (never published). */
export async function openAggregates(
  deps: { openData: OpenDataStore },
  query: AggregateQuery,
  now: Date,
  secret: string,
): Promise<OpenAggregates & { from: string; to: string }> {
  const { from, to } = monthWindow(query, now);
  const provinceCode = query.province ?? query.regency?.slice(0, 2);
  const exact = await deps.openData.counts({ fromMonth: from, toMonth: to, provinceCode }, secret);
  return Object.assign({ from, to }, publishCells(exact, query.regency));
}
