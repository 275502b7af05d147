/**
 * `npm run pintu -- audit verify|checkpoint` (issue 16, docs/audit.md). `verify` checks every report's chain and the
 * signed checkpoints, optionally against a copy of the published ones kept elsewhere (a file, or the URL of another
 * copy); it names each broken report and exits 1. `checkpoint` signs one now.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeCheckpoint } from '../app/audit/checkpoint';
import { type PublishedCheckpoint, verifyAudit } from '../app/audit/verify-audit';
import { loadConfig, publicUrlOf } from '../config';
import { openConfiguredDatabase } from '../db/open-configured';
import { instanceSelf, loadInstanceKey } from '../security/instance-identity';
import { streamProgress } from './progress';

const FAULTS: Record<string, string> = {
  no_events: 'tanpa peristiwa / no events',
  edited: 'peristiwa diubah / an event was edited',
  deleted: 'peristiwa dihapus / an event was deleted',
  reordered: 'urutan diubah / events were reordered',
  inserted: 'peristiwa disisipkan / an event was inserted',
  rewritten_since_checkpoint: 'ditulis ulang sejak checkpoint / rewritten since a checkpoint',
};

async function readPublished(source: string): Promise<PublishedCheckpoint[]> {
  const text = /^https?:\/\//.test(source)
    ? await (await fetch(source)).text()
    : readFileSync(source, 'utf8');
  const doc = JSON.parse(text) as { checkpoints?: PublishedCheckpoint[] };
  if (!Array.isArray(doc.checkpoints))
    throw new Error(`${source}: bukan riwayat checkpoint / not a checkpoint history`);
  return doc.checkpoints;
}

export async function auditCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { published: { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'verify' && command !== 'checkpoint') {
    console.error(
      'Pemakaian / usage: npm run pintu -- audit verify [--published=<berkas|url>] | audit checkpoint',
    );
    return 2;
  }
  const published = values.published ? await readPublished(values.published) : undefined;
  const config = loadConfig();
  const dataDir = resolve(config.DATA_DIR);
  const database = await openConfiguredDatabase(config, 2);
  try {
    const instance = instanceSelf(loadInstanceKey(config.PINTU_INSTANCE_KEY, dataDir), {
      slug: config.PINTU_INSTANCE,
      name: config.PINTU_INSTANCE_NAME,
      baseUrl: publicUrlOf(config),
    });
    if (command === 'checkpoint') {
      const c = await makeCheckpoint({ db: database.db, instance }, new Date());
      console.log(
        `Checkpoint ${c.seq}: ${c.reports} laporan / reports, ${c.events} peristiwa / events, root ${c.root}`,
      );
      return 0;
    }
    const progress = streamProgress(process.stderr);
    let shown = 0;
    const report = await verifyAudit(
      { db: database.db, instance },
      {
        ...(published ? { published } : {}),
        onProgress: (p) => {
          if (shown === 0) progress.step('Memeriksa rantai / checking chains', 0);
          progress.tick(p.reports - shown);
          shown = p.reports;
        },
      },
    );
    if (shown) progress.done();
    for (const f of report.findings)
      console.log(
        `RUSAK / BROKEN\t${f.trackingId ?? `#${f.reportId}`}\t${f.fault}\tseq ${f.seq}\t${FAULTS[f.fault]}`,
      );
    for (const p of report.checkpoints.problems) console.log(`CHECKPOINT ${p.seq}\t${p.problem}`);
    console.log(
      `${report.reports} laporan, ${report.events} peristiwa diperiksa / reports, events checked; ` +
        `${report.findings.length} laporan rusak / broken; checkpoint: ${report.checkpoints.count}` +
        `${published ? `, ${published.length} terbit / published compared` : ''}; ${report.ok ? 'UTUH / INTACT' : 'RUSAK / BROKEN'}`,
    );
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}
