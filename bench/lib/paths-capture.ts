/**
 * The SQL a request makes the server send, read at run time through the SQL tap the server was started with
 * (sql-tap.mjs): so the raw PostgreSQL figure is always of the server's own statements, whatever its code becomes.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';

export interface Statement {
  text: string;
  values: unknown[];
  name?: string;
  /** When the server sent it and when it was answered (ms, the server's clock). */
  start?: number;
  end?: number;
}

/**
 * The statements in waves, as the server sent them: a statement sent before the earlier ones of its wave were all
 * answered belongs to that wave (sent at once, e.g. a page and its count); otherwise it starts the next wave.
 */
export function waves(statements: Statement[]): Statement[][] {
  const out: Statement[][] = [];
  let until = Number.NEGATIVE_INFINITY;
  for (const s of [...statements].sort((a, b) => (a.start ?? 0) - (b.start ?? 0))) {
    const end = s.end ?? Number.POSITIVE_INFINITY;
    if (out.length && (s.start ?? 0) < until) {
      out.at(-1)!.push(s);
      until = Math.max(until, end);
    } else {
      out.push([s]);
      until = end;
    }
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let tokens = 0;

/**
 * What one request makes the server send: `request(headers)` must send the request with these headers (they ask
 * the server's SQL tap, started with PINTU_BENCH_SQL_TAP = `file`, to record it). `data`: the statements that read or
 * write the reports — the path's own queries; sessions, grants and the like are in `all`, listed but not replayed.
 */
export async function captureStatements(
  file: string,
  request: (headers: Record<string, string>) => Promise<unknown>,
): Promise<{ all: Statement[]; data: Statement[] }> {
  const token = `t${process.pid}x${++tokens}`;
  const out = `${file}.${token}.json`;
  await request({ 'x-pintu-sql-tap': token });
  for (let i = 0; i < 150 && !existsSync(out); i++) await sleep(20);
  if (!existsSync(out))
    throw new Error('the server wrote no SQL tap (was it started with bench/lib/sql-tap.mjs?)');
  const all = JSON.parse(readFileSync(out, 'utf8')) as Statement[];
  rmSync(out);
  const data = all.filter((s) => /\breports\b/i.test(s.text) && !/^\s*(begin|commit|rollback)/i.test(s.text));
  return { all, data };
}

/** One line of a statement for the report. */
export const brief = (s: Statement) => s.text.replace(/\s+/g, ' ').trim().slice(0, 110);
