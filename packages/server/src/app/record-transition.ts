/**
 * The one unit of work of a lifecycle change (ADR 0011): in one transaction the events are appended to the report's
 * hash chain, the report row is updated, then the projectors main.ts registers run — stage clocks, rollups with
 * activity, the notification outbox (later webhooks, federation). A use case that changes a report records it here;
 * it never writes a projection itself.
 */
import { fail, type RecordResult, type TransitionChange } from '@pintu/core';
import type { AppDeps } from './deps';

export type RecordTransitionDeps = Pick<AppDeps, 'transitions' | 'projectors'>;

/** Records `change`; returns why nothing was written (`stale`, `not_found`) instead of throwing. */
export function recordTransition(
  deps: RecordTransitionDeps,
  change: TransitionChange,
): Promise<RecordResult> {
  return deps.transitions.record(change, deps.projectors);
}

/** Records `change` or ends the request: a stale version is a 409 CONFLICT, an unknown report a 404. */
export async function recordTransitionOrFail(
  deps: RecordTransitionDeps,
  change: TransitionChange,
): Promise<{ reportId: number }> {
  const res = await recordTransition(deps, change);
  if (res.ok) return { reportId: res.reportId };
  if (res.reason === 'stale')
    fail('CONFLICT', 'Laporan ini baru saja diubah orang lain. Muat ulang lalu coba lagi.', [], 'stale');
  return fail('NOT_FOUND', 'Laporan tidak ditemukan.');
}
