/** The in-app notifications of the signed-in account: list (newest first, with the unread count) and mark read. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';

export interface InAppNotification {
  id: number;
  trackingId: string;
  template: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** One page of the account's notifications, newest first, and how many are unread. */
export async function listNotifications(db: Db, userId: string, page: { limit: number; before?: number }) {
  const before = page.before ? sql`and id < ${page.before}` : sql``;
  const [items, unread] = await Promise.all([
    db.execute(sql`select id::int as id, tracking_id as "trackingId", template, title, body,
        ${ISO('created_at')} as "createdAt", ${ISO('read_at')} as "readAt"
      from notifications where user_id = ${userId} ${before}
      order by created_at desc, id desc limit ${page.limit}`),
    db.execute(
      sql`select count(*)::int as n from notifications where user_id = ${userId} and read_at is null`,
    ),
  ]);
  return {
    items: items.rows as unknown as InAppNotification[],
    unread: (unread.rows[0] as { n: number }).n,
  };
}

/** Marks one of the account's notifications read; false when it is not theirs or does not exist. */
export async function markRead(db: Db, userId: string, id: number, now: Date): Promise<boolean> {
  const res = await db.execute(sql`update notifications set read_at = coalesce(read_at, ${now.toISOString()})
    where id = ${id} and user_id = ${userId} returning id`);
  return res.rows.length === 1;
}

/** Marks all of the account's notifications read; returns how many changed. */
export async function markAllRead(db: Db, userId: string, now: Date): Promise<number> {
  const res = await db.execute(sql`update notifications set read_at = ${now.toISOString()}
    where user_id = ${userId} and read_at is null returning id`);
  return res.rows.length;
}
