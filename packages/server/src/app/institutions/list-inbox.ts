/**
 * The staff inbox (GET /api/v1/inbox): the caller's grants become a scope, the repository counts every queue and
 * returns a page of one, and the presenter adds the deadline maths. Reporters and guests have no inbox.
 */
import { type Actor, can, type PolicySubject } from '@pintu/core';
import { type InboxQuery, type InboxScope, queryInbox, unitInScope } from '../../db/postgres-inbox';
import type { Deps } from '../../http/context';
import { presentInboxItem } from '../../http/inbox/inbox.presenter';
import { ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { actorsOf, requirePrincipal, subjectOf } from './access';

const NATIONAL_QUEUE: PolicySubject = { holder: { institutionId: null, ancestorIds: [] } };

const noInbox = () =>
  new ProblemError('NOT_ALLOWED', 'Kotak masuk hanya untuk petugas instansi, pengawas, dan admin nasional.');

/** The scope of the caller's grants that may view reports: national, and/or subtrees of grant institutions. */
export function inboxScopeOf(actors: readonly Actor[]): InboxScope {
  const national = actors.some((a) => can(a, 'view', NATIONAL_QUEUE));
  const roots = actors
    .filter((a) => a.institutionId !== null && can(a, 'view', subjectOf([Number(a.institutionId)])))
    .map((a) => Number(a.institutionId));
  return { national, roots: [...new Set(roots)] };
}

/** One page of a queue with the counts of all queues; 403 for callers with no staff grant. */
export async function listInbox(
  deps: Pick<Deps, 'db' | 'calendar'> & { now: Date },
  principal: Principal | null,
  query: InboxQuery,
) {
  const actors = actorsOf(requirePrincipal(principal));
  const scope = inboxScopeOf(actors);
  if (!scope.national && scope.roots.length === 0) throw noInbox();
  if (query.unitId !== undefined) {
    const inScope = await unitInScope(deps.db, scope, query.unitId);
    if (inScope === null)
      throw new ProblemError('VALIDATION', 'Unit tidak ditemukan.', [
        { field: 'unitId', code: 'unknown', message: 'Unit tidak ditemukan.' },
      ]);
    if (!inScope) throw new ProblemError('NOT_ALLOWED', 'Unit itu berada di luar wilayah kewenangan Anda.');
  }
  const { counts, rows } = await queryInbox(deps.db, scope, query, deps.now);
  const calendar = deps.calendar.get();
  return {
    queue: query.queue,
    counts,
    items: rows.map((row) =>
      presentInboxItem(row, { actors, calendar, decreedYears: deps.calendar.decreedYears(), now: deps.now }),
    ),
    page: query.page,
    pageSize: query.pageSize,
    total: counts[query.queue],
  };
}
