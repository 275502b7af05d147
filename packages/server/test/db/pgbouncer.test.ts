/**
 * Behind PgBouncer in transaction mode (Debian's 1.18, as a national deployment would pool: issue 18), consecutive
 * statements of one client connection run on whichever server connection is free. Named prepared statements break
 * there; with `DATABASE_POOLER=transaction` (openDatabase's `pooler`) concurrent lifecycle saves go through whole.
 * The real pgbouncer binary runs here, with two server connections for many clients, so every save crosses them.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkingDayCalendar } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { useNamedStatements } from '../../src/db/named-statements';
import { type Database, openDatabase } from '../../src/db/open';
import { refIds } from '../support/fixtures';
import { act, fileInto, holderById, staffOf } from '../support/sla-fixtures';
import { NO_POSTGRES, openTestDatabase, postgresOnly } from '../support/test-db';

const PGBOUNCER = '/usr/sbin/pgbouncer';
const missing = !existsSync(PGBOUNCER);
if (missing && process.env.PINTU_REQUIRE_PGBOUNCER && !NO_POSTGRES)
  throw new Error(`PINTU_REQUIRE_PGBOUNCER is set but ${PGBOUNCER} is missing (apt-get install pgbouncer)`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts pgbouncer in transaction mode in front of `dbName`: two server connections, however many clients. */
async function startBouncer(dbName: string): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'pintu-pgbouncer-'));
  chmodSync(dir, 0o777); // pgbouncer refuses to run as root: it runs as postgres and writes its log here
  const port = await freePort();
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    `[databases]
${dbName} = host=127.0.0.1 port=5432 user=postgres dbname=${dbName}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = any
pool_mode = transaction
default_pool_size = 2
min_pool_size = 2
max_client_conn = 200
logfile = ${join(dir, 'pgbouncer.log')}
pidfile = ${join(dir, 'pgbouncer.pid')}
`,
  );
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', PGBOUNCER, join(dir, 'pgbouncer.ini')], { stdio: 'ignore' })
    : spawn(PGBOUNCER, [join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  const log = () =>
    existsSync(join(dir, 'pgbouncer.log')) ? readFileSync(join(dir, 'pgbouncer.log'), 'utf8') : '';
  for (let i = 0; !log().includes('process up'); i++) {
    if (i > 100 || child.exitCode !== null) throw new Error(`pgbouncer did not start:\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${dbName}`,
    stop: () => {
      // runuser does not pass the signal on: stop pgbouncer by its pid file.
      const pid = existsSync(join(dir, 'pgbouncer.pid'))
        ? readFileSync(join(dir, 'pgbouncer.pid'), 'utf8')
        : '';
      if (pid.trim()) execFileSync('kill', [pid.trim()]);
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe.skipIf(NO_POSTGRES || missing)(
  postgresOnly(
    `lifecycle saves through PgBouncer in transaction mode${missing ? ' — skipped: no pgbouncer' : ''}`,
  ),
  () => {
    let direct: Database;
    let bouncer: { url: string; stop: () => void };
    let calendar: WorkingDayCalendar;
    let institutionId: number;

    beforeAll(async () => {
      direct = await openTestDatabase('postgres');
      const name = (await direct.db.execute(sql`select current_database() as n`)).rows[0]!.n as string;
      bouncer = await startBouncer(name);
      calendar = (await loadCalendar(direct.db)).get();
      institutionId = (await refIds(direct.db)).samarinda;
    });
    afterAll(async () => {
      useNamedStatements(true);
      bouncer?.stop();
      await direct?.close();
    });

    /** Files `n` reports directly, then verifies and acknowledges each through `through`, all at once. */
    async function lifecycles(through: Database, n: number) {
      const at = new Date('2024-06-03T02:00:00Z');
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await fileInto(direct.db, calendar, institutionId, at));
      const holder = await holderById(direct.db, institutionId);
      const staff = staffOf(institutionId);
      const results = await Promise.allSettled(
        ids.map(async (trackingId) => {
          await act(
            through.db,
            calendar,
            trackingId,
            { type: 'verify', targets: [holder] },
            staff.coordinator,
            at,
          );
          await act(
            through.db,
            calendar,
            trackingId,
            { type: 'acknowledge', complexity: 'simple', message: 'Kami tinjau lokasinya minggu ini.' },
            staff.liaison,
            at,
          );
        }),
      );
      // drizzle wraps a driver error ("Failed query: …"): PostgreSQL's own message is its cause.
      const why = (e: unknown) => String((e as { cause?: unknown }).cause ?? e);
      return { ids, errors: results.flatMap((r) => (r.status === 'rejected' ? [why(r.reason)] : [])) };
    }

    it('named prepared statements break there: the reason for the setting', async () => {
      const through = await openDatabase({ databaseUrl: bouncer.url, poolSize: 8, pooler: 'none' });
      try {
        const { errors } = await lifecycles(through, 16);
        expect(errors.length).toBeGreaterThan(0);
        expect(
          errors.every((e) => /prepared statement "pintu_\w+" (does not exist|already exists)/.test(e)),
        ).toBe(true);
      } finally {
        await through.close();
      }
    }, 60_000);

    it('with DATABASE_POOLER=transaction every save goes through, each chain whole', async () => {
      const through = await openDatabase({ databaseUrl: bouncer.url, poolSize: 8, pooler: 'transaction' });
      try {
        const { ids, errors } = await lifecycles(through, 16);
        expect(errors).toEqual([]);
        const rows = (
          await direct.db.execute(sql`select r.status, count(e.id)::int as events, max(e.seq) as last,
              bool_and(e.seq = 1 or e.prev_hash is not null) as linked
            from reports r join events e on e.report_id = r.id
            where r.tracking_id = any(${`{${ids.join(',')}}`}::text[]) group by r.id`)
        ).rows;
        expect(rows).toHaveLength(16);
        // Filed, verified, acknowledged: each report's chain numbered without a gap and linked throughout.
        expect(
          rows.every((r) => r.status === 'in_progress' && r.events === r.last && r.linked === true),
        ).toBe(true);
        expect(rows.every((r) => Number(r.events) >= 3)).toBe(true);
      } finally {
        await through.close();
      }
    }, 60_000);
  },
);
