/** The statistics answers as export tables (CSV/XLSX): the same rows and numbers as the JSON. */
import type { statsAspirations } from '../../app/stats/aspirations';
import type { statsByCategory, statsByRegion, statsRankings, statsTrends } from '../../app/stats/breakdowns';
import type { overdueReports, silentInstitutions } from '../../app/stats/oversight';
import type { statsSummary } from '../../app/stats/summary';
import type { ExportTable } from './export-table';

type R<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;
const cols = (...pairs: Array<[string, string]>) => pairs.map(([key, header]) => ({ key, header }));

/** The summary as one row per indicator. */
export function summaryTable(s: R<typeof statsSummary>): ExportTable {
  const i = s.indicators;
  const rows: Array<Record<string, unknown>> = [
    ['received', i.received],
    ['resolved', i.resolved],
    ['inProcess', i.inProcess],
    ['notFollowedUp', i.notFollowedUp],
    ['onHold', i.onHold],
    ['archived', i.archived],
    ['completionRate', i.completionRate],
    ['followUpRate', i.followUpRate],
    ['averageFollowUpSpeed', i.averageFollowUpSpeed],
    ['followedUp', i.followedUp],
    ['overdueNow', i.overdueNow],
    ['reopenRate', i.reopenRate],
    ['meanRating', i.meanRating],
    ...i.slaCompliance.map((c) => [`slaCompliance.${c.stage}`, c.rate]),
    ...i.backlogAge.map((b) => [`backlogAge.${b.bucket}`, b.count]),
    ['institutions.total', s.institutions.total],
    ['institutions.connected', s.institutions.connected],
    ['institutions.active', s.institutions.active],
    ['grade', s.grade?.label ?? null],
  ].map(([indicator, value]) => ({
    scope: s.scope.name,
    from: s.period.from,
    to: s.period.to,
    indicator,
    value,
  }));
  return {
    name: 'ringkasan',
    columns: cols(
      ['scope', 'scope'],
      ['from', 'from'],
      ['to', 'to'],
      ['indicator', 'indicator'],
      ['value', 'value'],
    ),
    rows,
  };
}

export function rankingsTable(r: R<typeof statsRankings>): ExportTable {
  return {
    name: `peringkat-${r.kind}`,
    columns: cols(
      ['rank', 'rank'],
      ['institutionId', 'institutionId'],
      ['name', 'name'],
      ['received', 'received'],
      ['resolved', 'resolved'],
      ['completionRate', 'completionRate'],
      ['followUpRate', 'followUpRate'],
      ['averageFollowUpSpeed', 'averageFollowUpSpeed'],
      ['grade', 'grade'],
    ),
    rows: r.items.map((i) => ({ ...i, grade: i.grade?.label ?? null })),
  };
}

export function trendsTable(t: R<typeof statsTrends>): ExportTable {
  return {
    name: 'tren-bulanan',
    columns: cols(
      ['month', 'month'],
      ['received', 'received'],
      ['resolved', 'resolved'],
      ['completionRate', 'completionRate'],
      ['followUpRate', 'followUpRate'],
      ['averageFollowUpSpeed', 'averageFollowUpSpeed'],
    ),
    rows: t.items,
  };
}

export function byCategoryTable(t: R<typeof statsByCategory>): ExportTable {
  return {
    name: 'per-kategori',
    columns: cols(
      ['categoryId', 'categoryId'],
      ['name', 'name'],
      ['received', 'received'],
      ['resolved', 'resolved'],
      ['completionRate', 'completionRate'],
    ),
    rows: t.items,
  };
}

export function byRegionTable(t: R<typeof statsByRegion>): ExportTable {
  return {
    name: 'per-provinsi',
    columns: cols(
      ['regionCode', 'regionCode'],
      ['name', 'name'],
      ['received', 'received'],
      ['resolved', 'resolved'],
      ['completionRate', 'completionRate'],
      ['overdueNow', 'overdueNow'],
    ),
    rows: t.items,
  };
}

export function overdueTable(t: R<typeof overdueReports>): ExportTable {
  return {
    name: 'terlambat',
    columns: cols(
      ['trackingId', 'trackingId'],
      ['institutionId', 'institutionId'],
      ['institutionName', 'institutionName'],
      ['stage', 'stage'],
      ['dueAt', 'dueAt'],
      ['workingDaysOverdue', 'workingDaysOverdue'],
    ),
    rows: t.items,
  };
}

export function silentTable(t: R<typeof silentInstitutions>): ExportTable {
  return {
    name: 'instansi-tanpa-tindak-lanjut',
    columns: cols(
      ['institutionId', 'institutionId'],
      ['name', 'name'],
      ['kind', 'kind'],
      ['connected', 'connected'],
      ['received', 'received'],
      ['notFollowedUp', 'notFollowedUp'],
    ),
    rows: t.items,
  };
}

/** Aspirations: the groups, then the terms (a `section` column tells them apart). */
export function aspirationsTable(a: R<typeof statsAspirations>): ExportTable {
  return {
    name: 'aspirasi',
    columns: cols(
      ['section', 'section'],
      ['topic', 'topic'],
      ['regionCode', 'regionCode'],
      ['regionName', 'regionName'],
      ['term', 'term'],
      ['count', 'count'],
    ),
    rows: [
      ...a.groups.map((g) => ({ section: 'group', ...g })),
      ...a.terms.map((t) => ({ section: 'term', ...t })),
    ],
  };
}
