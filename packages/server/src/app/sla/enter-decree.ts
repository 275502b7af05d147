/**
 * Entering a year's decree (domain.md §6, issue 10): the national admin sends the year's holiday file — the project's
 * holiday format, from a file or built by the form — and in one transaction its decrees are recorded, the days of
 * those decrees are made exactly the file's (added, renamed, removed), every open deadline they move is recomputed
 * and the change is audited. Days from other decrees (a Keppres entered by hand, regional days) are left alone. A
 * year with an annual decree is no longer provisional. `dryRun` does all of it and rolls back, to preview.
 */
import { checkHolidayFile, type Holiday, type HolidayFile } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { type CalendarSource, loadCalendar } from '../reference/calendar-source';
import { inOneTransaction, requireHolidayAdmin } from './manage-holidays';
import { type AffectedDeadline, recomputeDeadlines } from './recompute-deadlines';

type Env = { db: Db; calendar: CalendarSource; now: Date };

interface Stored extends Holiday {
  id: number;
}

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

/** Checks the file and enters it; throws a VALIDATION problem naming each bad field. */
export async function enterDecree(
  env: Env,
  principal: Principal | null,
  data: unknown,
  dryRun: boolean,
): Promise<DecreeResult> {
  const actor = requireHolidayAdmin(principal);
  const checked = checkHolidayFile(data);
  if (!checked.ok)
    throw new ProblemError(
      'VALIDATION',
      'Berkas keputusan hari libur tidak valid.',
      checked.problems.map((p) => ({ field: p.path || 'body', code: 'invalid', message: p.message })),
    );
  const file = checked.file;
  await checkReferences(env.db, file);
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
async function checkReferences(db: Db, file: HolidayFile) {
  const errors: { field: string; code: string; message: string }[] = [];
  const codes = [...new Set(file.holidays.map((h) => h.regionCode).filter((c): c is string => !!c))];
  if (codes.length) {
    const list = sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    );
    const res = await db.execute(sql`select code from regions where code in (${list})`);
    const known = new Set((res.rows as { code: string }[]).map((r) => r.code));
    file.holidays.forEach((h, i) => {
      if (h.regionCode && !known.has(h.regionCode))
        errors.push({
          field: `holidays.${i}.regionCode`,
          code: 'unknown',
          message: 'Kode wilayah tidak dikenal.',
        });
    });
  }
  const annual = await db.execute(
    sql`select 1 from holiday_decrees where year = ${file.year} and kind = 'annual'`,
  );
  if (!annual.rows.length && !file.sources.some((s) => s.kind === 'annual'))
    errors.push({
      field: 'sources',
      code: 'annual_missing',
      message: `Tahun ${file.year} belum punya SKB tahunan: sertakan keputusan berjenis "annual".`,
    });
  if (errors.length) throw new ProblemError('VALIDATION', 'Berkas keputusan hari libur tidak valid.', errors);
}

async function apply(
  tx: Db,
  now: Date,
  actor: string,
  file: HolidayFile,
  dryRun: boolean,
): Promise<DecreeResult> {
  for (const s of file.sources)
    await tx.execute(sql`insert into holiday_decrees (year, ref, kind, title, signed_on, note)
      values (${file.year}, ${s.ref}, ${s.kind}, ${s.title}, ${s.date}, ${s.note})
      on conflict (year, ref) do update set kind = excluded.kind, title = excluded.title,
        signed_on = excluded.signed_on, note = excluded.note`);
  const res = await tx.execute(sql`select id, to_char(date, 'YYYY-MM-DD') as date, name, kind,
      region_code as "regionCode", source from holidays
    where date >= ${`${file.year}-01-01`}::date and date <= ${`${file.year}-12-31`}::date`);
  const stored = new Map((res.rows as unknown as Stored[]).map((h) => [keyOf(h), h]));
  const wanted = new Map(file.holidays.map((h) => [keyOf(h), h]));
  const refs = new Set(file.sources.map((s) => s.ref));
  const added: Holiday[] = [];
  const renamed: Holiday[] = [];
  const removed: Holiday[] = [];
  for (const [key, h] of wanted) {
    const old = stored.get(key);
    if (!old) {
      added.push(h);
      await tx.execute(sql`insert into holidays (date, name, kind, region_code, source)
        values (${h.date}, ${h.name}, ${h.kind}, ${h.regionCode ?? null}, ${h.source})`);
    } else if (old.name !== h.name || old.source !== h.source) {
      renamed.push(h);
      await tx.execute(sql`update holidays set name = ${h.name}, source = ${h.source} where id = ${old.id}`);
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
      await tx.execute(sql`delete from holidays where id = ${old.id}`);
    }
  const dates = [...added, ...removed].map((h) => h.date);
  const affected = dates.length
    ? await recomputeDeadlines(tx, (await loadCalendar(tx)).get(), dates, now)
    : [];
  const decreed = await tx.execute(
    sql`select 1 from holiday_decrees where year = ${file.year} and kind = 'annual'`,
  );
  const result = {
    year: file.year,
    dryRun,
    decreed: decreed.rows.length > 0,
    added,
    renamed,
    removed,
    affected,
  };
  await tx.execute(sql`insert into holiday_changes (change, holiday_id, before, after, actor_id, at, affected)
    values ('decree', null, null, ${JSON.stringify({ year: file.year, sources: file.sources, added, renamed, removed })}::jsonb,
      ${actor}, ${now.toISOString()}, ${JSON.stringify(affected)}::jsonb)`);
  return result;
}
