/** The `InAppNotifications` port over PostgreSQL: the `notifications` table the delivery worker fills. */
import type { InAppNotification, InAppNotifications } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';

const ISO = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

type Row = Record<string, unknown>;

const notificationOf = (r: Row): InAppNotification => ({
  id: Number(r.id),
  trackingId: String(r.trackingId),
  template: String(r.template),
  title: String(r.title),
  body: String(r.body),
  createdAt: String(r.createdAt),
  readAt: r.readAt == null ? null : String(r.readAt),
});

export function postgresInAppNotifications(db: Db): InAppNotifications {
  return {
    async list(userId, page) {
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
        items: (items.rows as Row[]).map(notificationOf),
        unread: Number((unread.rows[0] as Row).n),
      };
    },
    async markRead(userId, id, now) {
      const res =
        await db.execute(sql`update notifications set read_at = coalesce(read_at, ${now.toISOString()})
        where id = ${id} and user_id = ${userId} returning id`);
      return res.rows.length === 1;
    },
    async markAllRead(userId, now) {
      const res = await db.execute(sql`update notifications set read_at = ${now.toISOString()}
        where user_id = ${userId} and read_at is null returning id`);
      return res.rows.length;
    },
  };
}
