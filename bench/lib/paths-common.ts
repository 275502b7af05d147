/** What the sections of bench/paths.ts share: the run's context, a table row, CPU accounting, number formats. */
import { type CpuShares, cpuSample, cpuShares } from './cpu';
import type { Generated } from './generate';
import type { RunningServer } from './server-process';

export interface PathsContext {
  g: Generated;
  server: RunningServer;
  /** The server's SQL tap file (sql-tap.mjs). */
  tap: string;
  seconds: number;
  warmup: number;
  /** Connections of the throughput paths (report page, intake). */
  connections: number;
  /** Connections of the latency paths (search, lists, inbox). */
  latencyConnections: number;
  log: (line: string) => void;
}

export interface Row {
  path: string;
  pintu: string;
  budget: string;
  raw: string;
  ratio: string;
  /** null: no budget (information). */
  pass: boolean | null;
  cpu: CpuShares | null;
  notes: string[];
}

/** Above this share of a core used by other processes, a figure is flagged as taken on a busy machine. */
export const NOISY_OTHER = 20;

/**
 * A CPU reading over a window the caller chooses: a load that opens its own database connections starts it once
 * they are open and stops it before they close (a backend that has exited no longer shows its CPU).
 */
export interface Meter {
  start(benchPids?: readonly number[]): void;
  stop(): CpuShares | null;
}

export function meter(ctx: Pick<PathsContext, 'server' | 'g'>): Meter {
  let a: ReturnType<typeof cpuSample> = null;
  let pids: readonly number[] = [];
  let t0 = 0;
  return {
    start(benchPids = []) {
      pids = benchPids;
      a = cpuSample(ctx.server.pid, ctx.g.db, pids);
      t0 = Date.now();
    },
    stop: () => cpuShares(a, cpuSample(ctx.server.pid, ctx.g.db, pids), (Date.now() - t0) / 1000),
  };
}

/** Runs `f`, returning its result and where the CPU went meanwhile (server, PostgreSQL, this process, other). */
export async function withCpu<T>(
  ctx: PathsContext,
  f: () => Promise<T>,
): Promise<{ value: T; cpu: CpuShares | null }> {
  const a = cpuSample(ctx.server.pid, ctx.g.db);
  const t0 = Date.now();
  const value = await f();
  return { value, cpu: cpuShares(a, cpuSample(ctx.server.pid, ctx.g.db), (Date.now() - t0) / 1000) };
}

/** A note when other processes took a noticeable share of the machine during a raw run. */
export const busyNote = (what: string, c: CpuShares | null): string[] =>
  c && c.other > NOISY_OTHER
    ? [`${what}: other processes used ${c.other.toFixed(0)}% of a core — BUSY MACHINE`]
    : [];

export const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : '–');
export const per = (x: number) => `${Math.round(x).toLocaleString('en')}/s`;
export const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
export const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** Waits until the server's CPU stays under 10% of a core for 3 s (its start-up jobs done), at most `maxSeconds`. */
export async function waitIdle(
  ctx: Pick<PathsContext, 'server' | 'g' | 'log'>,
  maxSeconds = 240,
): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    const a = cpuSample(ctx.server.pid, ctx.g.db);
    await sleep(3000);
    const c = cpuShares(a, cpuSample(ctx.server.pid, ctx.g.db), 3);
    if (!c || c.server + c.postgres < 10) {
      ctx.log(`server idle after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
      return;
    }
    if ((Date.now() - t0) / 1000 > maxSeconds) {
      ctx.log(
        `server still busy after ${maxSeconds} s (server ${c.server.toFixed(0)}%, PostgreSQL ${c.postgres.toFixed(0)}%): going on`,
      );
      return;
    }
  }
}

/** The table, with the CPU of each row and the warnings under it. */
export function printTable(rows: Row[], log: (line: string) => void): void {
  const head = ['path', 'Pintu', 'budget', 'raw PostgreSQL (same SQL, same run)', 'ratio', 'verdict'];
  const cells = rows.map((r) => [
    r.path,
    r.pintu,
    r.budget,
    r.raw,
    r.ratio,
    r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join(' | ');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) log(line(c));
  log('');
  for (const r of rows) {
    const c = r.cpu;
    const cpu = c
      ? `CPU % of a core: server ${c.server.toFixed(0)}, PostgreSQL ${c.postgres.toFixed(0)}, bench ${c.bench.toFixed(0)}, other ${c.other.toFixed(0)}${c.other > NOISY_OTHER ? ' — BUSY MACHINE, figure low' : ''}`
      : '';
    log(`${r.path}: ${cpu}`);
    for (const n of r.notes) log(`    ${n}`);
  }
}
