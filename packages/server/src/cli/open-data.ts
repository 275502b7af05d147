/**
 * `npm run pintu -- open-data dump`: writes the open-data files now (docs/open-data.md), as the daily job does,
 * under DATA_DIR/open-data. With PGlite, stop the server first (one process per data directory).
 */
import { resolve } from 'node:path';
import { loadConfig, publicUrlOf } from '../config';
import { openConfiguredDatabase } from '../db/open-configured';
import { postgresOpenData } from '../db/postgres-open-data';
import { openDataConfigOf, openDataJobOf } from '../open-data/setup';
import { loadDataKey } from '../security/seal';

const USAGE = 'Pemakaian / usage: npm run pintu -- open-data dump';

/** Runs an `open-data` command; returns the exit code. */
export async function openDataCli(argv: string[]): Promise<number> {
  if (argv[0] !== 'dump' || argv.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const dataDir = resolve(config.DATA_DIR);
  const database = await openConfiguredDatabase(config, 2);
  try {
    const job = openDataJobOf({
      openData: postgresOpenData(database.db),
      config: openDataConfigOf(dataDir, loadDataKey(config.PINTU_DATA_KEY, dataDir), config),
      baseUrl: publicUrlOf(config),
      publisher: config.PINTU_INSTANCE_NAME,
      clock: () => new Date(),
    });
    const manifest = await job.dump();
    for (const f of manifest.files)
      console.log(
        `${f.name.padEnd(24)} ${String(f.bytes).padStart(12)} B${f.rows === null ? '' : `  ${f.rows} baris/rows`}`,
      );
    console.log(`Ditulis / written: ${resolve(dataDir, 'open-data')} (${manifest.generatedAt})`);
    return 0;
  } finally {
    await database.close();
  }
}
