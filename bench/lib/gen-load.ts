/**
 * The bulk load: worker threads build the rows of chunks of report numbers, and this thread streams each chunk
 * into its four tables with COPY … FROM STDIN (pg-copy-streams), one connection per table, so generation and the
 * four loads overlap. Triggers and foreign keys are skipped (`session_replication_role = replica`): the rows are
 * valid by construction, and the generator checks the one rule the events trigger enforces afterwards.
 */
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type CpuShares, cpuSample, cpuShares } from './cpu';
import { dayChunks } from './gen-plan';
import { CLOCK_COLUMNS, EVENT_COLUMNS, NOTICE_COLUMNS, REPORT_COLUMNS } from './gen-rows';
import type { ChunkRows, WorkerSetup } from './gen-worker';
import { progressBar } from './progress-bar';

/** stats_activity's columns; each chunk's sums go to the unlogged `bench_activity`, summed into it at the end. */
const ACTIVITY_COLUMNS = 'institution_id, day, actor_role, action, events, boilerplate, held_days';
const TABLES = [
  ['reports', REPORT_COLUMNS],
  ['events', EVENT_COLUMNS],
  ['sla_stage_clocks', CLOCK_COLUMNS],
  ['sla_notices', NOTICE_COLUMNS],
  ['bench_activity', ACTIVITY_COLUMNS],
] as const;
type Table = (typeof TABLES)[number][0];
const FIELD: Record<Table, 'reports' | 'events' | 'clocks' | 'notices' | 'activity'> = {
  reports: 'reports',
  events: 'events',
  sla_stage_clocks: 'clocks',
  sla_notices: 'notices',
  bench_activity: 'activity',
};

export interface LoadResult {
  rows: Record<Table, number>;
  statuses: Record<string, number>;
  refused: string[];
  /** Where the CPU went during the load (this process = generator), read before the connections close. */
  cpu: CpuShares | null;
  /** Classes computed, reports computed on their own, templated reports verified on their own, mismatches. */
  shared: { templates: number; unshared: number; verified: number; mismatches: string[] };
}

/** Opens a connection that skips triggers and foreign keys and does not wait for the WAL flush. */
export async function loaderClient(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('set session_replication_role = replica');
  await c.query('set synchronous_commit = off');
  return c;
}

/** One COPY of `data` into `table`. */
export function copyInto(c: pg.Client, table: string, columns: string, data: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = c.query(copyFrom(`copy ${table} (${columns.replace(/\s+/g, ' ')}) from stdin`));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
}

/** Generates and loads reports 1…total with `workers` threads, whole days of at least `chunk` reports at a time. */
export async function loadReports(
  url: string,
  setup: WorkerSetup,
  o: { workers: number; chunk: number },
): Promise<LoadResult> {
  const clients = await Promise.all(TABLES.map(() => loaderClient(url)));
  await clients[0]!.query(`create unlogged table bench_activity (institution_id int, day date, actor_role text,
    action text, events int, boilerplate int, held_days bigint)`);
  const tails = TABLES.map(() => Promise.resolve());
  const result: LoadResult = {
    rows: { reports: 0, events: 0, sla_stage_clocks: 0, sla_notices: 0, bench_activity: 0 },
    statuses: {},
    refused: [],
    shared: { templates: 0, unshared: 0, verified: 0, mismatches: [] },
    cpu: null,
  };
  const bar = progressBar(setup.total, 'reports');
  const database = new URL(url).pathname.slice(1);
  const cpu0 = cpuSample(undefined, database);
  const started = Date.now();
  // Whole days per chunk: a day's shared histories are then computed by one worker only.
  const chunks = dayChunks(setup.total, setup.spanDays, o.chunk);
  let failure: unknown = null;
  const takeChunk = () => {
    const c = failure ? undefined : chunks.shift();
    return c ? { type: 'chunk' as const, ...c } : null;
  };

  // Each chunk's COPYs are queued on the five connections, one per table; the worker gets its next chunk at once, but at
  // most two of its chunks wait for the database (memory stays bounded, the database sets the pace).
  const store = (rows: ChunkRows) => {
    const done = TABLES.map(([table, columns], i) => {
      const data = rows[FIELD[table]];
      tails[i] = tails[i]!.then(() =>
        data.byteLength ? copyInto(clients[i]!, table, columns, data) : undefined,
      );
      return tails[i]!;
    });
    return Promise.all(done).then(() => {
      result.rows.reports += rows.to - rows.from;
      result.rows.events += rows.counts.events;
      result.rows.sla_stage_clocks += rows.counts.clocks;
      result.rows.sla_notices += rows.counts.notices;
      for (const [k, v] of Object.entries(rows.statuses)) result.statuses[k] = (result.statuses[k] ?? 0) + v;
      result.refused.push(...rows.refused.slice(0, Math.max(0, 10 - result.refused.length)));
      const s = result.shared;
      s.templates += rows.stats.templates;
      s.unshared += rows.stats.unshared;
      s.verified += rows.stats.verified;
      s.mismatches.push(...rows.stats.mismatches.slice(0, Math.max(0, 10 - s.mismatches.length)));
      bar.update(result.rows.reports);
    });
  };

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      // A worker does not inherit tsx's loader: it registers it, then imports the TypeScript entry.
      const entry = new URL('./gen-worker.ts', import.meta.url).href;
      const tsx = import.meta.resolve('tsx/esm/api');
      const w = new Worker(
        `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`,
        {
          eval: true,
          workerData: setup,
          resourceLimits: { maxYoungGenerationSizeMb: 96 },
        },
      );
      const waiting: Promise<void>[] = [];
      const send = async () => {
        while (waiting.length >= 2) await waiting.shift();
        const chunk = takeChunk();
        w.postMessage(chunk ?? { type: 'finish' });
      };
      w.on('message', (msg: ChunkRows | { type: 'finished' }) => {
        if (msg.type === 'finished') {
          void Promise.all(waiting).then(
            () => w.terminate().then(() => resolve()),
            (err) => reject(err),
          );
          return;
        }
        const stored = store(msg);
        stored.catch((err) => {
          failure ??= err;
        });
        waiting.push(stored);
        void send().catch(reject);
      });
      w.on('error', reject);
      void send().catch(reject);
    });

  try {
    await Promise.all(Array.from({ length: o.workers }, runWorker));
    await Promise.all(tails);
    if (failure) throw failure;
    await clients[0]!.query(`insert into stats_activity (${ACTIVITY_COLUMNS})
      select institution_id, day, actor_role, action, sum(events), sum(boilerplate), sum(held_days)
      from bench_activity group by 1, 2, 3, 4`);
    result.rows.bench_activity = (
      await clients[0]!.query('select count(*)::int as n from stats_activity')
    ).rows[0].n;
    await clients[0]!.query('drop table bench_activity');
    result.cpu = cpuShares(cpu0, cpuSample(undefined, database), (Date.now() - started) / 1000);
    bar.done();
    return result;
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
}
