/**
 * The two load runners of bench/paths.ts: HTTP requests to the server (autocannon, every answer's time recorded)
 * and the same SQL straight to PostgreSQL (node-postgres, the same unnamed extended-protocol statements the server
 * sends), each with N concurrent clients for a duration; and their percentiles.
 */
import autocannon from 'autocannon';
import pg from 'pg';
import type { CpuShares } from './cpu';
import type { Statement } from './paths-capture';

export interface LoadResult {
  /** Answers (2xx; for SQL: completed requests) per second. */
  rate: number;
  count: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx answers and errors, with a sample of what they were. */
  failures: number;
  sample: string;
  /** Where the CPU went (the meter's window), when one was given. */
  cpu: CpuShares | null;
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;

function summary(
  times: number[],
  seconds: number,
  failures: number,
  sample: string,
  cpu: CpuShares | null = null,
): LoadResult {
  times.sort((a, b) => a - b);
  return {
    rate: times.length / seconds,
    count: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    failures,
    sample,
    cpu,
  };
}

export interface HttpRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** `connections` keep-alive connections sending `next()` requests as fast as they are answered for `seconds`. */
export async function httpLoad(o: {
  url: string;
  connections: number;
  seconds: number;
  next: () => HttpRequest;
}): Promise<LoadResult> {
  const times: number[] = [];
  let failures = 0;
  let sample = '';
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: o.url,
        connections: o.connections,
        duration: o.seconds,
        requests: [
          {
            setupRequest: (req) => {
              const r = o.next();
              return Object.assign(req, {
                method: r.method ?? 'GET',
                path: r.path,
                headers: { ...req.headers, ...r.headers },
                body: r.body,
              });
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) times.push(ms);
      else {
        failures++;
        sample ||= `HTTP ${status}`;
      }
    });
    instance.on('reqError', (err) => {
      failures++;
      sample ||= String(err);
    });
  });
  return summary(times, result.duration, failures, sample);
}

/**
 * `connections` clients, each sending `next()`'s statements — those of one request, in the server's waves: one
 * wave after the other, a wave's statements at once on connections of the client's own, as the server sent them —
 * as fast as they complete.
 */
export async function sqlLoad(o: {
  url: string;
  connections: number;
  seconds: number;
  next: () => Statement[][];
  meter?: { start(): void; stop(): CpuShares | null };
}): Promise<LoadResult> {
  const width = Math.max(...o.next().map((w) => w.length));
  const clients = await Promise.all(
    Array.from({ length: o.connections }, async () =>
      Promise.all(
        Array.from({ length: width }, async () => {
          const c = new pg.Client({ connectionString: o.url });
          await c.connect();
          return c;
        }),
      ),
    ),
  );
  const times: number[] = [];
  let failures = 0;
  let sample = '';
  let cpu: CpuShares | null = null;
  o.meter?.start();
  const started = performance.now();
  const end = started + o.seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (mine) => {
        while (performance.now() < end) {
          const request = o.next();
          const t0 = performance.now();
          try {
            // A named statement (the server's prepared ones) is prepared once per connection, as the server does.
            for (const wave of request)
              await Promise.all(
                wave.map((s, i) =>
                  mine[i % mine.length]!.query(
                    s.name
                      ? { name: s.name, text: s.text, values: s.values }
                      : { text: s.text, values: s.values },
                  ),
                ),
              );
            times.push(performance.now() - t0);
          } catch (err) {
            failures++;
            sample ||= String(err);
          }
        }
      }),
    );
  } finally {
    cpu = o.meter?.stop() ?? null;
    await Promise.all(clients.flat().map((c) => c.end().catch(() => {})));
  }
  return summary(times, (performance.now() - started) / 1000, failures, sample, cpu);
}
