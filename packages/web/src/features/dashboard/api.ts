/** Types and calls of the statistics API (GET /api/v1/stats/...), shared by the dashboard and the public page. */
import type { Schema } from '@pintu/api-types';
import { api, type Query, withQuery } from '../../api/client';

export interface Scope {
  institutionId?: number | undefined;
  subtree?: boolean | undefined;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export type Summary = Schema<'StatsSummary'>;
export type Grade = NonNullable<Summary['grade']>;
export type RankingItem = Schema<'StatsRankings'>['items'][number];

// The document leaves the items of trends, by-category, by-region and overdue open (`{ [key]: unknown }`): these
// are the fields the server sends (server app/stats/breakdowns.ts and oversight.ts) that the dashboard reads.
export interface TrendItem {
  month: string;
  received: number;
  resolved: number;
  completionRate: number | null;
}

export interface CategoryItem {
  categoryId: number;
  name: string;
  received: number;
  resolved: number;
  completionRate: number | null;
}

export interface RegionItem {
  regionCode: string;
  name: string;
  received: number;
  resolved: number;
  completionRate: number | null;
  overdueNow: number;
}

export interface OverdueItem {
  trackingId: string;
  institutionId: number;
  institutionName: string;
  stage: string;
  dueAt: string;
  workingDaysOverdue: number;
}

const q = (s: Scope): Query => ({
  institutionId: s.institutionId,
  subtree: s.subtree === undefined ? undefined : String(s.subtree),
  regionCode: s.regionCode,
  from: s.from,
  to: s.to,
});

export const statsApi = {
  summary: (s: Scope) => api.get<Summary>('/stats/summary', q(s)),
  trends: (s: Scope) => api.get<{ items: TrendItem[] }>('/stats/trends', q(s)),
  byCategory: (s: Scope) => api.get<{ items: CategoryItem[] }>('/stats/by-category', q(s)),
  byRegion: (s: Scope) =>
    api.get<{ items: RegionItem[] }>('/stats/by-region', { ...q(s), level: 'province' }),
  overdue: (s: Scope) =>
    api.get<{ items: OverdueItem[] }>('/stats/overdue', {
      institutionId: s.institutionId,
      subtree: s.subtree === undefined ? undefined : String(s.subtree),
    }),
  rankings: (kind: string, s: Scope) =>
    api.get<Schema<'StatsRankings'>>('/stats/rankings', { kind, from: s.from, to: s.to, limit: 20 }),
};

/** A download link of one of the stats endpoints in csv or xlsx. */
export function exportUrl(path: string, s: Scope, format: 'csv' | 'xlsx', extra: Query = {}): string {
  return withQuery(`/api/v1/stats/${path}`, { ...q(s), ...extra, format });
}

export function pct(v: number | null | undefined, lang: string): string {
  return v === null || v === undefined ? '—' : `${v.toLocaleString(lang, { maximumFractionDigits: 1 })}%`;
}
