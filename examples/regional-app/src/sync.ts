/** Keeping the regional app in step with Pintu: filing pending reports, and the reconcile pass after downtime. */
import { type PintuClient, PintuRefused } from './pintu-client';
import type { LocalReport, Store } from './store';

/** Files one local report and records the answer; a final refusal marks it failed, a lost answer leaves it pending. */
export async function fileOne(store: Store, client: PintuClient, report: LocalReport): Promise<LocalReport> {
  try {
    const filed = await client.fileReport(report);
    store.markFiled(report.id, filed.trackingId, filed.status);
  } catch (err) {
    // 4xx (bad input, a revoked key): retrying would not help; anything else stays pending for the next pass.
    if (err instanceof PintuRefused && err.status < 500 && err.status !== 429)
      store.markFailed(report.id, err.message);
    else throw err;
  }
  return store.get(report.id)!;
}

/** Files every pending report, a few at a time; returns how many were filed and how many are still pending. */
export async function filePending(
  store: Store,
  client: PintuClient,
  concurrency = 4,
): Promise<{ filed: number; failed: number; pending: number }> {
  const queue = store.pending();
  let filed = 0;
  let failed = 0;
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const after = await fileOne(store, client, r).catch(() => null);
      if (after?.filing === 'filed') filed++;
      else if (after?.filing === 'failed') failed++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { filed, failed, pending: store.pending().length };
}

const WATERMARK = 'reconcile.updatedSince';
/** How far before the last watermark a pass starts again: clocks and commit order are not exact, re-reading is free. */
const OVERLAP_MS = 60_000;

/**
 * Pages `GET /api/v1/integration/reports?scope=filed&updatedSince=…` to the end and applies every report's status
 * (the same seq rule as webhooks, so it never moves a report backwards), then moves the watermark forward.
 */
export async function reconcile(
  store: Store,
  client: PintuClient,
  opts: { full?: boolean; limit?: number } = {},
): Promise<{ seen: number; applied: number; pages: number }> {
  const since = opts.full ? null : store.getState(WATERMARK);
  const updatedSince = since ? new Date(Date.parse(since) - OVERLAP_MS).toISOString() : null;
  let cursor: string | null = null;
  let newest = since;
  let seen = 0;
  let applied = 0;
  let pages = 0;
  do {
    const page = await client.listReports({ scope: 'filed', updatedSince, cursor, limit: opts.limit ?? 100 });
    pages++;
    for (const item of page.items) {
      seen++;
      const seq = Number(
        (item as { version?: number; seq?: number }).version ?? (item as { seq?: number }).seq,
      );
      if (!Number.isFinite(seq)) continue;
      const outcome = store.observe({
        trackingId: item.trackingId,
        externalRef: item.externalRef ?? null,
        status: item.status,
        seq,
      });
      if (outcome === 'applied') applied++;
      if (!newest || item.updatedAt > newest) newest = item.updatedAt;
    }
    cursor = page.nextCursor;
  } while (cursor);
  if (newest) store.setState(WATERMARK, newest);
  return { seen, applied, pages };
}
