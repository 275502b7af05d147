/**
 * Entering a year's decree (domain.md §6, issue 10): the national admin sends the year's holiday file — the project's
 * holiday format, from a file or built by the form — and in one transaction its decrees are recorded, the days of
 * those decrees are made exactly the file's (added, renamed, removed), every open deadline they move is recomputed
 * and the change is audited. Days from other decrees (a Keppres entered by hand, regional days) are left alone. A
 * year with an annual decree is no longer provisional. `dryRun` does all of it and rolls back, to preview.
 */
import {
  type AffectedDeadline,
  checkHolidayFile,
  type FieldError,
  fail,
  type Holiday,
  type HolidayFile,
  type HolidayReads,
  type HolidaysInTransaction,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';
import { type Env, inOneTransaction, requireHolidayAdmin } from './manage-holidays';

export interface DecreeResult {
  year: number;
  dryRun: boolean;
  decreed: boolean;
  added: Holiday[];
  renamed: Holiday[];
  removed: Holiday[];
  affected: AffectedDeadline[];
}

class DryRun extends Error {
  constructor(readonly result: DecreeResult) {
    super('dry run');
  }
}

const keyOf = (h: Pick<Holiday, 'date' | 'kind' | 'regionCode'>) =>
  `${h.date}|${h.kind}|${h.regionCode ?? ''}`;

const INVALID = 'Berkas keputusan hari libur tidak valid.';

/** Checks the file (any JSON: the holiday format) and enters it; a VALIDATION failure names each bad field. */
export async function enterDecree(
  env: Env,
  caller: Caller,
  data: unknown,
  dryRun: boolean,
): Promise<DecreeResult> {
  const actor = requireHolidayAdmin(caller);
  const checked = checkHolidayFile(data);
  if (!checked.ok)
    fail(
      'VALIDATION',
      INVALID,
      checked.problems.map((p) => ({ field: p.path || 'body', code: 'invalid', message: p.message })),
    );
  const file = checked.file;
  await checkReferences(env.holidays, file);
  try {
    return await inOneTransaction(env, async (tx) => {
      const result = await apply(tx, env.now, actor, file, dryRun);
      if (dryRun) throw new DryRun(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRun) return err.result;
    throw err;
  }
}

/** Region codes must exist, and the year must end up with its annual SKB. */
async function checkReferences(holidays: HolidayReads, file: HolidayFile) {
  const errors: FieldError[] = [];
  const codes = [...new Set(file.holidays.map((h) => h.regionCode).filter((c): c is string => !!c))];
  if (codes.length) {
    const known = await holidays.knownRegionCodes(codes);
    file.holidays.forEach((h, i) => {
      if (h.regionCode && !known.has(h.regionCode))
        errors.push({
          field: `holidays.${i}.regionCode`,
          code: 'unknown',
          message: 'Kode wilayah tidak dikenal.',
        });
    });
  }
  if (!(await holidays.hasAnnualDecree(file.year)) && !file.sources.some((s) => s.kind === 'annual'))
    errors.push({
      field: 'sources',
      code: 'annual_missing',
      message: `Tahun ${file.year} belum punya SKB tahunan: sertakan keputusan berjenis "annual".`,
    });
  if (errors.length) fail('VALIDATION', INVALID, errors);
}

async function apply(
  tx: HolidaysInTransaction,
  now: Date,
  actor: string,
  file: HolidayFile,
  dryRun: boolean,
): Promise<DecreeResult> {
  for (const s of file.sources) await tx.saveDecree(file.year, s);
  const stored = new Map((await tx.ofYear(file.year)).map((h) => [keyOf(h), h]));
  const wanted = new Map(file.holidays.map((h) => [keyOf(h), h]));
  const refs = new Set(file.sources.map((s) => s.ref));
  const added: Holiday[] = [];
  const renamed: Holiday[] = [];
  const removed: Holiday[] = [];
  for (const [key, h] of wanted) {
    const old = stored.get(key);
    if (!old) {
      added.push(h);
      const write = await tx.add(h);
      // The file has each (date, kind, region) once and none of them is stored: a refusal is a real fault.
      if (!write.ok) throw new Error(`holiday ${key} refused: ${write.reason}`);
    } else if (old.name !== h.name || old.source !== h.source) {
      renamed.push(h);
      const write = await tx.replace(old.id, { ...old, name: h.name, source: h.source });
      if (!write.ok) throw new Error(`holiday ${key} refused: ${write.reason}`);
    }
  }
  // Only the days of the decrees this file states are the file's to remove.
  for (const [key, old] of stored)
    if (!wanted.has(key) && refs.has(old.source)) {
      removed.push({
        date: old.date,
        name: old.name,
        kind: old.kind,
        regionCode: old.regionCode,
        source: old.source,
      });
      await tx.remove(old.id);
    }
  const dates = [...added, ...removed].map((h) => h.date);
  const affected = dates.length ? await tx.recomputeDeadlines(dates, now) : [];
  const result = {
    year: file.year,
    dryRun,
    decreed: await tx.hasAnnualDecree(file.year),
    added,
    renamed,
    removed,
    affected,
  };
  await tx.recordChange({
    change: 'decree',
    holidayId: null,
    before: null,
    after: { year: file.year, sources: file.sources, added, renamed, removed },
    actorId: actor,
    at: now,
    affected,
  });
  return result;
}
