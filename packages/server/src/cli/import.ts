/**
 * `npm run pintu -- import suggest|run <file> --mapping=<json>` (issue 15, docs/import.md): a legacy app's CSV or
 * XLSX export into this instance's database (DATABASE_URL or DATA_DIR, as the server; with PGlite stop it first).
 *
 *   import suggest <file> --mapping=m.json          unmapped agencies, districts, statuses and categories with the
 *                                                   closest matches, and a draft of `values` to confirm
 *   import run <file> --mapping=m.json [--dry-run]  imports; rejected rows go to <file>.errors.csv or --errors=;
 *                                                   idempotent and resumable (source + legacy id)
 *   common: --encoding=windows-1252|iso-8859-1|utf-16le  --delimiter=';'  --json (the summary as JSON on stdout)
 *
 * Exit code 0 when the run finished (rejected rows included), 1 for a file or mapping that cannot be imported, 2 for
 * a wrong command line.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HeaderError } from '../app/import/legacy-rows';
import { MappingError, parseMapping } from '../app/import/mapping';
import { runImport } from '../app/import/run-import';
import { suggestMapping } from '../app/import/suggest-mapping';
import { loadCalendar } from '../app/reference/calendar-source';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/open-configured';
import { postgresLegacyImports } from '../db/postgres-legacy-import';
import { ENCODINGS, type Encoding, TableFileError } from '../import/table';
import { legacyTrackingIds } from '../security/legacy-ids';
import { loadDataKey } from '../security/seal';
import { rowProgress } from './import-progress';

const USAGE = `Pemakaian / usage:
  npm run pintu -- import suggest <berkas.csv|xlsx> --mapping=<pemetaan.json>
  npm run pintu -- import run <berkas.csv|xlsx> --mapping=<pemetaan.json> [--dry-run] [--errors=<galat.csv>]
  opsi / options: --encoding=${ENCODINGS.join('|')} --delimiter=';' --json`;

/** A CSV field, quoted when it must be (RFC 4180). */
const csvField = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const fmt = (n: number) => n.toLocaleString('id');

export async function importMain(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        errors: { type: 'string' },
        encoding: { type: 'string' },
        delimiter: { type: 'string' },
        json: { type: 'boolean', default: false },
        batch: { type: 'string' },
      },
    });
  try {
    parsed = parse();
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, file] = positionals;
  if (!['suggest', 'run'].includes(command ?? '') || !file || !values.mapping) {
    console.error(USAGE);
    return 2;
  }
  if (values.encoding && !(ENCODINGS as readonly string[]).includes(values.encoding)) {
    console.error(`--encoding: salah satu / one of ${ENCODINGS.join(', ')}\n${USAGE}`);
    return 2;
  }
  const table = {
    encoding: values.encoding as Encoding | undefined,
    delimiter: values.delimiter === '\\t' ? '\t' : values.delimiter,
  };
  try {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.mapping, 'utf8'));
    } catch (err) {
      throw new MappingError([{ field: '(file)', message: `${values.mapping}: ${(err as Error).message}` }]);
    }
    const mapping = parseMapping(json);
    const config = loadConfig();
    const dataDir = resolve(config.DATA_DIR);
    const database = await openConfiguredDatabase(config, 3);
    try {
      const legacyImports = postgresLegacyImports(database.db);
      if (command === 'suggest') {
        const s = await suggestMapping({ legacyImports }, { file, mapping, table });
        if (values.json) console.log(JSON.stringify(s, null, 2));
        else printSuggestions(s);
        return 0;
      }
      const errorsPath = values.errors ?? join(dirname(file), `${basename(file, extname(file))}.errors.csv`);
      const errors = createWriteStream(errorsPath);
      errors.write('row,legacy_id,reason,message\n');
      const progress = rowProgress(values['dry-run'] ? 'uji / dry run' : 'impor / import');
      const summary = await runImport(
        {
          legacyImports,
          calendar: (await loadCalendar(database.db)).get(),
          now: new Date(),
          trackingIdOf: legacyTrackingIds(loadDataKey(config.PINTU_DATA_KEY, dataDir)),
        },
        { file, mapping, dryRun: values['dry-run'], table, batchSize: Number(values.batch ?? 2000) },
        {
          reject: (row, id, code, message) =>
            errors.write(`${[row, id, code, message].map(csvField).join(',')}\n`),
          start: progress.start,
          advance: progress.advance,
        },
      ).finally(() => new Promise<void>((done) => errors.end(done)));
      progress.done();
      if (values.json) {
        const cpu = process.cpuUsage();
        const cpuSeconds = Math.round((cpu.user + cpu.system) / 1e4) / 100;
        console.log(JSON.stringify({ ...summary, errorFile: errorsPath, cpuSeconds }));
      } else printSummary(summary, mapping.source, errorsPath);
      return 0;
    } finally {
      await database.close();
    }
  } catch (err) {
    if (err instanceof MappingError || err instanceof HeaderError || err instanceof TableFileError) {
      console.error(`${err.message}\nTidak ada yang disimpan / nothing was stored.`);
      return 1;
    }
    throw err;
  }
}

function printSuggestions(s: Awaited<ReturnType<typeof suggestMapping>>) {
  const titles = {
    agency: 'Instansi / agencies',
    district: 'Kecamatan / districts',
    status: 'Status',
    category: 'Kategori / categories',
  };
  console.log(`${fmt(s.rows)} baris dibaca / rows read`);
  for (const [area, list] of Object.entries(s.unmapped) as [
    keyof typeof titles,
    typeof s.unmapped.agency,
  ][]) {
    console.log(`\n${titles[area]}: ${list.length} nilai belum dipetakan / values not mapped`);
    for (const u of list.slice(0, 200)) {
      const c = u.candidates.map((x) => `${x.code} ${x.name === x.code ? '' : `"${x.name}" `}(${x.score})`);
      console.log(`  "${u.value}" × ${fmt(u.rows)} → ${c.join('  |  ') || '—'}`);
    }
  }
  console.log(
    '\nDraf "values" (periksa tiap baris sebelum ditempel ke pemetaan / check every line before pasting it into the mapping):',
  );
  console.log(JSON.stringify(s.draft, null, 2));
}

function printSummary(s: Awaited<ReturnType<typeof runImport>>, source: string, errorsPath: string) {
  const would = s.dryRun ? ' (uji, tidak disimpan / dry run, nothing stored)' : '';
  console.log(`Impor / import ${source}${would}: ${fmt(s.rows)} baris / rows`);
  console.log(`  diimpor / imported:              ${fmt(s.imported)}`);
  console.log(`  sudah ada / already imported:    ${fmt(s.alreadyImported)}`);
  const rejected = Object.values(s.rejected).reduce((a, b) => a + b, 0);
  console.log(`  ditolak / rejected:              ${fmt(rejected)}`);
  for (const [code, n] of Object.entries(s.rejected).sort((a, b) => b[1] - a[1]))
    console.log(`    ${code.padEnd(28)} ${fmt(n)}`);
  const by = Object.entries(s.byStatus).map(([k, v]) => `${k} ${fmt(v)}`);
  console.log(`  menurut status / by end state:   ${by.join(', ') || '—'}`);
  if (s.awaitingAutoResolve)
    console.log(
      `  menunggu selesai otomatis / awaiting auto-resolve: ${fmt(s.awaitingAutoResolve)} (jendela pelapor 10 hari kerja / the reporter's 10-working-day window)`,
    );
  if (rejected) console.log(`  berkas galat / error file:       ${errorsPath}`);
}
