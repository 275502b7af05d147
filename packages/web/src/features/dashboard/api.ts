/** Types and calls of the statistics API (GET /api/v1/stats/...), shared by the dashboard and the public page. */
import { api, type Query, withQuery } from '../../api/client';

export interface Scope {
  institutionId?: number | undefined;
  subtree?: boolean | undefined;
  regionCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface Grade {
  code: string;
  label: string;
}

export interface Summary {
  scope: { kind: 'national' | 'institution' | 'region'; id: string | null; name: string };
  period: { from: string; to: string };
  indicators: {
    received: number;
    resolved: number;
    inProcess: number;
    notFollowedUp: number;
    onHold: number;
    archived: number;
    completionRate: number | null;
    followUpRate: number | null;
    averageFollowUpSpeed: number | null;
    overdueNow: number;
    reopenRate: number | null;
    meanRating: number | null;
    slaCompliance: { stage: string; met: number; breached: number; rate: number | null }[];
    backlogAge: { bucket: string; count: number }[];
  };
  grade: Grade | null;
}

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

export interface RankingItem {
  rank: number;
  institutionId: number;
  name: string;
  received: number;
  resolved: number;
  completionRate: number | null;
  followUpRate: number | null;
  averageFollowUpSpeed: number | null;
  grade: Grade | null;
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
    api.get<{ items: RankingItem[] }>('/stats/rankings', { kind, from: s.from, to: s.to, limit: 20 }),
};

/** A download link of one of the stats endpoints in csv or xlsx. */
export function exportUrl(path: string, s: Scope, format: 'csv' | 'xlsx', extra: Query = {}): string {
  return withQuery(`/api/v1/stats/${path}`, { ...q(s), ...extra, format });
}

export function pct(v: number | null | undefined, lang: string): string {
  return v === null || v === undefined ? '—' : `${v.toLocaleString(lang, { maximumFractionDigits: 1 })}%`;
}
