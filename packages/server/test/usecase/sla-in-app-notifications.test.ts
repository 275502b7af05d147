/** In-app notifications over the in-memory port: only the account's own, newest first; marking read. */
import { DomainFailure } from '@pintu/core';
import { describe, expect, it } from 'vitest';
import { listNotifications, markAllRead, markRead } from '../../src/app/notifications/in-app';
import { fakeInAppNotifications } from '../fakes/sla-in-app-notifications';

const row = (id: number, userId: string, createdAt: string) => ({
  id,
  userId,
  trackingId: `PTU-${id}`,
  template: 'reminder',
  title: 't',
  body: 'b',
  createdAt,
  readAt: null,
});

describe('in-app notifications (use case over fakes)', () => {
  const NOW = new Date('2024-06-03T02:00:00Z');
  const deps = () => ({
    inAppNotifications: fakeInAppNotifications([
      row(1, 'ani', '2024-06-01T00:00:00.000Z'),
      row(2, 'ani', '2024-06-02T00:00:00.000Z'),
      row(3, 'budi', '2024-06-02T00:00:00.000Z'),
    ]),
  });

  it("lists the account's own, newest first, and marks one read", async () => {
    const d = deps();
    const page = await listNotifications(d, 'ani', { limit: 10 });
    expect(page.items.map((n) => n.id)).toEqual([2, 1]);
    expect(page.unread).toBe(2);
    await markRead(d, 'ani', 1, NOW);
    expect((await listNotifications(d, 'ani', { limit: 10 })).unread).toBe(1);
    expect(await markAllRead(d, 'ani', NOW)).toBe(1);
  });

  it("refuses someone else's notification: NOT_FOUND", async () => {
    const d = deps();
    const err = await markRead(d, 'ani', 3, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainFailure);
    expect((err as DomainFailure).error.code).toBe('NOT_FOUND');
    expect(d.inAppNotifications.rows[2]!.readAt).toBeNull();
  });
});
