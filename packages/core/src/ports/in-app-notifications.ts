/** The in-app notifications of an account (the delivery worker writes them from the outbox). */

export interface InAppNotification {
  id: number;
  trackingId: string;
  template: string;
  title: string;
  body: string;
  /** ISO instant with milliseconds, UTC. */
  createdAt: string;
  readAt: string | null;
}

export interface InAppNotifications {
  /** One page of the account's notifications, newest first (`before`: an id, keyset), and how many are unread. */
  list(
    userId: string,
    page: { limit: number; before?: number | undefined },
  ): Promise<{ items: InAppNotification[]; unread: number }>;
  /** Marks one read (keeping an earlier read time); false when it is not the account's or does not exist. */
  markRead(userId: string, id: number, now: Date): Promise<boolean>;
  /** Marks all unread read; returns how many changed. */
  markAllRead(userId: string, now: Date): Promise<number>;
}
