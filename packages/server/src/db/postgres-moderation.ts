/** The moderation port over PostgreSQL (docs/abuse.md): the queue of flagged reports, and forgetting old marks. */
import type { FlagRule, Moderation, ModerationItem, ModerationReason } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { json, num, type Row, str, strOrNull } from './report-rows';

const institutionOf = (id: unknown, name: unknown) =>
  id == null ? null : { id: num(id), name: strOrNull(name) ?? '' };

function itemOf(r: Row): ModerationItem {
  const m = json(r.moderation) as { reason: ModerationReason; source: 'rule' | 'staff'; rules?: FlagRule[] };
  return {
    trackingId: str(r.trackingId),
    title: str(r.title),
    body: str(r.body),
    status: str(r.status),
    channel: str(r.channel),
    reason: m.reason,
    source: m.source,
    rules: m.rules ?? [],
    flaggedAt: new Date(str(r.flaggedAt)),
    note: strOrNull(r.note),
    institution: institutionOf(r.institutionId, r.institutionName),
    requestedInstitution: institutionOf(r.requestedId, r.requestedName),
    createdAt: new Date(r.createdAt as string),
  };
}

export function postgresModeration(db: Db): Moderation {
  return {
    async pending(page, pageSize) {
      const offset = (page - 1) * pageSize;
      const [rows, count] = await Promise.all([
        db.execute(sql`
          select r.tracking_id as "trackingId", r.title, r.body, r.status, r.channel,
            r.lifecycle->'moderation' as moderation, r.lifecycle #>> '{moderation,flaggedAt}' as "flaggedAt",
            r.created_at as "createdAt", r.institution_id as "institutionId", i.name as "institutionName",
            r.requested_institution_id as "requestedId", q.name as "requestedName",
            (select e.payload->>'note' from events e where e.report_id = r.id and e.action = 'flag'
              order by e.seq desc limit 1) as note
          from reports r
          left join institutions i on i.id = r.institution_id
          left join institutions q on q.id = r.requested_institution_id
          where r.moderation_status = 'pending'
          order by r.lifecycle #>> '{moderation,flaggedAt}', r.id
          limit ${pageSize} offset ${offset}`),
        db.execute(sql`select count(*)::int as n from reports where moderation_status = 'pending'`),
      ]);
      return { items: (rows.rows as Row[]).map(itemOf), total: num((count.rows[0] as Row).n) };
    },
    async forgetMarksBefore(before) {
      const res = await db.execute(sql`delete from filing_marks where at < ${before.toISOString()}
        returning 1 as ok`);
      return res.rows.length;
    },
  };
}
