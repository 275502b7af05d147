/**
 * What each audience sees of a program (issue 15): the public its summary and how to file; administrators the whole
 * configuration; handlers their queue rows (never a reporter field). The program report as a CSV table for the
 * periodic submission (the World Bank asks for sex-disaggregated figures).
 */
import { REPORT_STATUSES, type StoredProgram } from '@pintu/core';
import type { ProgramFigures, QueueItem } from '../../app/programs/program-report';
import type { PublicLevel } from '../../app/programs/read-programs';
import type { ExportTable } from '../stats/export-table';

export function presentSummary(p: StoredProgram) {
  return {
    code: p.code,
    name: p.name,
    nameEn: p.nameEn,
    description: p.description,
    owner: { id: p.owner.id, name: p.owner.name },
    areaRegionCodes: p.areaRegionCodes,
  };
}

export function presentDetail(p: StoredProgram, levels: PublicLevel[]) {
  return {
    ...presentSummary(p),
    categories: p.categories,
    fields: p.fields,
    levels: levels.map((l) => ({
      level: l.level,
      deadlineDays: l.deadlineDays,
      handlerName: l.handlerName,
      handlerNameEn: l.handlerNameEn,
    })),
    source: p.source,
  };
}

export function presentAdmin(p: StoredProgram) {
  return {
    ...presentSummary(p),
    id: p.id,
    ownerCode: p.owner.code,
    categories: p.categories,
    fields: p.fields,
    levels: p.levels,
    countsInEvaluation: p.countsInEvaluation,
    active: p.active,
    source: p.source,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentQueueItem(r: QueueItem) {
  return {
    trackingId: r.trackingId,
    title: r.title,
    status: r.status as (typeof REPORT_STATUSES)[number],
    level: r.level as 'village' | 'regency' | 'province' | null,
    levelDueAt: r.levelDueAt,
    overdue: r.overdue,
    village: { code: r.regionCode, name: r.regionName },
    category: r.programCategory,
    holder: r.holderId === null ? null : { id: r.holderId, name: r.holderName },
    createdAt: r.createdAt,
  };
}

/** The report as one long table: a row per figure (section, key, label, status, value). */
export function reportTable(f: ProgramFigures): ExportTable {
  const rows: Array<Record<string, unknown>> = [];
  const add = (section: string, key: string, label: string, value: number | null, status = '') =>
    rows.push({ section, key, label, status, value });
  add('total', 'total', 'Jumlah pengaduan', f.total);
  for (const c of f.byCategory) add('category', c.code, c.name, c.count);
  for (const [k, v] of Object.entries(f.byLevel)) add('level', k, k, v);
  for (const v of f.byVillage) add('village', v.code, v.name ?? v.code, v.count);
  for (const s of REPORT_STATUSES) add('status', s, s, f.byStatus[s]);
  for (const [g, v] of Object.entries(f.byGender)) add('gender', g, g, v);
  for (const [g, byStatus] of Object.entries(f.genderByStatus))
    for (const s of REPORT_STATUSES) add('gender_status', g, g, byStatus[s], s);
  add('time_to_resolve', 'resolved', 'Selesai', f.timeToResolve.resolved);
  add('time_to_resolve', 'mean_working_days', 'Rata-rata hari kerja', f.timeToResolve.meanWorkingDays);
  add('time_to_resolve', 'median_working_days', 'Median hari kerja', f.timeToResolve.medianWorkingDays);
  add('within_deadline', 'within', 'Selesai dalam tenggat tingkat', f.withinDeadline.within);
  add('within_deadline', 'percent', 'Persen dalam tenggat', f.withinDeadline.percent);
  const period = `${f.period.from ?? 'awal'}_${f.period.to ?? 'kini'}`;
  return {
    name: `${f.program.code}-${period}`,
    columns: [
      { key: 'section', header: 'section' },
      { key: 'key', header: 'key' },
      { key: 'label', header: 'label' },
      { key: 'status', header: 'status' },
      { key: 'value', header: 'value' },
    ],
    rows,
  };
}
