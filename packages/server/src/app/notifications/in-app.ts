/** The in-app notifications of the signed-in account: list (newest first, with the unread count) and mark read. */
import { fail, type InAppNotification } from '@pintu/core';
import type { AppDeps } from '../deps';

export type { InAppNotification };

type Deps = Pick<AppDeps, 'inAppNotifications'>;

/** One page of the account's notifications, newest first, and how many are unread. */
export function listNotifications(
  deps: Deps,
  userId: string,
  page: { limit: number; before?: number | undefined },
) {
  return deps.inAppNotifications.list(userId, page);
}

/** Marks one of the account's notifications read; NOT_FOUND when it is not theirs or does not exist. */
export async function markRead(deps: Deps, userId: string, id: number, now: Date): Promise<void> {
  if (!(await deps.inAppNotifications.markRead(userId, id, now)))
    fail('NOT_FOUND', 'Notifikasi tidak ditemukan.');
}

/** Marks all of the account's notifications read; returns how many changed. */
export function markAllRead(deps: Deps, userId: string, now: Date): Promise<number> {
  return deps.inAppNotifications.markAllRead(userId, now);
}
