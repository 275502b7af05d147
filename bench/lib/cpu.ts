/**
 * Where the machine's CPU went during a run, from /proc (Linux): the server, PostgreSQL working for the bench
 * database, this process (autocannon) and everything else. On a shared 2-core machine "everything else" says
 * whether the numbers can be trusted.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux build in use

export interface CpuSample {
  server: number;
  /** Per backend: a backend that exits between two readings drops out instead of making the sum go down. */
  postgres: Map<number, number>;
  bench: number;
  /** Busy time of the whole machine (all CPUs), including irq and softirq. */
  machine: number;
}

/** Shares of one core (100 = one core busy) over a run. */
export type CpuShares = Record<'server' | 'postgres' | 'bench' | 'other', number>;

function statFields(pid: string | number): number[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces: [0] state, [1] ppid, …
    return stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
  } catch {
    return null;
  }
}

function ticksOf(pid: string | number): number {
  const f = statFields(pid);
  return f ? f[11]! + f[12]! : 0;
}

const pids = () => readdirSync('/proc').filter((p) => /^\d+$/.test(p));

/** A process and its descendants (the server's cluster workers, tsx's esbuild). */
function treeTicks(root: number): number {
  const children = new Map<number, number[]>();
  for (const pid of pids()) {
    const ppid = statFields(pid)?.[1];
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += ticksOf(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

// The server processes that work for the bench: its database's backends and autovacuum workers, and the shared
// writers. Other databases' backends (other people's tests on a shared machine) count as "other".
function postgresTicks(database: string | undefined): Map<number, number> {
  const ticks = new Map<number, number>();
  if (!database) return ticks;
  const ours = new RegExp(`^postgres: .*(\\s${database}(\\s|$)|walwriter|checkpointer|background writer)`);
  for (const pid of pids()) {
    try {
      if (ours.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')))
        ticks.set(Number(pid), ticksOf(pid));
    } catch {}
  }
  return ticks;
}

function machineTicks(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  return f.reduce((a, b) => a + b, 0) - f[3]! - f[4]!;
}

/**
 * A reading now (`database`: the PostgreSQL database under test, if any; `benchPids`: child processes of the bench
 * counted as its own, e.g. pgbench), or null where /proc is not there.
 */
export function cpuSample(
  serverPid: number | undefined,
  database?: string,
  benchPids: readonly number[] = [],
): CpuSample | null {
  try {
    return {
      server: serverPid ? treeTicks(serverPid) : 0,
      postgres: postgresTicks(database),
      bench: benchPids.reduce((sum, pid) => sum + ticksOf(pid), ticksOf(process.pid)),
      machine: machineTicks(),
    };
  } catch {
    return null;
  }
}

/** The shares of one core each used between two readings `seconds` apart. */
export function cpuShares(a: CpuSample | null, b: CpuSample | null, seconds: number): CpuShares | null {
  if (!a || !b || seconds <= 0) return null;
  const pct = (ticks: number) => Math.max(0, (100 * ticks) / TICKS_PER_SECOND / seconds);
  const server = b.server - a.server;
  // A backend seen only in the second reading started during the window: all its time is in it.
  let postgres = 0;
  for (const [pid, t] of b.postgres) postgres += t - (a.postgres.get(pid) ?? 0);
  const bench = b.bench - a.bench;
  const other = b.machine - a.machine - server - postgres - bench;
  return { server: pct(server), postgres: pct(postgres), bench: pct(bench), other: pct(other) };
}
