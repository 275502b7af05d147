/**
 * `npm run pintu -- <command>`: the operator's commands, against the database the server uses (same environment:
 * DATABASE_URL or DATA_DIR). With PGlite, stop the server first (one process per data directory).
 *
 *   federation identity [--handles=code,code,…]   this instance's identity document (stdout) and key fingerprint
 *                                                   (stderr); --handles sets the institutions it handles first
 *   federation trust <file> --fingerprint="…"       trust the peer whose identity document is in <file>, after its
 *                                                   operator read you the fingerprint over another channel
 *   federation peers                                the trusted peers and who handles which institution
 *   federation suspend|resume <slug>                stop sending to a peer and refuse its messages, or go on
 *                                                   where it stopped
 *   federation status                               each peer's backlog: messages waiting, the oldest, the last
 *                                                   error of what waits, the last delivery
 *   audit verify [--published=<file|url>]           check every report's event chain and the signed checkpoints
 *                                                   (against a saved copy of the published ones); exit 1 if broken
 *   audit checkpoint                                sign and publish a checkpoint now (the daily job does it too)
 *   backup [--out=<folder>]                         database, attachments and a manifest, without the data key
 *   restore <folder> [--force]                      back from a backup; refuses a wrong data key (docs/backup.md)
 *   data-key check|rotate --yes                     the data key opens the database; re-seal all under a new one
 *   import suggest|run <file> --mapping=<json>      a legacy app's CSV/XLSX export in (cli/import.ts, docs/import.md)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainFailure } from '@pintu/core';
import { trustPeer } from '../app/federation/trust-peer';
import { loadConfig, publicUrlOf } from '../config';
import { DataDirLockedError } from '../db/lock';
import { openConfiguredDatabase } from '../db/open-configured';
import { postgresFederation } from '../db/postgres-federation';
import { identityDocument, loadInstanceKey } from '../security/instance-identity';
import { keyFingerprint, publicKeyOf } from '../security/instance-keys';

const USAGE = `Pemakaian / usage:
  npm run pintu -- federation identity [--handles=kode,kode,…]
  npm run pintu -- federation trust <berkas-identitas.json> --fingerprint="…"
  npm run pintu -- federation peers
  npm run pintu -- federation status
  npm run pintu -- federation suspend|resume <slug>
  npm run pintu -- open-data dump
  npm run pintu -- audit verify [--published=<berkas|url>]
  npm run pintu -- audit checkpoint
  npm run pintu -- data-key check|rotate --yes
  npm run pintu -- backup [--out=<folder>]
  npm run pintu -- restore <folder> [--force]
  npm run pintu -- import suggest|run <berkas.csv|xlsx> --mapping=<pemetaan.json> [--dry-run]`;

async function main(argv: string[]): Promise<number> {
  // Each other area parses its own arguments.
  if (argv[0] === 'audit') return (await import('./audit')).auditCommand(argv.slice(1));
  if (argv[0] === 'backup' || argv[0] === 'restore')
    return (await import('./backup')).backupCommand(argv[0], argv.slice(1));
  if (argv[0] === 'import') return (await import('./import')).importMain(argv.slice(1));
  if (argv[0] === 'data-key') return (await import('./data-key')).dataKeyCommand(argv.slice(1));
  if (argv[0] === 'open-data') return (await import('./open-data')).openDataCli(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { handles: { type: 'string' }, fingerprint: { type: 'string' } },
  });
  const [area, command, file] = positionals;
  if (
    area !== 'federation' ||
    !['identity', 'trust', 'peers', 'status', 'suspend', 'resume'].includes(command ?? '')
  ) {
    console.error(USAGE);
    return 2;
  }
  if (command === 'trust' && (!file || !values.fingerprint)) {
    console.error(`trust memerlukan berkas identitas dan --fingerprint.\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const dataDir = resolve(config.DATA_DIR);
  const database = await openConfiguredDatabase(config, 2);
  try {
    const federation = postgresFederation(database.db);
    const self = config.PINTU_INSTANCE;
    const secretKey = loadInstanceKey(config.PINTU_INSTANCE_KEY, dataDir);
    const now = new Date();
    if (command === 'identity') {
      if (values.handles !== undefined) {
        const handles = values.handles
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean);
        const unknown = await federation.unknownInstitutionCodes(handles);
        if (unknown.length) {
          console.error(`Instansi tidak dikenal / unknown institutions: ${unknown.join(', ')}`);
          return 1;
        }
        await federation.handle(self, handles, now);
      }
      const handles = (await federation.authority())
        .filter((e) => e.instance === self)
        .map((e) => e.institutionCode);
      const who = { slug: self, name: config.PINTU_INSTANCE_NAME, baseUrl: publicUrlOf(config), handles };
      console.log(identityDocument(secretKey, who, Math.floor(now.getTime() / 1000)));
      console.error(
        `Sidik jari kunci / key fingerprint (${self}): ${keyFingerprint(publicKeyOf(secretKey))}`,
      );
      return 0;
    }
    if (command === 'trust') {
      const { peer, fingerprint, identity } = await trustPeer(
        { federation, now, self },
        { document: readFileSync(file!, 'utf8'), fingerprint: values.fingerprint!, trustedBy: 'cli' },
      );
      console.log(
        `Dipercaya / trusted: ${peer.slug} (${peer.name}) di ${peer.baseUrl}, kunci ${fingerprint}`,
      );
      console.log(`Menangani / handles: ${identity.handles.join(', ') || '—'}`);
      return 0;
    }
    if (command === 'suspend' || command === 'resume') {
      const state = command === 'suspend' ? 'suspended' : 'trusted';
      if (!file || !(await federation.setPeerState(file, state))) {
        console.error(`Instans tidak dikenal / unknown peer: ${file ?? '—'}`);
        return 1;
      }
      console.log(`${file}: ${state}`);
      return 0;
    }
    if (command === 'status') {
      const iso = (d: Date | null) => d?.toISOString() ?? '—';
      console.log('peer\tqueued\toldest\tlast error\tlast delivered');
      for (const b of await federation.backlog())
        console.log(
          `${b.peer}\t${b.queued}\t${iso(b.oldestQueuedAt)}\t${b.lastError ? `${iso(b.lastErrorAt)} ${b.lastError}` : '—'}\t${iso(b.lastDeliveredAt)}`,
        );
      return 0;
    }
    for (const p of await federation.peers())
      console.log(`${p.slug}\t${p.state}\t${p.baseUrl}\t${keyFingerprint(p.publicKey)}\t${p.name}`);
    for (const e of await federation.authority()) console.log(`${e.institutionCode}\t→ ${e.instance}`);
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DomainFailure) {
      console.error(err.error.message);
      for (const f of err.error.fields ?? []) console.error(`  ${f.field}: ${f.code} ${f.message}`);
      process.exit(1);
    }
    if (err instanceof DataDirLockedError || (err instanceof Error && err.name === 'RestoreRefused')) {
      console.error(err.message);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  },
);
