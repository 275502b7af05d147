/** Typed readers of the statistics queries' columns: each row is mapped column by column, never cast. */
import {
  type KeyedTotals,
  type NodeTotals,
  type RollupTotals,
  TIME_ZONES,
  type TimeZone,
  TOTAL_KEYS,
  zeroTotals,
} from '@pintu/core';

export type Row = Record<string, unknown>;

export const num = (v: unknown): number => Number(v ?? 0);
export const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
export const bool = (v: unknown): boolean => v === true || v === 't' || v === 'true';
/** A timestamptz column: a Date from node-postgres, a Date or ISO text from PGlite. */
export const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
/** A time-zone column (checked by the database against the same list). */
export function timeZone(v: unknown): TimeZone {
  const zone = TIME_ZONES.find((z) => z === v);
  if (zone === undefined) throw new Error(`unknown time zone ${String(v)}`);
  return zone;
}
/** An int[] column. */
export const ints = (v: unknown): number[] => (Array.isArray(v) ? v.map(num) : []);

/** The counters of a row whose sums are aliased by `RollupTotals` key. */
export function totalsOfRow(row: Row): RollupTotals {
  const t = zeroTotals();
  for (const k of TOTAL_KEYS) t[k] = num(row[k]);
  return t;
}

export const keyedTotalsOfRow = (row: Row): KeyedTotals => ({ key: strOrNull(row.key), ...totalsOfRow(row) });

export const nodeTotalsOfRow = (row: Row): NodeTotals => ({
  nodeId: num(row.nodeId),
  name: str(row.name),
  kind: str(row.kind),
  ...totalsOfRow(row),
});
