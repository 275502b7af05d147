/** The `InAppNotifications` port in memory: newest first by creation then id, keyset by id. */
import type { InAppNotification, InAppNotifications } from '@pintu/core';

export interface FakeInAppNotifications extends InAppNotifications {
  readonly rows: (InAppNotification & { userId: string })[];
}

export function fakeInAppNotifications(
  rows: (InAppNotification & { userId: string })[] = [],
): FakeInAppNotifications {
  const own = (userId: string) => rows.filter((r) => r.userId === userId);
  return {
    rows,
    async list(userId, page) {
      const items = own(userId)
        .filter((r) => page.before === undefined || r.id < page.before)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
        .slice(0, page.limit)
        .map(({ userId: _, ...n }) => n);
      return { items, unread: own(userId).filter((r) => r.readAt === null).length };
    },
    async markRead(userId, id, now) {
      const row = own(userId).find((r) => r.id === id);
      if (!row) return false;
      row.readAt ??= now.toISOString();
      return true;
    },
    async markAllRead(userId, now) {
      const unread = own(userId).filter((r) => r.readAt === null);
      for (const r of unread) r.readAt = now.toISOString();
      return unread.length;
    },
  };
}
