/**
 * `pintu data-key rotate` as an operator runs it (issue 16 §6), on the real server over PGlite: a citizen signs up
 * (the verification mail waits in DATA_DIR/mail, no SMTP), signs in and files a report; the server stops; the
 * command re-seals everything under a new key; the restarted server still signs the citizen in (the e-mail's blind
 * index moved with the key) and opens their sealed identity; the retired key is refused at start, by fingerprint.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../../bench/lib/server-process';
import { dataKeyFingerprint } from '../../src/security/account-cipher';
import { refIds, reportInput } from '../support/fixtures';
import { openTestDatabase } from '../support/test-db';

const ROOT = join(import.meta.dirname, '../../../..');
const EMAIL = 'warga.rotasi@example.id';
const PASSWORD = 'kata-sandi-rotasi-1';
const dataDir = mkdtempSync(join(tmpdir(), 'pintu-it-datakey-'));
let server: RunningServer | null = null;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const keyOf = (file: string) => Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
const start = () => startServer({ env: { DATA_DIR: dataDir }, timeoutMs: 180_000 });

async function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  return fetch(`${server!.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      // The server's public URL is http://localhost:<port>: requests come from that origin.
      origin: server!.url.replace('127.0.0.1', 'localhost'),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function signIn(): Promise<Response> {
  return call('/api/auth/sign-in/email', { method: 'POST', body: { email: EMAIL, password: PASSWORD } });
}
const sessionOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('.session_token=') && !c.endsWith('='))!;

describe('rotating the data key with the server stopped', () => {
  it('re-seals everything; the citizen signs in again and sees their identity; the old key is refused', async () => {
    const template = new Blob([readFileSync(process.env.PINTU_PGLITE_TEMPLATE!)]);
    await (
      await PGlite.create(join(dataDir, 'pglite'), { extensions: { pg_trgm }, loadDataDir: template })
    ).close();
    const ids = await (async () => {
      const d = await openTestDatabase('pglite');
      try {
        return await refIds(d.db);
      } finally {
        await d.close();
      }
    })();

    server = await start();
    const firstKey = keyOf(join(dataDir, 'data.key'));
    const signUp = await call('/api/auth/sign-up/email', {
      method: 'POST',
      body: { name: 'Warga Rotasi', email: EMAIL, password: PASSWORD, phone: '081299988877' },
    });
    expect(signUp.status, await signUp.clone().text()).toBe(200);
    // No SMTP: the verification mail waits, owner-only, in the mail folder.
    const mails = readdirSync(join(dataDir, 'mail')).filter((f) => f.endsWith('.eml'));
    const eml = readFileSync(join(dataDir, 'mail', mails[0]!), 'utf8').replace(/=\r?\n/g, '');
    const link = new URL(
      /https?:\/\/[^\s"<>]*verify-email\?token=[^\s"<>]+/.exec(eml.replace(/=3D/g, '='))![0],
    );
    expect(
      (await fetch(`${server.url}${link.pathname}${link.search}`, { redirect: 'manual' })).status,
    ).toBeLessThan(400);
    const signedIn = await signIn();
    expect(signedIn.status, await signedIn.clone().text()).toBe(200);
    const oldSession = sessionOf(signedIn);
    const filed = await call('/api/v1/reports', {
      method: 'POST',
      body: reportInput(ids.roads, {
        reporter: { name: 'Warga Rotasi', email: EMAIL, phone: '081299988877' },
      }),
      cookie: oldSession,
    });
    expect(filed.status, await filed.clone().text()).toBe(201);
    await server.stop();

    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'packages/server/src/cli/pintu.ts', 'data-key', 'rotate', '--yes'],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr + cli.stdout).toBe(0);
    const newKey = keyOf(join(dataDir, 'data.key'));
    expect(newKey.equals(firstKey)).toBe(false);
    expect(cli.stdout).toContain(`${dataKeyFingerprint(firstKey)} → ${dataKeyFingerprint(newKey)}`);
    expect(cli.stdout).toMatch(/users: [1-9]\d* baris/);
    expect(cli.stdout).toMatch(/reports: [1-9]\d* baris/);
    const retired = readdirSync(dataDir).find((f) => f.startsWith('data.key.retired-'))!;
    expect(keyOf(join(dataDir, retired)).equals(firstKey)).toBe(true);

    server = await start();
    // Cookies were signed with the auth secret derived from the old key: that session is over.
    expect((await call('/api/v1/me', { cookie: oldSession })).status).toBe(401);
    const again = await signIn();
    expect(again.status, await again.clone().text()).toBe(200);
    const cookie = sessionOf(again);
    const me = await (await call('/api/v1/me', { cookie })).json();
    expect(me).toMatchObject({ email: EMAIL, phone: '081299988877' });
    const mine = await (await call('/api/v1/me/data', { cookie })).json();
    expect(JSON.stringify(mine)).toContain('Warga Rotasi');
    await server.stop();

    // The retired key put back by mistake: the server refuses to start and names the key it needs.
    copyFileSync(join(dataDir, retired), join(dataDir, 'data.key'));
    const refused = await start().catch((e: unknown) => String(e));
    expect(refused).toContain('wrong data key');
    expect(refused).toContain(dataKeyFingerprint(newKey));
    server = null;
  }, 600_000);
});
