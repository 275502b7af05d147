/** Turns the query parameters of a statistics request into a checked scope and period (bad ones name the field). */
import { failField, type Period, type StatsScope, statsPeriodOf, statsTodayOf } from '@pintu/core';
import type { AppDeps } from '../deps';

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
export const todayOf = statsTodayOf;

/** The period: default the current year to date; `from`/`to` inclusive, checked (core `statsPeriodOf`). */
export function resolvePeriod(p: Pick<ScopeParams, 'from' | 'to'>, now: Date): Period {
  return statsPeriodOf(p, now);
}

/** The scope: an institution (must exist), a province (2-digit code, must exist), or the nation. */
export async function resolveScope(
  deps: Pick<AppDeps, 'statsReader'>,
  p: ScopeParams,
  institutionField = 'query.institutionId',
): Promise<ResolvedScope> {
  if (p.institutionId !== undefined && p.regionCode !== undefined)
    failField('query.regionCode', 'conflict', 'Pilih instansi atau wilayah, tidak keduanya.');
  if (p.institutionId !== undefined) {
    const row = await deps.statsReader.institution(p.institutionId);
    if (!row) return failField(institutionField, 'unknown', 'Instansi tidak ditemukan.');
    const subtree = p.subtree ?? true;
    return {
      scope: { kind: 'institution', id: row.id, subtree },
      describe: { kind: 'institution', id: String(row.id), name: row.name },
    };
  }
  if (p.regionCode !== undefined) {
    const row = await deps.statsReader.province(p.regionCode);
    if (!row) return failField('query.regionCode', 'unknown', 'Kode provinsi (2 digit) tidak ditemukan.');
    return {
      scope: { kind: 'region', provinceCode: row.code },
      describe: { kind: 'region', id: row.code, name: row.name },
    };
  }
  return { scope: { kind: 'national' }, describe: { kind: 'national', id: null, name: 'Nasional' } };
}
