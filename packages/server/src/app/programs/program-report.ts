/**
 * A program's queue, its dashboard/periodic report and its village map (issue 15). Who sees what is core's rule
 * (programs/access.ts); the figures are computed here from plain rows — no identity is ever read, so an anonymous
 * reporter cannot appear. Small counts are shown: the report is for the program's people, not the public.
 */
import {
  fail,
  PROGRAM_LEVELS,
  type ProgramQueueQuery,
  type ProgramQueueRow,
  type ProgramReportRow,
  type ProgramView,
  programViewOf,
  REPORT_STATUSES,
  type ReportStatus,
  type StoredProgram,
  type TimeZone,
} from '@pintu/core';
import { reviveState } from '../../db/lifecycle-codec';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { programGrants } from './manage-programs';

type Deps = Pick<AppDeps, 'programs' | 'calendar'> & { now: Date };
const CLOSED: readonly string[] = ['resolved', 'archived'];

/** The program and the caller's view of it; 404 for an unknown program, 403 for a caller who sees nothing of it. */
async function access(
  deps: Deps,
  caller: Caller,
  code: string,
): Promise<{ program: StoredProgram; view: ProgramView }> {
  const program = await deps.programs.find(code);
  if (!program) fail('NOT_FOUND', 'Program tidak ditemukan.');
  const view = programViewOf(await programGrants(deps, caller), program.owner);
  if (view === null)
    fail(
      'NOT_ALLOWED',
      'Antrean dan laporan program hanya untuk penangan, admin pemilik, pengawas dan admin nasional.',
    );
  return { program, view };
}

/** A queue row with whether its level deadline has passed. */
export type QueueItem = ProgramQueueRow & { overdue: boolean };

/** A page of the program's queue, newest first, and the cursor of the next page (null: none). */
export async function programQueue(
  deps: Deps,
  caller: Caller,
  code: string,
  query: ProgramQueueQuery,
): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const { program, view } = await access(deps, caller, code);
  const rows = await deps.programs.queue(program.id, view, { ...query, limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const now = deps.now.getTime();
  const items = page.map((r) =>
    Object.assign(r, {
      overdue: !CLOSED.includes(r.status) && r.levelDueAt !== null && Date.parse(r.levelDueAt) < now,
    }),
  );
  const last = page.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? `${last.createdAt}|${last.id}` : null };
}

const count = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const GENDERS = ['female', 'male', 'notGiven'] as const;
type GenderKey = (typeof GENDERS)[number];
const genderOf = (r: ProgramReportRow): GenderKey =>
  r.reporterGender === 'female' || r.reporterGender === 'male' ? r.reporterGender : 'notGiven';

