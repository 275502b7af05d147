import { describe, expect, it } from 'vitest';
import type { Actor } from '../policy/roles';
import {
  compareInboxItems,
  INBOX_QUEUES,
  type InboxCandidate,
  type InboxScope,
  inboxScopeOf,
  isInQueue,
  pathInScope,
} from './queues';

const NOW = new Date('2024-04-05T02:00:00Z');
const actor = (role: Actor['role'], institutionId: string | null): Actor => ({
  id: 'u',
  role,
  institutionId,
});
const report = (status: string, extra: Partial<InboxCandidate> = {}): InboxCandidate => ({
  status,
  holderPath: [1, 3],
  unattended: false,
  dueAt: new Date('2024-04-10T00:00:00Z'),
  ...extra,
});
const queuesOf = (r: InboxCandidate, scope: InboxScope) =>
  INBOX_QUEUES.filter((q) => isInQueue(q, r, scope, NOW));

describe('inbox queues', () => {
  it('derives the scope from the grants that may view reports', () => {
    expect(
      inboxScopeOf([actor('coordinator', '1'), actor('unit_operator', '1'), actor('citizen', null)]),
    ).toEqual({
      national: false,
      roots: [1],
    });
    expect(inboxScopeOf([actor('national_admin', null)])).toMatchObject({ national: true });
    expect(inboxScopeOf([actor('citizen', null)])).toEqual({ national: false, roots: [] });
    expect(pathInScope({ national: false, roots: [1] }, [1, 3])).toBe(true);
    expect(pathInScope({ national: false, roots: [2] }, [1, 3])).toBe(false);
  });

  it('puts a report in its status queue, and in overdue too once a staff deadline has passed', () => {
    const scope = { national: false, roots: [1] };
    expect(queuesOf(report('dispositioned'), scope)).toEqual(['to_acknowledge']);
    const late = new Date('2024-04-01T00:00:00Z');
    expect(queuesOf(report('in_progress', { dueAt: late }), scope)).toEqual(['in_progress', 'overdue']);
    // The reporter's clock (awaiting the reporter, on hold) never makes a report overdue for staff.
    expect(queuesOf(report('on_hold', { dueAt: late }), scope)).toEqual(['on_hold']);
  });

  it('gives the national admin only the national queue, unattended holders and its own subtrees to verify', () => {
    const national = { national: true, roots: [] };
    expect(queuesOf(report('submitted'), national)).toEqual([]);
    expect(queuesOf(report('submitted', { unattended: true }), national)).toEqual(['to_verify']);
    expect(queuesOf(report('submitted', { holderPath: null }), national)).toEqual(['to_verify']);
    expect(queuesOf(report('submitted'), { national: true, roots: [3] })).toEqual(['to_verify']);
    expect(queuesOf(report('submitted'), { national: false, roots: [1] })).toEqual(['to_verify']);
  });

  it('sorts by deadline (none last) or newest first', () => {
    const a = { dueAt: new Date('2024-04-09T00:00:00Z'), createdAt: new Date('2024-04-01T00:00:00Z'), id: 1 };
    const b = { dueAt: null, createdAt: new Date('2024-04-03T00:00:00Z'), id: 2 };
    const c = { dueAt: new Date('2024-04-08T00:00:00Z'), createdAt: new Date('2024-04-02T00:00:00Z'), id: 3 };
    const ids = (sort: 'deadline' | 'newest') =>
      [a, b, c].sort((x, y) => compareInboxItems(sort, x, y)).map((x) => x.id);
    expect(ids('deadline')).toEqual([3, 1, 2]);
    expect(ids('newest')).toEqual([2, 3, 1]);
  });
});
