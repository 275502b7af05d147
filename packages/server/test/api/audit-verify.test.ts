/**
 * The audit trail anyone can verify (issue 16): someone with database access edits, deletes, reorders and inserts
 * events, and rewrites a whole chain consistently; `pintu audit verify` (a real process) names each report, and
 * after the tracks are covered in the checkpoint tables a saved copy of the published checkpoints still fails.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '../../src/db/event-chain';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { createApp } from '../../src/http/app';
import { instanceSelf } from '../../src/security/instance-identity';
import { generateInstanceKeys } from '../../src/security/instance-keys';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { NO_POSTGRES, postgresOnly } from '../support/test-db';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');

describe.skipIf(NO_POSTGRES)(postgresOnly('audit verify names every tampered report (PostgreSQL)'), () => {
  let t: TestApp;
  let admin: SignedIn;
  let tamper: pg.Client;
  const dir = mkdtempSync(join(tmpdir(), 'pintu-audit-'));
  const keys = generateInstanceKeys();
  const tracking: string[] = [];
  let env: Record<string, string>;

  const pintu = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/pintu.ts', 'audit', ...args], {
      cwd: root,
      env,
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        stdout: e.stdout + e.stderr,
      }),
    );
  const brokenLines = (stdout: string) =>
    stdout
      .split('\n')
      .filter((l) => l.startsWith('RUSAK / BROKEN\t'))
      .map((l) => l.split('\t').slice(1, 3));
  const idOf = async (trackingId: string) =>
    Number((await tamper.query('select id from reports where tracking_id = $1', [trackingId])).rows[0].id);

  beforeAll(async () => {
    t = await startTestApp({ engine: 'postgres' });
    // The server and the CLI sign with the same instance key, as one install does (DATA_DIR or PINTU_INSTANCE_KEY).
    const instance = instanceSelf(keys.secretKey, {
      slug: 'nasional',
      name: 'Pintu uji',
      baseUrl: t.publicUrl,
    });
    t.app = createApp({ ...t.deps, instance });
    const ids = await refIds(t.deps.db);
    admin = await signInAs(t, { role: 'national_admin' });
    for (let i = 0; i < 7; i++) {
      const filed = await t.post(
        '/api/v1/reports',
        reportInput(ids.roads, { title: `Jalan rusak nomor ${i + 1} di Samarinda` }),
      );
      expect(filed.status).toBe(201);
      const { trackingId } = await filed.json();
      tracking.push(trackingId);
      const act = (body: unknown) => t.post(`/api/v1/reports/${trackingId}/actions`, body, admin.headers);
      expect((await act({ action: 'verify', targets: [ids.samarinda] })).status).toBe(200);
      expect(
        (await act({ action: 'comment_internal', message: 'Sudah diteruskan ke dinas teknis.' })).status,
      ).toBe(200);
    }
    const db = (await t.deps.db.execute(sql`select current_database() as name`)).rows[0]!.name as string;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${db}`;
    env = {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/root',
      DATABASE_URL: url.toString(),
      DATA_DIR: dir,
      PINTU_INSTANCE: 'nasional',
      PINTU_INSTANCE_KEY: keys.secretKey,
    };
    // The one who tampers: a superuser session with the append-only trigger switched off.
    tamper = new pg.Client({ connectionString: url.toString() });
    await tamper.connect();
    await tamper.query(`set session_replication_role = replica`);
  }, 120_000);
  afterAll(async () => {
    await tamper?.end();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes an intact log, then names each report whose events were edited, deleted, reordered or inserted', async () => {
    const clean = await pintu('verify');
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toContain('7 laporan, 21 peristiwa');
    expect(clean.stdout).toContain('UTUH / INTACT');

    const made = await pintu('checkpoint');
    expect(made.code, made.stdout).toBe(0);
    const published = await t.get('/api/v1/audit/checkpoints');
    expect(published.status).toBe(200);
    const history = await published.json();
    expect(history.checkpoints).toHaveLength(1);
    expect(history.checkpoints[0]).toMatchObject({ seq: 1, reports: 7, events: 21, prevRoot: null });
    writeFileSync(join(dir, 'published.json'), JSON.stringify(history));

    const [edited, deleted, reordered, inserted, rewritten] = tracking as [
      string,
      string,
      string,
      string,
      string,
    ];
    // Edited: an internal comment says something else.
    await tamper.query(
      `update events set payload = '{"message":"Tidak ada masalah."}' where report_id = $1 and seq = 3`,
      [await idOf(edited)],
    );
    // Deleted: the verification event is gone.
    await tamper.query('delete from events where report_id = $1 and seq = 2', [await idOf(deleted)]);
    // Reordered: the comment and the verification swap places.
    const r = await idOf(reordered);
    await tamper.query('update events set seq = 99 where report_id = $1 and seq = 2', [r]);
    await tamper.query('update events set seq = 2 where report_id = $1 and seq = 3', [r]);
    await tamper.query('update events set seq = 3 where report_id = $1 and seq = 99', [r]);
    // Inserted: a comment put in after the filing, its hash computed correctly from its predecessor.
    const ins = await idOf(inserted);
    await tamper.query('update events set seq = seq + 10 where report_id = $1 and seq >= 2', [ins]);
    await tamper.query('update events set seq = seq - 9 where report_id = $1 and seq >= 12', [ins]);
    const [first] = await readEvents(t.deps.db, inserted);
    const forged = {
      trackingId: inserted,
      seq: 2,
      action: 'comment_internal',
      actorId: null,
      actorRole: 'national_admin',
      institutionId: null,
      at: new Date(first!.at.getTime() + 1000),
      fromStatus: null,
      toStatus: null,
      payload: { message: 'Pelapor sudah dihubungi.' },
    };
    await tamper.query(
      `insert into events (report_id, seq, action, actor_role, at, payload, prev_hash, hash)
       values ($1, 2, 'comment_internal', 'national_admin', $2, $3, $4, $5)`,
      [ins, forged.at, forged.payload, first!.hash, eventHash(first!.hash, forged)],
    );
    // Rewritten: the first event's text changed and every hash after it recomputed — the chain alone is intact.
    const w = await idOf(rewritten);
    const chain = await readEvents(t.deps.db, rewritten);
    let prev: string | null = null;
    for (const e of chain) {
      const { prevHash: _p, hash: _h, ...content } = e;
      if (e.seq === 1) content.payload = { ...content.payload, note: 'ditulis ulang' };
      const hash = eventHash(prev, content);
      await tamper.query(
        'update events set payload = $1, prev_hash = $2, hash = $3 where report_id = $4 and seq = $5',
        [content.payload, prev, hash, w, e.seq],
      );
      prev = hash;
    }

    const after = await pintu('verify');
    expect(after.code).toBe(1);
    expect(new Map(brokenLines(after.stdout).map(([id, fault]) => [id, fault]))).toEqual(
      new Map([
        [edited, 'edited'],
        [deleted, 'deleted'],
        [reordered, 'reordered'],
        [inserted, 'inserted'],
        [rewritten, 'rewritten_since_checkpoint'],
      ]),
    );
    for (const untouched of tracking.slice(5)) expect(after.stdout).not.toContain(untouched);

    // The oversight endpoint says the same; staff of an institution may not run it.
    const ombudsman = await signInAs(t, { role: 'oversight' });
    const viaApi = await t.post('/api/v1/audit/verify', {}, ombudsman.headers);
    expect(viaApi.status).toBe(200);
    const body = await viaApi.json();
    expect(body.ok).toBe(false);
    expect(body.findings.map((f: { trackingId: string }) => f.trackingId).sort()).toEqual(
      tracking.slice(0, 5).sort(),
    );
    const clerk = await signInAs(t, {
      role: 'liaison_officer',
      institutionId: (await refIds(t.deps.db)).samarinda,
    });
    expect((await t.post('/api/v1/audit/verify', {}, clerk.headers)).status).toBe(403);
    expect((await t.post('/api/v1/audit/verify', {}, { origin: t.publicUrl })).status).toBe(401);
  }, 120_000);

  it('fails against the published checkpoint once the tracks are covered in the checkpoint tables', async () => {
    // The tamperer makes the stored heads and root agree with the rewritten chain; they cannot sign.
    const w = await idOf(tracking[4]!);
    const head = (
      await tamper.query('select seq, hash from events where report_id = $1 order by seq desc limit 1', [w])
    ).rows[0];
    await tamper.query('update audit_checkpoint_heads set hash = $1 where report_id = $2', [head.hash, w]);
    const local = await pintu('verify');
    expect(local.stdout).toMatch(/CHECKPOINT 1\troot_mismatch/);
    // Then they drop the checkpoints altogether: nothing local is left to compare, but a published copy is.
    await tamper.query('delete from audit_checkpoints');
    const against = await pintu('verify', `--published=${join(dir, 'published.json')}`);
    expect(against.code).toBe(1);
    expect(against.stdout).toMatch(/CHECKPOINT 1\tmissing/);
    // A copy whose root was altered is not this instance's: its signature fails.
    const copy = JSON.parse(readFileSync(join(dir, 'published.json'), 'utf8'));
    copy.checkpoints[0].root = 'ab'.repeat(32);
    writeFileSync(join(dir, 'altered.json'), JSON.stringify(copy));
    const altered = await pintu('verify', `--published=${join(dir, 'altered.json')}`);
    expect(altered.stdout).toMatch(/CHECKPOINT 1\tbad_signature/);

    // An outsider's stand-alone check (docs/audit.md) agrees: the real copy verifies, the altered one does not.
    const outsider = (file: string) =>
      run(process.execPath, ['examples/audit/verify-checkpoints.mjs', join(dir, file)], { cwd: root }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    expect(await outsider('published.json')).toMatchObject({
      code: 0,
      out: expect.stringContaining('all checkpoints verify'),
    });
    expect(await outsider('altered.json')).toMatchObject({
      code: 1,
      out: expect.stringContaining('BAD SIGNATURE'),
    });
  }, 120_000);
});
