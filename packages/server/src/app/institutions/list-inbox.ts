/**
 * The staff inbox (GET /api/v1/inbox): the caller's grants become a scope (core inbox/queues.ts), the inbox port
 * counts every queue and returns a page of one; the route's presenter adds the deadline maths. Reporters and
 * guests have no inbox.
 */
import {
  type Actor,
  fail,
  failField,
  hasInbox,
  type InboxQuery,
  type InboxQueue,
  type InboxRow,
  inboxScopeOf,
  pathInScope,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorsOf } from './access';

export type { InboxQuery } from '@pintu/core';
// The rule is the core's; named here too for the callers that import it from here.
export { inboxScopeOf } from '@pintu/core';

export interface InboxPage {
  queue: InboxQueue;
  counts: Record<InboxQueue, number>;
  countsExact: Record<InboxQueue, boolean>;
  rows: InboxRow[];
  /** The caller's actors, for what the presenter shows them (read-only or not). */
  actors: Actor[];
  page: number;
  pageSize: number;
  total: number;
}

/** One page of a queue with the counts of all queues; 403 for callers with no staff grant. */
export async function listInbox(
  deps: Pick<AppDeps, 'inbox'> & { now: Date },
  caller: Caller,
  query: InboxQuery,
): Promise<InboxPage> {
  const actors = actorsOf(caller);
  const scope = inboxScopeOf(actors);
  if (!hasInbox(scope))
    fail('NOT_ALLOWED', 'Kotak masuk hanya untuk petugas instansi, pengawas, dan admin nasional.');
  if (query.unitId !== undefined) {
    const path = await deps.inbox.institutionPath(query.unitId);
    if (path === null) failField('unitId', 'unknown', 'Unit tidak ditemukan.');
    if (!pathInScope(scope, path)) fail('NOT_ALLOWED', 'Unit itu berada di luar wilayah kewenangan Anda.');
  }
  const { counts, countsExact, rows } = await deps.inbox.query(scope, query, deps.now);
  return {
    queue: query.queue,
    counts,
    countsExact,
    rows,
    actors,
    page: query.page,
    pageSize: query.pageSize,
    total: counts[query.queue],
  };
}
