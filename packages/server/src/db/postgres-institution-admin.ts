/**
 * Reads and writes of institution administration: units, moves of whole subtrees, activation, SK records,
 * settings, and the append-only `institution_audit`. Writers take a transaction (`Q`) so a use case can commit
 * a change and its audit row together, or nothing.
 */
import {
  type InstitutionAdminPort,
  type InstitutionAdminStore,
  type InstitutionAuditEntry,
  type InstitutionRecord,
  OPEN_REPORT_STATUSES,
  type SkAttachmentCheck,
  type SkRecord,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { bool, ints, num, numOrNull, type Row, record, str, strOrNull } from './postgres-accounts-columns';
import { connectedSql, listAudit, listChildren } from './postgres-institution-lists';
import { retryTransient } from './retry';

// Where the inbox and the similar-reports search have always found it.
export { connectedSql };

/** Anything that runs SQL: the database or a transaction. */
export type Q = Pick<Db, 'execute'>;

/** The statuses of an open report (neither resolved nor archived). */
export const OPEN_STATUSES: readonly string[] = OPEN_REPORT_STATUSES;

const intArray = (ids: readonly number[]) => sql`${`{${ids.join(',')}}`}::int[]`;

export type InstitutionNode = InstitutionRecord;

const nodeOf = (r: Row): InstitutionRecord => ({
  id: num(r.id),
  parentId: numOrNull(r.parentId),
  path: ints(r.path),
  code: str(r.code),
  kind: str(r.kind),
  name: str(r.name),
  regionCode: strOrNull(r.regionCode),
  timeZone: str(r.timeZone),
  active: bool(r.active),
  skNumber: strOrNull(r.skNumber),
  skDate: strOrNull(r.skDate),
  settings: record(r.settings),
  connected: bool(r.connected),
});

const NODE_COLUMNS = sql`i.id, i.parent_id as "parentId", i.path, i.code, i.kind, i.name,
  i.region_code as "regionCode", i.time_zone as "timeZone", i.active, i.sk_number as "skNumber",
  to_char(i.sk_date, 'YYYY-MM-DD') as "skDate", i.settings, ${connectedSql('i')} as connected`;

/** One node, optionally locked for update (for the rest of the transaction). */
export async function loadNode(q: Q, id: number, lock = false): Promise<InstitutionNode | null> {
  const res = await q.execute(
    sql`select ${NODE_COLUMNS} from institutions i where i.id = ${id} ${lock ? sql`for update` : sql``}`,
  );
  const row = res.rows[0];
  return row ? nodeOf(row) : null;
}

/** The nodes on a path, root first (for effective settings). */
export async function loadPath(q: Q, path: readonly number[]): Promise<InstitutionNode[]> {
  const res =
    await q.execute(sql`select ${NODE_COLUMNS} from institutions i where i.id = any(${intArray(path)})
    order by array_length(i.path, 1)`);
  return res.rows.map(nodeOf);
}

/** Whether a region code exists. */
export async function regionExists(q: Q, code: string): Promise<boolean> {
  const res = await q.execute(sql`select exists(select 1 from regions where code = ${code}) as ok`);
  return bool(res.rows[0]?.ok);
}

/** Whether an active sibling under `parentId` already has this name (case-insensitive), other than `exceptId`. */
export async function siblingNameTaken(q: Q, parentId: number, name: string, exceptId = 0): Promise<boolean> {
  const res = await q.execute(sql`select exists(select 1 from institutions where parent_id = ${parentId}
    and active and lower(name) = lower(${name}) and id <> ${exceptId}) as taken`);
  return bool(res.rows[0]?.taken);
}

/** Inserts a unit under `parent`; its path is the parent's path plus its own id, its code `unit-<id>`. */
export async function insertUnit(
  q: Q,
  u: { parent: InstitutionNode; name: string; regionCode: string | null; timeZone: string; now: Date },
): Promise<number> {
  const res = await q.execute(sql`
    with n as (select nextval(pg_get_serial_sequence('institutions', 'id'))::int as id)
    insert into institutions (id, parent_id, path, code, kind, name, region_code, time_zone, active, created_at)
    select n.id, ${u.parent.id}, ${intArray(u.parent.path)} || n.id, 'unit-' || n.id, 'unit', ${u.name},
      ${u.regionCode}, ${u.timeZone}, true, ${u.now.toISOString()}
    from n returning id`);
  return num(res.rows[0]?.id);
}

export async function rename(q: Q, id: number, name: string): Promise<void> {
  await q.execute(sql`update institutions set name = ${name} where id = ${id}`);
}

/**
 * Moves a node under a new parent: every node of its subtree gets the new prefix, and every report held in the
 * subtree gets its holder's ancestors rewritten (the lifecycle's scope checks read them), with `updated_at` bumped
 * so a transition that read the old state is refused as stale rather than writing stale ancestors back.
 */
export async function moveSubtree(
  q: Q,
  node: InstitutionNode,
  parent: InstitutionNode,
  now: Date,
): Promise<void> {
  const prefix = [...parent.path, node.id];
  // Lock the subtree first: a unit being created under one of its nodes (which locks that node) either commits
  // before this, and the update below (a new snapshot) sees it, or waits and then reads the new path.
  await q.execute(sql`select id from institutions where path @> array[${node.id}::int] for update`);
  await q.execute(sql`update institutions
    set path = ${intArray(prefix)} || path[array_position(path, ${node.id}) + 1:],
      parent_id = case when id = ${node.id} then ${parent.id} else parent_id end
    where path @> array[${node.id}::int]`);
  await q.execute(sql`update reports r
    set lifecycle = jsonb_set(r.lifecycle, '{holder,ancestorIds}',
        to_jsonb(array(select x::text from unnest(i.path[1:array_length(i.path, 1) - 1]) as x))),
      updated_at = ${now.toISOString()}
    from institutions i
    where i.id = r.institution_id and i.path @> array[${node.id}::int]`);
}

/** Open reports held anywhere in the node's subtree. */
export async function countOpenReports(q: Q, id: number): Promise<number> {
  const res = await q.execute(sql`select count(*)::int as n from reports
    where institution_id in (select id from institutions where path @> array[${id}::int])
      and status = any(${`{${OPEN_STATUSES.join(',')}}`}::text[])`);
  return num(res.rows[0]?.n);
}

/** Active nodes strictly below the node. */
export async function countActiveDescendants(q: Q, id: number): Promise<number> {
  const res = await q.execute(sql`select count(*)::int as n from institutions
    where path @> array[${id}::int] and id <> ${id} and active`);
  return num(res.rows[0]?.n);
}

export async function setActive(q: Q, id: number, active: boolean): Promise<void> {
  await q.execute(sql`update institutions set active = ${active} where id = ${id}`);
}

export type AttachmentCheck = SkAttachmentCheck;

/** The attachment an SK names, with whether it is already used elsewhere. */
export async function findSkAttachment(
  q: Q,
  id: string,
  institutionId: number,
): Promise<AttachmentCheck | null> {
  const res = await q.execute(sql`select a.kind, a.mime, a.report_id::int as "reportId",
      exists(select 1 from institution_sk s where s.attachment_id = a.id and s.institution_id <> ${institutionId})
        as "usedByOther"
    from attachments a where a.id = ${id}`);
  const row = res.rows[0];
  return row
    ? {
        kind: str(row.kind),
        mime: str(row.mime),
        reportId: numOrNull(row.reportId),
        usedByOther: bool(row.usedByOther),
      }
    : null;
}

/** Records an SK and projects it onto the institution, which makes it connected. */
export async function recordSk(
  q: Q,
  id: number,
  sk: { number: string; date: string; attachmentId: string },
  by: string,
  now: Date,
): Promise<void> {
  await q.execute(sql`insert into institution_sk (institution_id, number, date, attachment_id, recorded_at, recorded_by)
    values (${id}, ${sk.number}, ${sk.date}, ${sk.attachmentId}, ${now.toISOString()}, ${by})`);
  await q.execute(
    sql`update institutions set sk_number = ${sk.number}, sk_date = ${sk.date} where id = ${id}`,
  );
}

/** The latest SK recorded for an institution, or null. */
export async function latestSk(q: Q, id: number): Promise<SkRecord | null> {
  const res = await q.execute(sql`select number, to_char(date, 'YYYY-MM-DD') as date,
      attachment_id as "attachmentId", to_json(recorded_at) #>> '{}' as "recordedAt"
    from institution_sk where institution_id = ${id} order by recorded_at desc, id desc limit 1`);
  const row = res.rows[0];
  return row
    ? {
        number: str(row.number),
        date: str(row.date),
        attachmentId: str(row.attachmentId),
        recordedAt: str(row.recordedAt),
      }
    : null;
}

/** Replaces these top-level keys of the institution's settings (a key absent from `values` is removed). */
export async function replaceSettings(
  q: Q,
  id: number,
  keys: readonly string[],
  values: Record<string, unknown>,
): Promise<void> {
  await q.execute(sql`update institutions
    set settings = (settings - ${`{${keys.join(',')}}`}::text[]) || ${JSON.stringify(values)}::jsonb
    where id = ${id}`);
}

/** Which of these category ids exist. */
export async function existingCategories(q: Q, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const res = await q.execute(sql`select id from categories where id = any(${intArray(ids)})`);
  return new Set(res.rows.map((r) => num(r.id)));
}

export type AuditEntry = InstitutionAuditEntry;

/** Appends an audit row (the table refuses updates and deletes). */
export async function appendAudit(q: Q, e: AuditEntry): Promise<void> {
  await q.execute(sql`insert into institution_audit (institution_id, action, actor_id, actor_role,
      actor_institution_id, at, before, after)
    values (${e.institutionId}, ${e.action}, ${e.actorId}, ${e.actorRole}, ${e.actorInstitutionId},
      ${e.at.toISOString()}, ${e.before === null ? null : JSON.stringify(e.before)}::jsonb,
      ${e.after === null ? null : JSON.stringify(e.after)}::jsonb)`);
}

/** Every read and write above over one handle (the database or a transaction). */
function store(q: Q): InstitutionAdminStore {
  return {
    node: (id, lock) => loadNode(q, id, lock),
    pathNodes: (path) => loadPath(q, path),
    regionExists: (code) => regionExists(q, code),
    siblingNameTaken: (parentId, name, exceptId) => siblingNameTaken(q, parentId, name, exceptId),
    insertUnit: (u) => insertUnit(q, u),
    rename: (id, name) => rename(q, id, name),
    moveSubtree: (node, parent, now) => moveSubtree(q, node, parent, now),
    countOpenReports: (id) => countOpenReports(q, id),
    countActiveDescendants: (id) => countActiveDescendants(q, id),
    setActive: (id, active) => setActive(q, id, active),
    skAttachment: (attachmentId, institutionId) => findSkAttachment(q, attachmentId, institutionId),
    recordSk: (id, sk, by, now) => recordSk(q, id, sk, by, now),
    latestSk: (id) => latestSk(q, id),
    replaceSettings: (id, keys, values) => replaceSettings(q, id, keys, values),
    existingCategories: (ids) => existingCategories(q, ids),
    appendAudit: (e) => appendAudit(q, e),
    listAudit: (id, limit, offset) => listAudit(q, id, limit, offset),
    listChildren: (id, includeInactive) => listChildren(q, id, includeInactive),
  };
}

/** The institution-administration port over PostgreSQL/PGlite. */
export function postgresInstitutionAdmin(db: Db): InstitutionAdminPort {
  return {
    ...store(db),
    transaction: (work, options) => {
      const run = () => db.transaction((tx) => work(store(tx)));
      return options?.retryTransient ? retryTransient(run) : run();
    },
  };
}
