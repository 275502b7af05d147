/**
 * What the monitoring and evaluation use cases read (ADR 0007): rollup sums of a scope and period, the open
 * backlog and what is overdue from the per-report facts, oversight lists, aspirations, and the names of the
 * scopes. Implemented over SQL in server/src/db/postgres-stats-*.ts.
 */
import type { TimeZone } from '../calendar/types';
import type { AspirationGroup, AspirationQuery, AspirationTerm } from '../stats/aspirations';
import type { OversightFilter } from '../stats/oversight-scope';
import type { Period, StatsScope } from '../stats/scope';
import type { KeyedTotals, NodeTotals, RollupGroupBy } from '../stats/totals';

/** Open reports disposed in `[recentFrom, period.to]` by age in days, and reports of the period overdue now. */
export interface BacklogCounts {
  d0_3: number;
  d4_7: number;
  d8_14: number;
  d15_30: number;
  overdueNow: number;
}

/** A report whose current stage deadline has passed (no identity, no content). */
export interface OverdueRow {
  trackingId: string;
  institutionId: number;
  institutionName: string;
  timeZone: TimeZone;
  regionCode: string | null;
  stage: string;
  dueAt: Date;
}

/** An institution that received reports in the period and published no follow-up on any of them. */
export type SilentRow = {
  institutionId: number;
  name: string;
  kind: string;
  connected: boolean;
  received: number;
  notFollowedUp: number;
};

export interface StatsReader {
  /** Sums over the scope and period, one row per key (null when not grouped), keys with nothing received left out. */
  sumRollups(scope: StatsScope, period: Period, by?: RollupGroupBy): Promise<KeyedTotals[]>;
  /** Totals per node in one scan: top-level institutions (nation, province) or the institution's own nodes. */
  totalsByNode(scope: StatsScope, period: Period): Promise<NodeTotals[]>;
  /** The open backlog by age from `recentFrom` (today's date decides the age) and what is overdue at `now`. */
  backlog(
    scope: StatsScope,
    q: { period: Period; recentFrom: string; today: string; now: Date },
  ): Promise<BacklogCounts>;
  /** Active institutions of the scope: how many, how many connected (SK recorded). */
  institutionCounts(scope: StatsScope): Promise<{ total: number; connected: number }>;
  /** Every category's name by its id (as text). */
  categoryNames(): Promise<Array<{ id: string; name: string }>>;
  /** Every province (level-1 region), by code. */
  provinces(): Promise<Array<{ code: string; name: string }>>;
  /** Open reports of the period overdue at `now`, per province of the report location. */
  overdueByProvince(
    scope: StatsScope,
    period: Period,
    now: Date,
  ): Promise<Array<{ code: string; n: number }>>;
  /** An institution by id, or null. */
  institution(id: number): Promise<{ id: number; name: string } | null>;
  /** A province by its 2-digit code, or null. */
  province(code: string): Promise<{ code: string; name: string } | null>;
  /** An institution's path (root → itself), or null when there is none with this id. */
  institutionPath(id: number): Promise<number[] | null>;
  /** Reports overdue at `now` within the filter, most overdue first (at most 1,000). */
  overdueReports(filter: OversightFilter, now: Date): Promise<OverdueRow[]>;
  /** Institutions silent in the period within the filter, most received first (at most 1,000). */
  silentInstitutions(filter: OversightFilter, period: Period): Promise<SilentRow[]>;
  /** Aspirations by topic and province, most first. */
  aspirationGroups(q: AspirationQuery): Promise<AspirationGroup[]>;
  /** The most frequent terms of non-confidential aspirations, each in at least `minReports` of them. */
  aspirationTerms(q: AspirationQuery & { minReports: number; limit: number }): Promise<AspirationTerm[]>;
}
