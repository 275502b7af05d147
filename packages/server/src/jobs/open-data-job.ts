/**
 * The daily open-data dump on pg-boss (issue 15, ADR 0008): `open-data-dump` at 01:30 WIB (18:30 UTC, when filing
 * is quietest) and once at start when there is no dump yet. `stately`: one dump at a time across processes, one
 * more waiting. A dump is safe to repeat or cut short (dump.ts writes to a temporary directory and renames), so a
 * duplicate or an expired job changes nothing but the files' date.
 */
import type PgBoss from 'pg-boss';
import type { OpenDataManifest } from '../app/open-data/publication';

export const OPEN_DATA_QUEUE = 'open-data-dump';
/** 18:30 UTC = 01:30 WIB. */
const DAILY = '30 18 * * *';

export interface OpenDataJob {
  /** Writes a dump now. */
  dump(): Promise<OpenDataManifest>;
  /** Whether a dump exists already. */
  exists(): Promise<boolean>;
}

/** Creates the queue, its worker and its schedule; queues a first dump when there is none. */
export async function useOpenDataJob(
  boss: PgBoss,
  job: OpenDataJob,
  poll: { pollingIntervalSeconds: number },
  log: (line: string) => void,
): Promise<void> {
  // A national dump of millions of reports takes minutes; an hour before pg-boss treats it as dead.
  const options = { policy: 'stately', retryLimit: 1, retryDelay: 600, expireInSeconds: 3600 } as const;
  await boss.createQueue(OPEN_DATA_QUEUE, { name: OPEN_DATA_QUEUE, ...options });
  await boss.updateQueue(OPEN_DATA_QUEUE, { name: OPEN_DATA_QUEUE, ...options });
  await boss.work(OPEN_DATA_QUEUE, poll, async () => {
    const manifest = await job.dump();
    const rows = manifest.files.find((f) => f.name === 'reports.csv')?.rows ?? 0;
    log(`[open-data] ${rows} laporan publik ditulis (${manifest.generatedAt})`);
  });
  await boss.schedule(OPEN_DATA_QUEUE, DAILY);
  if (!(await job.exists())) await boss.send(OPEN_DATA_QUEUE, { reason: 'first' });
}
