/** Turns the query parameters of a statistics request into a checked scope and period (bad ones name the field). */
import type { Period, StatsScope } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { fieldError } from '../../http/problem';

export interface ScopeParams {
  institutionId?: number | undefined;
  subtree?: boolean | undefined;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface ResolvedScope {
  scope: StatsScope;
  describe: { kind: StatsScope['kind']; id: string | null; name: string };
}

/** Today's local date in WIB (the national reference zone). */
export function todayOf(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function isRealDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}

/** The period: default the current year to date; `from`/`to` inclusive, checked. */
export function resolvePeriod(p: Pick<ScopeParams, 'from' | 'to'>, now: Date): Period {
  const today = todayOf(now);
  for (const field of ['from', 'to'] as const) {
    const v = p[field];
    if (v !== undefined && !isRealDate(v))
      throw fieldError(
        `query.${field}`,
        'invalid_date',
        'Tanggal harus berformat YYYY-MM-DD dan ada di kalender.',
      );
  }
  const to = p.to ?? (p.from && p.from > today ? p.from : today);
  const from = p.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to)
    throw fieldError('query.from', 'after_to', 'Tanggal awal tidak boleh setelah tanggal akhir.');
  return { from, to };
}

/** The scope: an institution (must exist), a province (2-digit code, must exist), or the nation. */
export async function resolveScope(
  db: Db,
  p: ScopeParams,
  institutionField = 'query.institutionId',
): Promise<ResolvedScope> {
  if (p.institutionId !== undefined && p.regionCode !== undefined)
    throw fieldError('query.regionCode', 'conflict', 'Pilih instansi atau wilayah, tidak keduanya.');
  if (p.institutionId !== undefined) {
    const res = await db.execute(sql`select id, name from institutions where id = ${p.institutionId}`);
    const row = res.rows[0] as { id: number; name: string } | undefined;
    if (!row) throw fieldError(institutionField, 'unknown', 'Instansi tidak ditemukan.');
    const subtree = p.subtree ?? true;
    return {
      scope: { kind: 'institution', id: row.id, subtree },
      describe: { kind: 'institution', id: String(row.id), name: row.name },
    };
  }
  if (p.regionCode !== undefined) {
    const res = await db.execute(
      sql`select code, name from regions where code = ${p.regionCode} and level = 1`,
    );
    const row = res.rows[0] as { code: string; name: string } | undefined;
    if (!row) throw fieldError('query.regionCode', 'unknown', 'Kode provinsi (2 digit) tidak ditemukan.');
    return {
      scope: { kind: 'region', provinceCode: row.code },
      describe: { kind: 'region', id: row.code, name: row.name },
    };
  }
  return { scope: { kind: 'national' }, describe: { kind: 'national', id: null, name: 'Nasional' } };
}
