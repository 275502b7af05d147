/**
 * The two-sided key exchange through the operators' CLI (issue 13 §1, ADR 0013): two instances on two databases
 * each print their identity; each operator trusts the other's document with the fingerprint the other read out;
 * a wrong fingerprint is refused with nothing stored. Real processes (`npm run pintu`'s entry) on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_POSTGRES, postgresOnly } from '../support/test-db';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');
const url = process.env.TEST_DATABASE_URL;

describe.skipIf(NO_POSTGRES)(postgresOnly('federation CLI: two instances exchange keys (PostgreSQL)'), () => {
  const suffix = randomBytes(4).toString('hex');
  const dir = mkdtempSync(join(tmpdir(), 'pintu-fed-cli-'));
  const instances = {
    nasional: { db: `pintu_test_fed_n_${suffix}`, name: 'SP4N-LAPOR! (Pintu nasional)', port: 3101 },
    kaltim: { db: `pintu_test_fed_k_${suffix}`, name: 'LAPOR WAL! Kalimantan Timur', port: 3102 },
  };
  const envOf = (slug: keyof typeof instances) => {
    const target = new URL(url!);
    target.pathname = `/${instances[slug].db}`;
    return {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/root',
      DATABASE_URL: target.toString(),
      DATA_DIR: join(dir, slug),
      PINTU_INSTANCE: slug,
      PINTU_INSTANCE_NAME: instances[slug].name,
      PUBLIC_URL: `http://127.0.0.1:${instances[slug].port}`,
    };
  };
  const pintu = (slug: keyof typeof instances, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/pintu.ts', ...args], {
      cwd: root,
      env: envOf(slug),
    });
  const fails = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const i of Object.values(instances))
      await admin.query(`create database ${i.db} template ${process.env.PINTU_PG_TEMPLATE}`);
    await admin.end();
  }, 60_000);
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const i of Object.values(instances))
      await admin.query(`drop database if exists ${i.db} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('each side trusts the other only with the fingerprint the other printed', async () => {
    const kaltim = await pintu(
      'kaltim',
      'federation',
      'identity',
      '--handles=pemprov-64,pemda-64.72,pemda-64.71',
    );
    const nasional = await pintu('nasional', 'federation', 'identity');
    const fingerprintOf = (stderr: string) => /fingerprint \(\w+\): ([0-9a-f ]+)/.exec(stderr)![1]!.trim();
    writeFileSync(join(dir, 'kaltim.json'), kaltim.stdout);
    writeFileSync(join(dir, 'nasional.json'), nasional.stdout);

    // A fingerprint that is not the one Kaltim's operator read out: refused, nothing stored.
    const wrong = await fails(
      pintu(
        'nasional',
        'federation',
        'trust',
        join(dir, 'kaltim.json'),
        `--fingerprint=${fingerprintOf(nasional.stderr)}`,
      ),
    );
    expect(wrong?.code).toBe(1);
    expect(wrong?.stderr).toMatch(/fingerprint: mismatch/);
    expect((await pintu('nasional', 'federation', 'peers')).stdout).toBe('');

    const atNational = await pintu(
      'nasional',
      'federation',
      'trust',
      join(dir, 'kaltim.json'),
      `--fingerprint=${fingerprintOf(kaltim.stderr)}`,
    );
    expect(atNational.stdout).toContain('kaltim (LAPOR WAL! Kalimantan Timur) di http://127.0.0.1:3102');
    await pintu(
      'kaltim',
      'federation',
      'trust',
      join(dir, 'nasional.json'),
      `--fingerprint=${fingerprintOf(nasional.stderr)}`,
    );

    const peersAtNational = (await pintu('nasional', 'federation', 'peers')).stdout;
    expect(peersAtNational).toContain(
      `kaltim\ttrusted\thttp://127.0.0.1:3102\t${fingerprintOf(kaltim.stderr)}`,
    );
    expect(peersAtNational).toContain('pemda-64.72\t→ kaltim');
    const peersAtKaltim = (await pintu('kaltim', 'federation', 'peers')).stdout;
    expect(peersAtKaltim).toContain(
      `nasional\ttrusted\thttp://127.0.0.1:3101\t${fingerprintOf(nasional.stderr)}`,
    );
    expect(peersAtKaltim).toContain('pemprov-64\t→ kaltim');

    // The national operator suspends Kaltim (nothing is sent, its messages are refused), then resumes it.
    expect((await pintu('nasional', 'federation', 'suspend', 'kaltim')).stdout).toContain(
      'kaltim: suspended',
    );
    expect((await pintu('nasional', 'federation', 'peers')).stdout).toContain('kaltim\tsuspended\t');
    expect((await fails(pintu('nasional', 'federation', 'suspend', 'jabar')))?.code).toBe(1);
    await pintu('nasional', 'federation', 'resume', 'kaltim');
    expect((await pintu('nasional', 'federation', 'status')).stdout).toMatch(/^kaltim\t0\t—\t—\t—$/m);
  }, 120_000);
});
