/**
 * Issue 12's must-show: a restart between the first request and the retry still returns the first answer. The real
 * server (src/main.ts) runs as a child process on a PostgreSQL test database and is killed with SIGKILL; a new
 * process on the same database answers the retry. Twice: after the first answer was stored, and while the filing's
 * statement — report and answer in one — was still running (held there by a trigger this test installs).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../../bench/lib/server-process';
import { reportInput } from '../support/fixtures';
import { NO_POSTGRES, postgresOnly } from '../support/test-db';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(NO_POSTGRES)(postgresOnly('Idempotency-Key across a server restart (PostgreSQL)'), () => {
  const name = `pintu_test_idem_${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'pintu-idem-'));
  let env: Record<string, string>;
  let client: pg.Client;
  let server: RunningServer | null = null;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${process.env.PINTU_PG_TEMPLATE}`);
    await admin.end();
    const target = new URL(url!);
    target.pathname = `/${name}`;
    // The same data key for both processes, as a deployment has: the stored answer is sealed with it.
    env = {
      DATABASE_URL: target.toString(),
      DATA_DIR: dataDir,
      PINTU_DATA_KEY: randomBytes(32).toString('base64'),
    };
    client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await client?.end();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const roadsId = async () =>
    (
      await client.query<{ id: number }>(
        `select id from categories where code = 'infrastruktur.jalan-kabupaten'`,
      )
    ).rows[0]!.id;
  const sender = (input: unknown, key: string) => (base: string) =>
    fetch(`${base}/api/v1/reports`, {
      method: 'POST',
      body: JSON.stringify(input),
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
    });
  const countTitled = async (title: string) =>
    (await client.query<{ n: number }>('select count(*)::int as n from reports where title = $1', [title]))
      .rows[0]!.n;
  const kill = async (s: RunningServer) => {
    // A crash, not a shutdown: nothing gets the chance to tidy up.
    process.kill(s.pid!, 'SIGKILL');
    await s.stop();
    expect(s.running()).toBe(false);
  };

  it('a retry sent to a new process after the first was killed gets the first answer; one report', async () => {
    const input = reportInput(await roadsId(), { title: `Jalan amblas setelah hujan ${name}` });
    const send = sender(input, 'c0ffee-restart-1');

    server = await startServer({ env, timeoutMs: 120_000 });
    const first = await send(server.url);
    expect(first.status).toBe(201);
    const firstBody = await first.json();
    await kill(server);

    server = await startServer({ env, timeoutMs: 120_000 });
    const retry = await send(server.url);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(await retry.json()).toEqual(firstBody);
    expect(await countTitled(input.title)).toBe(1);
  }, 300_000);

  it('killed while its filing was being written: neither the report nor the answer exists, the retry files once', async () => {
    const input = reportInput(await roadsId(), { title: `Lampu jalan padam sebulan ${name}` });
    const send = sender(input, 'c0ffee-restart-2');
    // The filing's one statement (report, answer and all) hangs before it commits: the process is killed there.
    await client.query(`create function pintu_test_hang() returns trigger language plpgsql as $$
      begin if new.key = 'c0ffee-restart-2' then perform pg_sleep(120); end if; return new; end $$`);
    await client.query(`create trigger pintu_test_hang before insert on idempotency_keys
      for each row execute function pintu_test_hang()`);
    try {
      await server?.stop();
      server = await startServer({ env, timeoutMs: 120_000 });
      const lost = send(server.url).catch(() => null);
      for (let i = 0; ; i++) {
        const hung = await client.query(
          `select 1 from pg_stat_activity where datname = $1 and wait_event = 'PgSleep'`,
          [name],
        );
        if (hung.rowCount) break;
        if (i > 300) throw new Error('the first request never reached the writing of its filing');
        await new Promise((r) => setTimeout(r, 100));
      }
      await kill(server);
      expect(await lost).toBeNull(); // the client never got an answer
      // Its connections die with it (a killed process's sockets close; PostgreSQL ends their sessions).
      await client.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name],
      );
    } finally {
      await client.query('drop trigger if exists pintu_test_hang on idempotency_keys');
      await client.query('drop function if exists pintu_test_hang()');
    }
    // Half a filing cannot exist: the report, its answer and the key were one statement.
    expect(await countTitled(input.title)).toBe(0);
    const row = await client.query(`select state from idempotency_keys where key = 'c0ffee-restart-2'`);
    expect(row.rows).toEqual([]);

    server = await startServer({ env, timeoutMs: 120_000 });
    const retry = await send(server.url);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const body = (await retry.json()) as { trackingId: string; accessCode: string };
    const own = await fetch(`${server.url}/api/v1/reports/${body.trackingId}`, {
      headers: { 'x-access-code': body.accessCode },
    });
    expect(((await own.json()) as { view: string }).view).toBe('reporter');
    // And that answer is the one kept from here on.
    const again = await send(server.url);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(body);
    expect(await countTitled(input.title)).toBe(1);
  }, 300_000);
});
