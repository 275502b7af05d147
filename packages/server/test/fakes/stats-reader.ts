/**
 * An in-memory `StatsReader`: institutions with their paths, rollup rows (one per institution, day, category and
 * province) and the per-report overdue and backlog figures a test sets. Sums like the SQL: by scope, period and key.
 */
import {
  type AspirationGroup,
  type AspirationTerm,
  type BacklogCounts,
  type KeyedTotals,
  type NodeTotals,
  type OverdueRow,
  type OversightFilter,
  type Period,
  type RollupGroupBy,
  type RollupTotals,
  type SilentRow,
  type StatsReader,
  type StatsScope,
  sumTotals,
  zeroTotals,
} from '@pintu/core';

export interface FakeInstitution {
  id: number;
  name: string;
  kind: string;
  /** Root → itself. */
  path: number[];
  regionCode: string;
  connected?: boolean;
  active?: boolean;
}

export interface FakeRollupRow {
  institutionId: number;
  day: string;
  categoryId: number;
  provinceCode: string;
  totals: Partial<RollupTotals>;
}

export interface StatsReaderFake extends StatsReader {
  institutions: FakeInstitution[];
  rollups: FakeRollupRow[];
  provinceList: Array<{ code: string; name: string }>;
  categories: Array<{ id: string; name: string }>;
  backlogCounts: BacklogCounts;
  overdue: OverdueRow[];
  silent: SilentRow[];
  groups: AspirationGroup[];
  terms: AspirationTerm[];
  /** Every method called, in order (to assert what a use case asked). */
  calls: string[];
}

export function statsReaderFake(): StatsReaderFake {
  const f: Omit<StatsReaderFake, keyof StatsReader> = {
    institutions: [],
    rollups: [],
    provinceList: [],
    categories: [],
    backlogCounts: { d0_3: 0, d4_7: 0, d8_14: 0, d15_30: 0, overdueNow: 0 },
    overdue: [],
    silent: [],
    groups: [],
    terms: [],
    calls: [],
  };
  const byId = (id: number) => f.institutions.find((i) => i.id === id);
  const inScope = (scope: StatsScope, r: FakeRollupRow) => {
    if (scope.kind === 'national') return true;
    if (scope.kind === 'region') return r.provinceCode === scope.provinceCode;
    if (!scope.subtree) return r.institutionId === scope.id;
    return byId(r.institutionId)?.path.includes(scope.id) ?? false;
  };
  const rowsOf = (scope: StatsScope, period: Period) =>
    f.rollups.filter((r) => r.day >= period.from && r.day <= period.to && inScope(scope, r));
  const keyOf = (by: RollupGroupBy, r: FakeRollupRow): string | null =>
    by === 'none'
      ? null
      : by === 'institution'
        ? String(r.institutionId)
        : by === 'month'
          ? r.day.slice(0, 7)
          : by === 'category'
            ? String(r.categoryId)
            : r.provinceCode;
  const grouped = (rows: FakeRollupRow[], keyFn: (r: FakeRollupRow) => string | null) => {
    const groups = new Map<string | null, RollupTotals[]>();
    for (const r of rows) {
      const k = keyFn(r);
      groups.set(k, [...(groups.get(k) ?? []), { ...zeroTotals(), ...r.totals }]);
    }
    return [...groups].map(([key, ts]) => ({ key, ...sumTotals(ts) })).filter((g) => g.received !== 0);
  };
  const passes = (filter: OversightFilter, institutionId: number) => {
    const path = byId(institutionId)?.path ?? [];
    if (filter.roots !== null && !path.some((id) => filter.roots?.includes(id))) return false;
    if (filter.within === null) return true;
    return filter.within.subtree
      ? path.includes(filter.within.institutionId)
      : institutionId === filter.within.institutionId;
  };
  const reader: StatsReader = {
    async sumRollups(scope, period, by = 'none'): Promise<KeyedTotals[]> {
      f.calls.push('sumRollups');
      return grouped(rowsOf(scope, period), (r) => keyOf(by, r)).sort((a, b) =>
        String(a.key).localeCompare(String(b.key)),
      );
    },
    async totalsByNode(scope, period): Promise<NodeTotals[]> {
      f.calls.push('totalsByNode');
      const nodeOf = (r: FakeRollupRow) =>
        scope.kind === 'institution' ? r.institutionId : (byId(r.institutionId)?.path[0] ?? r.institutionId);
      return grouped(rowsOf(scope, period), (r) => String(nodeOf(r))).map(({ key, ...totals }) => {
        const node = byId(Number(key));
        return { ...totals, nodeId: Number(key), name: node?.name ?? '', kind: node?.kind ?? '' };
      });
    },
    async backlog() {
      f.calls.push('backlog');
      return f.backlogCounts;
    },
    async institutionCounts(scope) {
      f.calls.push('institutionCounts');
      const nodes = f.institutions.filter(
        (i) =>
          i.active !== false &&
          (scope.kind === 'institution'
            ? scope.subtree
              ? i.path.includes(scope.id)
              : i.id === scope.id
            : i.path.length === 1 &&
              (scope.kind === 'national' || i.regionCode.startsWith(scope.provinceCode))),
      );
      return { total: nodes.length, connected: nodes.filter((i) => i.connected).length };
    },
    categoryNames: async () => f.categories,
    provinces: async () => f.provinceList,
    overdueByProvince: async () => [],
    institution: async (id) => {
      const i = byId(id);
      return i ? { id: i.id, name: i.name } : null;
    },
    province: async (code) => f.provinceList.find((p) => p.code === code) ?? null,
    institutionPath: async (id) => byId(id)?.path ?? null,
    overdueReports: async (filter) => {
      f.calls.push('overdueReports');
      return f.overdue.filter((r) => passes(filter, r.institutionId));
    },
    silentInstitutions: async (filter) => {
      f.calls.push('silentInstitutions');
      return f.silent.filter((r) => passes(filter, r.institutionId));
    },
    aspirationGroups: async () => f.groups,
    aspirationTerms: async (q) => f.terms.filter((t) => t.count >= q.minReports).slice(0, q.limit),
  };
  return Object.assign(f, reader);
}
