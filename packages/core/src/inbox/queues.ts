/**
 * The staff inbox's queues (domain.md §5): which open reports a caller's grants put in which queue, and their
 * order. `db/postgres-inbox.ts` runs the same rules as SQL (the counts of every queue in one query); this is the
 * rule itself, and what the in-memory inbox and the tests use.
 */
import { can, type PolicySubject } from '../policy/policy';
import type { Actor } from '../policy/roles';
import type { ReportStatus } from '../report/report';

/** The queues of the inbox, in display order. */
export const INBOX_QUEUES = [
  'to_verify',
  'to_acknowledge',
  'in_progress',
  'awaiting_reporter',
  'on_hold',
  'overdue',
] as const;
export type InboxQueue = (typeof INBOX_QUEUES)[number];

/** Statuses whose deadline is the holder's (verify, acknowledge, follow up); the others time the reporter. */
export const STAFF_CLOCK_STATUSES = [
  'submitted',
  'dispositioned',
  'in_progress',
] as const satisfies readonly ReportStatus[];

/** The statuses of an open report (neither resolved nor archived): the inbox shows only these. */
export const OPEN_REPORT_STATUSES = [
  'submitted',
  'dispositioned',
  'in_progress',
  'awaiting_reporter',
  'on_hold',
] as const satisfies readonly ReportStatus[];

/** The status each queue but `overdue` holds (overdue: any staff-clock status past its deadline). */
export const QUEUE_STATUS = {
  to_verify: 'submitted',
  to_acknowledge: 'dispositioned',
  in_progress: 'in_progress',
  awaiting_reporter: 'awaiting_reporter',
  on_hold: 'on_hold',
} as const satisfies Record<Exclude<InboxQueue, 'overdue'>, ReportStatus>;

/** Whose reports the caller sees. */
export interface InboxScope {
  /** National roles: every report, the national queue, and unattended reports as theirs to verify. */
  national: boolean;
  /** Grant institutions; their subtrees are in scope. */
  roots: number[];
}

const NATIONAL_QUEUE_SUBJECT: PolicySubject = { holder: { institutionId: null, ancestorIds: [] } };

/** The scope of the grants that may view reports: national, and/or the subtrees of grant institutions. */
export function inboxScopeOf(actors: readonly Actor[]): InboxScope {
  const national = actors.some((a) => can(a, 'view', NATIONAL_QUEUE_SUBJECT));
  const roots = actors
    .filter(
      (a) =>
        a.institutionId !== null &&
        can(a, 'view', { holder: { institutionId: a.institutionId, ancestorIds: [] } }),
    )
    .map((a) => Number(a.institutionId));
  return { national, roots: [...new Set(roots)] };
}

/** Whether the scope has any inbox at all (reporters and guests have none). */
export function hasInbox(scope: InboxScope): boolean {
  return scope.national || scope.roots.length > 0;
}

/** Whether a holder with this path (root → itself) lies in the scope. */
export function pathInScope(scope: InboxScope, path: readonly number[]): boolean {
  return scope.national || path.some((id) => scope.roots.includes(id));
}

/** What the queue rules look at of an open report. */
export interface InboxCandidate {
  status: string;
  /** The holder's path (root → holder); null in the national queue. */
  holderPath: readonly number[] | null;
  /** Held by an institution that is not connected yet (no SK). */
  unattended: boolean;
  dueAt: Date | null;
}

/**
 * Whether an open report in the scope is in `queue`. The national admin verifies the national queue and, for want
 * of anyone else, reports held by institutions that are not connected yet (domain.md §2), plus whatever its own
 * grants cover; everyone else verifies what is held in their subtrees.
 */
export function isInQueue(queue: InboxQueue, r: InboxCandidate, scope: InboxScope, now: Date): boolean {
  if (queue === 'overdue')
    return (
      (STAFF_CLOCK_STATUSES as readonly string[]).includes(r.status) &&
      r.dueAt !== null &&
      r.dueAt.getTime() < now.getTime()
    );
  if (r.status !== QUEUE_STATUS[queue]) return false;
  if (queue !== 'to_verify' || !scope.national) return true;
  const ownSubtree = r.holderPath?.some((id) => scope.roots.includes(id)) ?? false;
  return r.holderPath === null || r.unattended || ownSubtree;
}

/** How a queue is sorted: by deadline (none last, then oldest first) or newest first. */
export type InboxSort = 'deadline' | 'newest';

/** The order of a queue's page; ties fall back to the report's id. */
export function compareInboxItems(
  sort: InboxSort,
  a: { dueAt: Date | null; createdAt: Date; id: number },
  b: { dueAt: Date | null; createdAt: Date; id: number },
): number {
  if (sort === 'newest') return b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
  const due = (x: Date | null) => (x === null ? Number.POSITIVE_INFINITY : x.getTime());
  return due(a.dueAt) - due(b.dueAt) || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;
}
