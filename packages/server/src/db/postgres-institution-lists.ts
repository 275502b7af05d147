/**
 * The listings of institution administration (a node's audit, newest first, and its children) and the SQL of
 * whether a node is connected, which the admin reads and the inbox share.
 */
import { type InstitutionAuditRow, type InstitutionChild, OPEN_REPORT_STATUSES } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { bool, num, numOrNull, str, strOrNull } from './postgres-accounts-columns';

type Q = Pick<Db, 'execute'>;
const OPEN_STATUSES: readonly string[] = OPEN_REPORT_STATUSES;

/**
 * Whether the institution that owns node `alias` is connected: the nearest node of its path (itself first) that is
 * not a unit has an SK recorded. Units are connected through their institution (domain.md §2).
 */
export function connectedSql(alias: string): SQL {
  const i = sql.raw(alias);
  return sql`coalesce((select o.sk_number is not null from institutions o
    where o.id = any(${i}.path) and o.kind <> 'unit' order by array_length(o.path, 1) desc limit 1), false)`;
}

/** The audit of a node, newest first. */
export async function listAudit(
  q: Q,
  id: number,
  limit: number,
  offset: number,
): Promise<InstitutionAuditRow[]> {
  const res =
    await q.execute(sql`select id::int as id, action, actor_id as "actorId", actor_role as "actorRole",
      actor_institution_id as "actorInstitutionId", to_json(at) #>> '{}' as at, before, after
    from institution_audit where institution_id = ${id} order by at desc, id desc limit ${limit} offset ${offset}`);
  return res.rows.map((r) => ({
    id: num(r.id),
    action: str(r.action),
    actorId: str(r.actorId),
    actorRole: str(r.actorRole),
    actorInstitutionId: numOrNull(r.actorInstitutionId),
    at: str(r.at),
    before: r.before,
    after: r.after,
  }));
}

/** The children of a node with what an administrator needs: activity, connection, open reports. */
export async function listChildren(q: Q, id: number, includeInactive: boolean): Promise<InstitutionChild[]> {
  const res = await q.execute(sql`select i.id, i.code, i.kind, i.name, i.region_code as "regionCode",
      i.time_zone as "timeZone", i.active, ${connectedSql('i')} as connected,
      (select count(*)::int from institutions ch where ch.parent_id = i.id and ch.active) as "childCount",
      (select count(*)::int from reports r where r.institution_id = i.id
        and r.status = any(${`{${OPEN_STATUSES.join(',')}}`}::text[])) as "openReports"
    from institutions i where i.parent_id = ${id} ${includeInactive ? sql`` : sql`and i.active`}
    order by i.active desc, i.name, i.id`);
  return res.rows.map((r) => ({
    id: num(r.id),
    code: str(r.code),
    kind: str(r.kind),
    name: str(r.name),
    regionCode: strOrNull(r.regionCode),
    timeZone: str(r.timeZone),
    active: bool(r.active),
    connected: bool(r.connected),
    childCount: num(r.childCount),
    openReports: num(r.openReports),
  }));
}
