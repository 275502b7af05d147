/** An in-memory inbox port: open reports as plain rows, sorted into queues by the core's rules. */
import {
  compareInboxItems,
  INBOX_QUEUES,
  type InboxPort,
  type InboxQueue,
  type InboxRow,
  isInQueue,
  OPEN_REPORT_STATUSES,
  pathInScope,
} from '@pintu/core';

export function fakeInbox(seed: { reports: InboxRow[]; paths: Record<number, number[]> }) {
  const candidate = (r: InboxRow) => ({
    status: r.status,
    holderPath: r.holderPath,
    unattended: r.unattended,
    dueAt: r.dueAt === null ? null : new Date(r.dueAt),
  });
  const port: InboxPort = {
    async query(scope, query, now) {
      const open = seed.reports.filter(
        (r) =>
          (OPEN_REPORT_STATUSES as readonly string[]).includes(r.status) &&
          (scope.national || pathInScope(scope, r.holderPath ?? [])) &&
          (query.unitId === undefined || (r.holderPath ?? []).includes(query.unitId)),
      );
      const counts = Object.fromEntries(
        INBOX_QUEUES.map((q) => [q, open.filter((r) => isInQueue(q, candidate(r), scope, now)).length]),
      ) as Record<InboxQueue, number>;
      const order = (r: InboxRow, i: number) => ({
        dueAt: r.dueAt === null ? null : new Date(r.dueAt),
        createdAt: new Date(r.createdAt),
        id: i,
      });
      const rows = open
        .map((r, i) => ({ r, key: order(r, i) }))
        .filter(({ r }) => isInQueue(query.queue, candidate(r), scope, now))
        .sort((a, b) => compareInboxItems(query.sort, a.key, b.key))
        .map(({ r }) => r)
        .slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      const countsExact = Object.fromEntries(INBOX_QUEUES.map((q) => [q, true])) as Record<
        InboxQueue,
        boolean
      >;
      return { counts, countsExact, rows };
    },
    institutionPath: async (id) => seed.paths[id] ?? null,
  };
  return port;
}