/** The figures of the program report for a period (filing dates in the owner's time zone). */
export interface ProgramFigures {
  program: { code: string; name: string };
  period: { from: string | null; to: string | null; timeZone: string };
  total: number;
  byCategory: { code: string; name: string; count: number }[];
  byLevel: Record<(typeof PROGRAM_LEVELS)[number], number>;
  byVillage: { code: string; name: string | null; count: number }[];
  byStatus: Record<ReportStatus, number>;
  byGender: Record<GenderKey, number>;
  genderByStatus: Record<GenderKey, Record<ReportStatus, number>>;
  /** Working days from filing to resolution, over the resolved grievances. */
  timeToResolve: { resolved: number; meanWorkingDays: number | null; medianWorkingDays: number | null };
  /** Resolved by the deadline of the level that resolved it. */
  withinDeadline: { resolved: number; within: number; percent: number | null };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The program report: counts by category, level, village, status and gender; time to resolve; within deadline. */
export async function programReport(
  deps: Deps,
  caller: Caller,
  code: string,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<ProgramFigures> {
  const { program, view } = await access(deps, caller, code);
  const timeZone = program.owner.timeZone;
  const rows = await deps.programs.reportRows(program.id, view, { ...period, timeZone });
  const calendar = deps.calendar.get();
  const byCategory = new Map(
    program.categories.map((c) => [c.code, { code: c.code, name: c.name, count: 0 }]),
  );
  const byVillage = new Map<string, { code: string; name: string | null; count: number }>();
  const byLevel = count(PROGRAM_LEVELS);
  const byStatus = count(REPORT_STATUSES);
  const byGender = count(GENDERS);
  const genderByStatus = Object.fromEntries(
    GENDERS.map((g) => [g, count(REPORT_STATUSES)]),
  ) as ProgramFigures['genderByStatus'];
  const days: number[] = [];
  let within = 0;
  for (const r of rows) {
    const category = byCategory.get(r.programCategory ?? '') ?? {
      code: r.programCategory ?? '',
      name: r.programCategory ?? '',
      count: 0,
    };
    category.count += 1;
    byCategory.set(category.code, category);
    const village = byVillage.get(r.regionCode) ?? { code: r.regionCode, name: r.regionName, count: 0 };
    village.count += 1;
    byVillage.set(r.regionCode, village);
    if (r.level && r.level in byLevel) byLevel[r.level as keyof typeof byLevel] += 1;
    const status = r.status as ReportStatus;
    byStatus[status] += 1;
    byGender[genderOf(r)] += 1;
    genderByStatus[genderOf(r)][status] += 1;
    const state = reviveState(r.lifecycle);
    if (status === 'resolved' && state.resolvedAt) {
      const { timeZone: tz, regionCode } = state.holder;
      days.push(
        Math.max(
          0,
          calendar.elapsedWorkingDays(state.submittedAt, state.resolvedAt, tz as TimeZone, regionCode),
        ),
      );
      if (state.program && state.resolvedAt.getTime() <= state.program.levelDueAt.getTime()) within += 1;
    }
  }
  const mean = days.length ? round(days.reduce((a, b) => a + b, 0) / days.length, 1) : null;
  return {
    program: { code: program.code, name: program.name },
    period: { from: period.from ?? null, to: period.to ?? null, timeZone },
    total: rows.length,
    byCategory: [...byCategory.values()],
    byLevel,
    byVillage: [...byVillage.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byStatus,
    byGender,
    genderByStatus,
    timeToResolve: { resolved: days.length, meanWorkingDays: mean, medianWorkingDays: median(days) },
    withinDeadline: {
      resolved: days.length,
      within,
      percent: days.length ? round((within / days.length) * 100, 2) : null,
    },
  };
}

/** One village on the facilitators' map. */
export interface VillageActivity {
  code: string;
  name: string | null;
  filed: number;
  /** Filed by a village facilitator on a villager's behalf (LAPOR Masuk Desa). */
  byFacilitators: number;
  open: number;
  resolved: number;
  /** The mean position of the village's grievances that have one; null when none has. */
  point: { lat: number; lng: number } | null;
}

/**
 * Activity per village for the map: staff, oversight and the owner's admins see every village in their view; a
 * facilitator sees the villages of their own filings.
 */
export async function programVillages(
  deps: Deps,
  caller: Caller,
  code: string,
  period: { from?: string | undefined; to?: string | undefined },
): Promise<VillageActivity[]> {
  const program = await deps.programs.find(code);
  if (!program) fail('NOT_FOUND', 'Program tidak ditemukan.');
  const view = programViewOf(await programGrants(deps, caller), program.owner);
  const facilitator = caller.grants.some((g) => g.role === 'facilitator');
  if (view === null && !facilitator)
    fail('NOT_ALLOWED', 'Peta desa program untuk pendamping desa, penangan, admin pemilik dan pengawas.');
  const rows = await deps.programs.reportRows(
    program.id,
    view ?? { all: true },
    { ...period, timeZone: program.owner.timeZone },
    view === null ? caller.userId : undefined,
  );
  const villages = new Map<string, VillageActivity & { sum: [number, number, number] }>();
  for (const r of rows) {
    const v = villages.get(r.regionCode) ?? {
      code: r.regionCode,
      name: r.regionName,
      filed: 0,
      byFacilitators: 0,
      open: 0,
      resolved: 0,
      point: null,
      sum: [0, 0, 0],
    };
    v.filed += 1;
    // The filer is recorded on the report (web filings by a facilitator keep channel `web`; other channels `assisted`).
    if (r.facilitatorId !== null || r.channel === 'assisted') v.byFacilitators += 1;
    if (r.status === 'resolved') v.resolved += 1;
    else if (r.status !== 'archived') v.open += 1;
    if (r.lat !== null && r.lng !== null) v.sum = [v.sum[0] + r.lat, v.sum[1] + r.lng, v.sum[2] + 1];
    villages.set(r.regionCode, v);
  }
  return [...villages.values()]
    .map(({ sum, ...v }) =>
      Object.assign(v, {
        point: sum[2] ? { lat: round(sum[0] / sum[2], 6), lng: round(sum[1] / sum[2], 6) } : null,
      }),
    )
    .sort((a, b) => a.code.localeCompare(b.code));
}
