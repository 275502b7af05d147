/**
 * Generates a benchmark database (bench/lib/generate.ts), then proves the real server starts on it and serves it
 * (bench/lib/gen-check.ts). Prints the environment to start the server with and the accounts.
 *
 *   npm run bench:generate -- [--reports=1000000] [--db=pintu_bench_1m] [--seed=2026] [--workers=2]
 *                             [--data-dir=DIR] [--no-check] [--exact] [--check-only]
 *
 * `--check-only` describes an existing generated database and starts the server on it; `--exact` shares no
 * histories between reports (every report through the core on its own: slow, a cross-check of the sharing).
 */
import { parseArgs } from 'node:util';
import { positiveArg } from './lib/args';
import { describeData, smokeCheck } from './lib/gen-check';
import { generate, readGenerated, serverEnv, staleSchema } from './lib/generate';

const { values: args } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000000' },
    db: { type: 'string', default: 'pintu_bench_1m' },
    seed: { type: 'string', default: '2026' },
    workers: { type: 'string', default: '2' },
    'data-dir': { type: 'string' },
    'no-check': { type: 'boolean', default: false },
    exact: { type: 'boolean', default: false },
    'check-only': { type: 'boolean', default: false },
  },
});

const existing = args['check-only'] ? await readGenerated(args.db) : null;
if (args['check-only'] && !existing) {
  console.error(`${args.db} is not a generated database (no bench_meta): generate it first`);
  process.exit(2);
}
const stale = existing && (await staleSchema(existing.databaseUrl));
if (stale) {
  console.error(`${args.db}: ${stale}. Generate it again.`);
  process.exit(2);
}
const g =
  existing ??
  (await generate({
    db: args.db,
    reports: Math.round(positiveArg('reports', args.reports)),
    seed: Math.round(positiveArg('seed', args.seed)),
    workers: Math.round(positiveArg('workers', args.workers)),
    exact: args.exact,
    ...(args['data-dir'] ? { dataDir: args['data-dir'] } : {}),
  }));
console.log(
  `\n${g.reports.toLocaleString('en')} reports generated into ${g.db} in ${g.seconds.toFixed(0)} s (now = ${g.now})`,
);
for (const [name, s] of Object.entries(g.phases))
  console.log(`  ${name.padEnd(42)} ${s.toFixed(1).padStart(7)} s`);
await describeData(g);
const env = serverEnv(g);
console.log(
  '\nStart the server on it with (the data key is in DATA_DIR/data.key; accounts are sealed under it):',
);
console.log(`  DATABASE_URL=${env.DATABASE_URL} DATA_DIR=${env.DATA_DIR} PINTU_NO_DEMO=1 \\`);
console.log('    node --import tsx packages/server/src/main.ts');
console.log(`Staff accounts (password ${g.password}):`);
for (const a of g.accounts.all.slice(0, 9)) console.log(`  ${a.email.padEnd(56)} ${a.role}`);
console.log(
  `  … and a coordinator and a liaison officer at ${g.accounts.spread.length} more regency governments`,
);
console.log(`Access code of one report in ten (report numbers divisible by 10): ${g.accessCode}`);
let failed = false;
if (!args['no-check']) failed = !(await smokeCheck(g));
process.exit(failed ? 1 : 0);
