/**
 * pgbench running the statements of one server request, with a different report per transaction. pgbench cannot
 * build a string from a number, so the values come from K variables given with -D (K tracking ids of random
 * reports) and a binary tree of \if on a random number picks one: every transaction is the server's own SQL with
 * one of K parameter sets, one round trip per statement, prepared (-M prepared). Each client prepares all K
 * statements at its first transaction, so the first seconds are left out (`skip`): tps and p99 come from the
 * per-transaction log over the rest. K is small (32): the variety is less than the server's random reports, so the
 * raw figure is, if anything, flattered by a warmer cache.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CpuShares } from './cpu';
import type { Statement } from './paths-capture';
import type { Meter } from './paths-common';
import { percentile } from './paths-load';

const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

export interface PgbenchResult {
  cpu: CpuShares | null;
  tps: number;
  p50: number;
  p99: number;
  count: number;
  script: string;
}

/**
 * pgbench takes every `:name` in a command for a variable, even in a string literal or a comment (e.g. to_char's
 * 'HH24:MI:SS'): comments are dropped and such a literal is split after each colon ('HH24:' || 'MI:' || 'SS'), a
 * constant the planner folds back — the same query, in a form pgbench passes through untouched.
 */
export function pgbenchSafe(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; ) {
    const ch = sql[i]!;
    if (ch === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      const literal = sql.slice(i, j + 1);
      out += /:[A-Za-z_]/.test(literal) ? `(${literal.replace(/:(?=[A-Za-z_])/g, ":' || '")})` : literal;
      i = j + 1;
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** The script: `variants[k]` are the statements of request k (same texts, their own values). */
export function pgbenchScript(variants: Statement[][]): { script: string; vars: string[] } {
  const vars: string[] = [];
  const leaf = (k: number) =>
    variants[k]!.map((s) => {
      const sql = pgbenchSafe(s.text).replace(/\$(\d+)\b/g, (_, i: string) => {
        const value = String(s.values[Number(i) - 1]);
        if (/\s|'/.test(value)) throw new Error(`pgbench: a parameter with a space or quote: ${value}`);
        vars.push(`v${k}_${i}=${value}`);
        return `:v${k}_${i}`;
      });
      return `${sql.trim().replace(/;$/, '')};`;
    });
  const tree = (lo: number, hi: number): string[] => {
    if (hi - lo === 1) return leaf(lo);
    const mid = (lo + hi) >> 1;
    return [`\\if :k < ${mid}`, ...tree(lo, mid), '\\else', ...tree(mid, hi), '\\endif'];
  };
  const script = [`\\set k random(0, ${variants.length - 1})`, ...tree(0, variants.length)].join('\n');
  return { script: `${script}\n`, vars: [...new Set(vars)] };
}

/** Runs pgbench -M prepared with `clients` clients and `threads` threads for `seconds` on `url`. */
export async function runPgbench(
  url: string,
  variants: Statement[][],
  o: { clients: number; threads: number; seconds: number; skip: number; meter?: Meter },
): Promise<PgbenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pintu-pgbench-'));
  try {
    const { script, vars } = pgbenchScript(variants);
    writeFileSync(join(dir, 'path.sql'), script);
    if (process.env.PGBENCH_KEEP) writeFileSync(process.env.PGBENCH_KEEP, script);
    const u = new URL(url);
    const args = [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(o.clients),
      '-j',
      String(o.threads),
      '-T',
      String(o.seconds + o.skip),
      '-f',
      join(dir, 'path.sql'),
      '-l',
      `--log-prefix=${join(dir, 'log')}`,
      ...vars.flatMap((v) => ['-D', v]),
      '-h',
      // The Unix socket's directory when the URL names one (`?host=/var/run/postgresql`), as libpq reads it.
      u.searchParams.get('host') ?? u.hostname,
      '-p',
      u.port || '5432',
      '-U',
      decodeURIComponent(u.username || 'postgres'),
      u.pathname.slice(1),
    ];
    let cpu: CpuShares | null = null;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(PGBENCH, args, {
        env: { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) },
      });
      // The CPU over the run's middle, while pgbench and its backends are alive (pgbench counts as the bench's).
      if (o.meter && o.seconds > 2) {
        setTimeout(() => o.meter!.start(child.pid ? [child.pid] : []), 1000);
        setTimeout(
          () => {
            cpu = o.meter!.stop();
          },
          (o.seconds - 1) * 1000,
        );
      }
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d));
      child.stderr.on('data', (d: Buffer) => (text += d));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}:\n${text}`)),
      );
    });
    // Per-transaction log lines: client, transaction, latency (µs), script, epoch s, µs (the end of the transaction).
    const done: { at: number; ms: number }[] = [];
    for (const f of readdirSync(dir).filter((x) => x.startsWith('log')))
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        const x = line.split(' ');
        if (x.length >= 6) done.push({ at: Number(x[4]) + Number(x[5]) / 1e6, ms: Number(x[2]) / 1000 });
      }
    if (!done.length) throw new Error(`pgbench logged no transaction:\n${out}`);
    const first = done.reduce((m, d) => Math.min(m, d.at), Number.POSITIVE_INFINITY);
    const last = done.reduce((m, d) => Math.max(m, d.at), 0);
    const from = Math.min(first + o.skip, last - 1);
    const kept = done.filter((d) => d.at >= from);
    const latencies = kept.map((d) => d.ms).sort((a, b) => a - b);
    const tps = kept.length / (last - from);
    return {
      cpu,
      tps,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count: latencies.length,
      script: `${script.split('\n').length} lines, ${variants.length} parameter sets, first ${o.skip} s left out`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
