/**
 * The `Holidays` port in memory: the table's unique day (date, kind, region), known region codes, decrees and the
 * audit; a transaction works on the same data and puts it back when the change throws. The deadline recompute is
 * the test's to say (`affectedBy`); each call is recorded.
 */
import type {
  AffectedDeadline,
  Holiday,
  HolidayChangeRecord,
  HolidaySource,
  Holidays,
  HolidaysInTransaction,
  HolidayWrite,
  StoredHoliday,
} from '@pintu/core';

export interface FakeHolidays extends Holidays {
  readonly rows: Map<number, StoredHoliday>;
  readonly decrees: { year: number; source: HolidaySource }[];
  readonly changes: HolidayChangeRecord[];
  /** The dates each recompute was asked for. */
  readonly recomputed: string[][];
}

const dayKey = (h: Pick<Holiday, 'date' | 'kind' | 'regionCode'>) =>
  `${h.date}|${h.kind}|${h.regionCode ?? ''}`;

export function fakeHolidays(
  opts: {
    holidays?: Holiday[];
    regions?: string[];
    decrees?: { year: number; source: HolidaySource }[];
    affectedBy?: (dates: string[]) => AffectedDeadline[];
  } = {},
): FakeHolidays {
  const rows = new Map<number, StoredHoliday>();
  const decrees = [...(opts.decrees ?? [])];
  const changes: HolidayChangeRecord[] = [];
  const recomputed: string[][] = [];
  const regions = new Set(opts.regions ?? []);
  let nextId = 1;

  const stored = (id: number, h: Holiday): StoredHoliday => ({
    id,
    date: h.date,
    name: h.name,
    kind: h.kind,
    regionCode: h.regionCode ?? null,
    source: h.source,
  });
  const write = (id: number, h: Holiday): HolidayWrite => {
    if (h.regionCode && !regions.has(h.regionCode)) return { ok: false, reason: 'unknown_region' };
    const key = dayKey(h);
    if ([...rows.values()].some((r) => r.id !== id && dayKey(r) === key))
      return { ok: false, reason: 'taken' };
    rows.set(id, stored(id, h));
    return { ok: true, id };
  };
  for (const h of opts.holidays ?? []) write(nextId++, h);

  const inYear = (year: number) => [...rows.values()].filter((h) => h.date.startsWith(`${year}-`));
  const reads = {
    all: async (): Promise<Holiday[]> => [...rows.values()].map(({ id: _, ...h }) => h),
    annualDecreeYears: async () => [
      ...new Set(decrees.filter((d) => d.source.kind === 'annual').map((d) => d.year)),
    ],
    hasAnnualDecree: async (year: number) =>
      decrees.some((d) => d.year === year && d.source.kind === 'annual'),
    find: async (id: number) => (rows.has(id) ? { ...rows.get(id)! } : null),
    ofYear: async (year: number) => inYear(year).map((h) => ({ ...h })),
    knownRegionCodes: async (codes: string[]) => new Set(codes.filter((c) => regions.has(c))),
  };
  const tx: HolidaysInTransaction = {
    ...reads,
    add: async (h) => {
      const w = write(nextId, h);
      if (w.ok) nextId += 1;
      return w;
    },
    replace: async (id, h) => write(id, h),
    remove: async (id) => {
      rows.delete(id);
    },
    saveDecree: async (year, source) => {
      const i = decrees.findIndex((d) => d.year === year && d.source.ref === source.ref);
      if (i >= 0) decrees[i] = { year, source };
      else decrees.push({ year, source });
    },
    recordChange: async (c) => {
      changes.push(structuredClone(c));
    },
    recomputeDeadlines: async (dates) => {
      recomputed.push([...dates]);
      return opts.affectedBy?.(dates) ?? [];
    },
  };
  return {
    ...reads,
    rows,
    decrees,
    changes,
    recomputed,
    async transaction(change) {
      const saved = {
        rows: structuredClone([...rows]),
        decrees: structuredClone(decrees),
        changes: changes.length,
        recomputed: recomputed.length,
        nextId,
      };
      try {
        return await change(tx);
      } catch (err) {
        rows.clear();
        for (const [id, h] of saved.rows) rows.set(id, h);
        decrees.splice(0, decrees.length, ...saved.decrees);
        changes.length = saved.changes;
        recomputed.length = saved.recomputed;
        nextId = saved.nextId;
        throw err;
      }
    },
  };
}
