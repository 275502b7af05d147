/** Runs the real Pintu server as a child process on a fresh database, for load scripts. */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';

export type Engine = 'postgres' | 'pglite';

const root = join(import.meta.dirname, '../..');
/**
 * The bench database. `PINTU_BENCH_DB` names another one, so that two checkouts can run side by side under the same
 * load (a back-to-back comparison on a shared machine: both sides see the same noise; bench/README.md).
 */
const BENCH_DB = process.env.PINTU_BENCH_DB ?? 'pintu_bench';
if (!/^[a-z_][a-z0-9_]{0,40}$/.test(BENCH_DB))
  throw new Error(`PINTU_BENCH_DB: not a plain name: ${BENCH_DB}`);
/** Advisory lock key that serialises bench runs on one database ('pint' + a hash of its name). */
const LOCK_KEY = [...BENCH_DB].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 0x70696e74);
/** The maintenance database used to drop and create the bench database. */
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database for one engine: the server's environment, a row counter and a cleanup. */
export interface FreshDatabase {
  engine: Engine;
  /** The PostgreSQL database name, for CPU accounting; undefined with PGlite. */
  database?: string;
  env: Record<string, string>;
  dataDir: string;
  /** Rows in `reports`; call it after the server has stopped (PGlite allows one process at a time). */
  countReports(): Promise<number>;
  cleanup(): Promise<void>;
}

/** Drops and recreates `pintu_bench` (PostgreSQL) or makes an empty temp data directory (both get one). */
export async function freshDatabase(engine: Engine): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `pintu-bench-${engine}-`));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (engine === 'pglite') {
    return {
      engine,
      dataDir,
      env: { DATA_DIR: dataDir },
      async countReports() {
        // The same extensions as the server passes, or PGlite cannot open the trigram indexes.
        const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: { pg_trgm } });
        try {
          const res = await db.query<{ n: number }>('select count(*)::int as n from reports');
          return res.rows[0]!.n;
        } finally {
          await db.close();
        }
      },
      async cleanup() {
        removeDir();
      },
    };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${BENCH_DB}`;
  const databaseUrl = url.toString();
  let cleaned = false;
  // One bench at a time per PostgreSQL server: a second run would drop the first one's database mid-run. The
  // session-level advisory lock is held by this connection until cleanup (or until the process dies).
  const lock = new pg.Client({ connectionString: adminUrl });
  try {
    await lock.connect();
    const got = await lock.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LOCK_KEY]);
    if (!got.rows[0]!.ok) {
      console.log(`another bench run is using ${BENCH_DB}; waiting for it to finish…`);
      await lock.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    }
    await lock.query(`drop database if exists ${BENCH_DB} with (force)`);
    await lock.query(`create database ${BENCH_DB}`);
  } catch (err) {
    removeDir();
    await lock.end().catch(() => {});
    throw err;
  }
  return {
    engine,
    database: BENCH_DB,
    dataDir,
    // DATA_DIR still matters with PostgreSQL: the generated data key and attachments live there.
    env: { DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    async countReports() {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        const res = await c.query<{ n: number }>('select count(*)::int as n from reports');
        return res.rows[0]!.n;
      } finally {
        await c.end();
      }
    },
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      removeDir();
      try {
        await lock.query(`drop database if exists ${BENCH_DB} with (force)`);
      } finally {
        await lock.end(); // releases the advisory lock
      }
    },
  };
}

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number | undefined;
  /** Seconds from spawn until the server printed "Siap" and /api/health answered. */
  startSeconds: number;
  running(): boolean;
  /** SIGTERM (the server closes its database), SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
  /** The last lines the server printed, for error reports. */
  logTail(lines?: number): string;
}

export interface StartOptions {
  env: Record<string, string>;
  /** Extra Node flags for the child, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  timeoutMs?: number;
}

/** Starts `packages/server/src/main.ts` with PINTU_NO_DEMO=1 and waits until it is seeded and answering. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env };
  // Whatever the caller's shell says, the engine is chosen by opts.env alone.
  if (!opts.env.DATABASE_URL) delete env.DATABASE_URL;
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', PINTU_NO_DEMO: '1' });
  const started = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeFlags ?? []), '--import', 'tsx', 'packages/server/src/main.ts'],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  // Under the test suite every line also goes to test-logs, which scripts/check-test-logs.mjs reads.
  const logFile = process.env.VITEST ? join(root, 'test-logs', `server-${port}-${Date.now()}.log`) : null;
  if (logFile) mkdirSync(join(root, 'test-logs'), { recursive: true });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
    if (logFile) appendFileSync(logFile, chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let alive = true;
  void exited.then(() => {
    alive = false;
  });
  const logTail = (lines = 30) => log.trimEnd().split('\n').slice(-lines).join('\n');
  const stop = async () => {
    if (!alive) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = started + (opts.timeoutMs ?? 300_000);
  try {
    for (;;) {
      if (!alive) throw new Error(`the server exited during start-up:\n${logTail()}`);
      if (Date.now() > deadline) throw new Error(`the server was not ready in time:\n${logTail()}`);
      if (log.includes('Siap')) {
        const ok = await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    pid: child.pid,
    running: () => alive,
    startSeconds: (Date.now() - started) / 1000,
    stop,
    logTail,
  };
}
