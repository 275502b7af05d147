/** The citizen-data port over PostgreSQL: my reports, the data export's reads, and erasure (UU PDP). */
import type { CitizenData, MyNotification, MyReport } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { readEvents } from './postgres-lifecycle';
import { bool, num, type Row, str, strOrNull } from './report-rows';

const iso = (v: unknown): string | null => (v == null ? null : new Date(v as string).toISOString());

function myReportOf(r: Row): MyReport {
  return {
    trackingId: str(r.trackingId),
    type: str(r.type),
    title: str(r.title),
    status: str(r.status),
    isAnonymous: Boolean(r.isAnonymous),
    isConfidential: Boolean(r.isConfidential),
    institution:
      r.institutionId == null ? null : { id: Number(r.institutionId), name: String(r.institutionName) },
    createdAt: new Date(r.createdAt as string).toISOString(),
  };
}

function notificationOf(n: Row): MyNotification {
  return {
    trackingId: String(n.trackingId),
    title: String(n.title),
    body: String(n.body),
    createdAt: iso(n.createdAt) ?? '',
    readAt: iso(n.readAt),
  };
}

export function postgresCitizenData(db: Db): CitizenData {
  return {
    async myReports(userId, limit) {
      const res = await db.execute(sql`
        select r.tracking_id as "trackingId", r.type, r.title, r.status, r.is_anonymous as "isAnonymous",
          r.is_confidential as "isConfidential", r.created_at as "createdAt", i.id as "institutionId",
          i.name as "institutionName"
        from reports r left join institutions i on i.id = r.institution_id
        where r.reporter_account_id = ${userId}
        order by r.created_at desc, r.id desc
        limit ${limit}`);
      return (res.rows as Row[]).map(myReportOf);
    },
    async reportDetail(trackingId) {
      const res = await db.execute(sql`
        select body, incident_date as "incidentDate", address, reporter_sealed as "sealed", is_anonymous as "anon"
        from reports where tracking_id = ${trackingId}`);
      const row = res.rows[0] as Row | undefined;
      if (!row) return null;
      const events = await readEvents(db, trackingId);
      return {
        body: str(row.body),
        incidentDate: row.incidentDate ? String(row.incidentDate).slice(0, 10) : null,
        address: strOrNull(row.address),
        reporterSealed: strOrNull(row.sealed),
        isAnonymous: bool(row.anon),
        events: events.map((e) => ({
          seq: num(e.seq),
          action: e.action,
          actorId: e.actorId,
          actorRole: e.actorRole,
          institutionId: e.institutionId,
          at: e.at,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          payload: e.payload,
        })),
      };
    },
    async accountCreatedAt(userId) {
      const res = await db.execute(sql`select created_at as "createdAt" from users where id = ${userId}`);
      return iso((res.rows[0] as Row | undefined)?.createdAt);
    },
    async notifications(userId) {
      const res = await db.execute(sql`
        select tracking_id as "trackingId", title, body, created_at as "createdAt", read_at as "readAt"
        from notifications where user_id = ${userId} order by id`);
      return (res.rows as Row[]).map(notificationOf);
    },
    async passwordHash(userId) {
      const res = await db.execute(
        sql`select password from accounts where user_id = ${userId} and provider_id = 'credential' and password is not null`,
      );
      return strOrNull((res.rows[0] as Row | undefined)?.password);
    },
    erase: ({ userId, email }) =>
      db.transaction(async (tx) => {
        const reports = await tx.execute(sql`
          update reports set reporter_sealed = null, reporter_account_id = null
          where reporter_account_id = ${userId} returning id`);
        await tx.execute(sql`delete from login_audit where user_id = ${userId}`);
        await tx.execute(
          sql`delete from verifications where identifier = ${email} or identifier like ${`%${userId}%`}`,
        );
        // Sessions, password, TOTP, grants, permissions, notifications and the outbox go with the row (on delete cascade).
        await tx.execute(sql`delete from users where id = ${userId}`);
        return reports.rows.length;
      }),
  };
}
