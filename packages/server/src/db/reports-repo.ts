/** Reads and writes reports, their first event and their attachments. */
import { sql } from 'drizzle-orm';
import { type ChainedEvent, eventHash } from './event-chain';
import type { Db } from './open';

export interface ReferenceCheck {
  regionExists: boolean;
  categoryExists: boolean;
  institution: {
    id: number;
    name: string;
    timeZone: string;
    regionCode: string | null;
    active: boolean;
    path: number[];
  } | null;
  /** The requested attachments that exist and are not yet part of a report. */
  freeAttachmentIds: string[];
}

/** Looks up every reference a new report names, in one round trip. */
export async function checkReferences(
  db: Db,
  ref: {
    regionCode: string;
    categoryId: number;
    institutionId?: number | undefined;
    attachmentIds: string[];
  },
): Promise<ReferenceCheck> {
  const res = await db.execute(sql`
    select
      exists(select 1 from regions where code = ${ref.regionCode}) as "regionExists",
      exists(select 1 from categories where id = ${ref.categoryId}) as "categoryExists",
      (select json_build_object('id', id, 'name', name, 'timeZone', time_zone, 'regionCode', region_code,
           'active', active, 'path', path)
         from institutions where id = ${ref.institutionId ?? null}::int) as institution,
      coalesce((select json_agg(id) from attachments
         where id = any(${`{${ref.attachmentIds.join(',')}}`}::uuid[]) and report_id is null), '[]'::json) as "freeAttachmentIds"`);
  return res.rows[0] as unknown as ReferenceCheck;
}

export interface NewReport {
  trackingId: string;
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryId: number;
  requestedInstitutionId: number | null;
  institutionId: number | null;
  status: string;
  dueAt: Date | null;
  lifecycle: unknown;
  isAnonymous: boolean;
  isConfidential: boolean;
  channel: string;
  language: string;
  reporterAccountId: string | null;
  reporterSealed: string | null;
  accessCodeHash: string | null;
  createdAt: Date;
}

/**
 * Inserts the report with its first event (hash-chained from nothing) and claims its attachments.
 * Without attachments this is a single statement; with them, a transaction that fails if any was claimed meanwhile.
 */
export async function insertReport(
  db: Db,
  r: NewReport,
  first: Omit<ChainedEvent, 'trackingId' | 'seq'>,
  attachmentIds: string[],
): Promise<{ id: number } | { conflict: 'attachments' }> {
  const payload = JSON.parse(JSON.stringify(first.payload)) as Record<string, unknown>;
  const hash = eventHash(null, { ...first, payload, trackingId: r.trackingId, seq: 1 });
  const statement = sql`
    with r as (
      insert into reports (tracking_id, type, title, body, incident_date, region_code, address, lat, lng, category_id,
        requested_institution_id, institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel,
        language, reporter_account_id, reporter_sealed, access_code_hash, created_at, updated_at)
      values (${r.trackingId}, ${r.type}, ${r.title}, ${r.body}, ${r.incidentDate}, ${r.regionCode}, ${r.address},
        ${r.lat}, ${r.lng}, ${r.categoryId}, ${r.requestedInstitutionId}, ${r.institutionId}, ${r.status},
        ${r.dueAt?.toISOString() ?? null}, ${JSON.stringify(r.lifecycle)}::jsonb, ${r.isAnonymous}, ${r.isConfidential},
        ${r.channel}, ${r.language}, ${r.reporterAccountId}, ${r.reporterSealed}, ${r.accessCodeHash},
        ${r.createdAt.toISOString()}, ${r.createdAt.toISOString()})
      returning id
    ), e as (
      insert into events (report_id, seq, action, actor_id, actor_role, institution_id, at, from_status, to_status,
        payload, prev_hash, hash)
      select id, 1, ${first.action}, ${first.actorId}, ${first.actorRole}, ${first.institutionId},
        ${first.at.toISOString()}, ${first.fromStatus}, ${first.toStatus}, ${JSON.stringify(payload)}::jsonb, null, ${hash}
      from r
    ), a as (
      update attachments set report_id = (select id from r)
      where id = any(${`{${attachmentIds.join(',')}}`}::uuid[]) and report_id is null
      returning id
    )
    select (select id from r)::int as id, (select count(*) from a)::int as claimed`;
  if (attachmentIds.length === 0) {
    const res = await db.execute(statement);
    return { id: (res.rows[0] as { id: number }).id };
  }
  class Conflict extends Error {}
  try {
    return await db.transaction(async (tx) => {
      const res = await tx.execute(statement);
      const row = res.rows[0] as { id: number; claimed: number };
      if (row.claimed !== attachmentIds.length) throw new Conflict();
      return { id: row.id };
    });
  } catch (err) {
    if (err instanceof Conflict) return { conflict: 'attachments' };
    throw err;
  }
}

export interface ReportRow {
  id: number;
  trackingId: string;
  type: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  regionName: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  categoryId: number;
  categoryName: string | null;
  categoryCode: string | null;
  institutionId: number | null;
  institutionName: string | null;
  status: string;
  dueAt: string | null;
  isAnonymous: boolean;
  isConfidential: boolean;
  reporterSealed: string | null;
  accessCodeHash: string | null;
  createdAt: string;
  attachments: { id: string; kind: string; mime: string; size: number }[];
}

const SELECT_REPORT = sql`
  select r.id::int as id, r.tracking_id as "trackingId", r.type, r.title, r.body,
    to_char(r.incident_date, 'YYYY-MM-DD') as "incidentDate", r.region_code as "regionCode", g.name as "regionName",
    r.address, r.lat, r.lng, r.category_id as "categoryId", c.name as "categoryName", c.code as "categoryCode",
    r.institution_id as "institutionId", i.name as "institutionName", r.status,
    to_json(r.due_at) #>> '{}' as "dueAt", r.is_anonymous as "isAnonymous", r.is_confidential as "isConfidential",
    r.reporter_sealed as "reporterSealed", r.access_code_hash as "accessCodeHash",
    to_json(r.created_at) #>> '{}' as "createdAt",
    coalesce((select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'mime', a.mime, 'size', a.size)
      order by a.created_at) from attachments a where a.report_id = r.id), '[]'::json) as attachments
  from reports r
  left join regions g on g.code = r.region_code
  left join categories c on c.id = r.category_id
  left join institutions i on i.id = r.institution_id`;

/** One report with the names it refers to, or null. */
export async function findReport(db: Db, trackingId: string): Promise<ReportRow | null> {
  const res = await db.execute(sql`${SELECT_REPORT} where r.tracking_id = ${trackingId.toUpperCase()}`);
  return (res.rows[0] as unknown as ReportRow | undefined) ?? null;
}

export interface PublicSearch {
  q?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  categoryId?: number | undefined;
  regionCode?: string | undefined;
  institutionId?: number | undefined;
  page: number;
  pageSize: number;
}

/** The public list: never a confidential report (domain.md §7); full-text search in Indonesian. */
export async function searchPublicReports(
  db: Db,
  s: PublicSearch,
): Promise<{ rows: ReportRow[]; total: number }> {
  const where = [sql`r.is_confidential = false`];
  if (s.q) where.push(sql`r.tsv @@ websearch_to_tsquery('indonesian', ${s.q})`);
  if (s.status) where.push(sql`r.status = ${s.status}`);
  if (s.type) where.push(sql`r.type = ${s.type}`);
  if (s.categoryId)
    where.push(
      sql`r.category_id in (select id from categories where id = ${s.categoryId} or parent_id = ${s.categoryId})`,
    );
  if (s.regionCode)
    where.push(sql`(r.region_code = ${s.regionCode} or r.region_code like ${`${s.regionCode}.%`})`);
  if (s.institutionId)
    where.push(
      sql`r.institution_id in (select id from institutions where path @> array[${s.institutionId}::int])`,
    );
  const cond = sql.join(where, sql` and `);
  const order = s.q
    ? sql`ts_rank(r.tsv, websearch_to_tsquery('indonesian', ${s.q})) desc, r.created_at desc`
    : sql`r.created_at desc, r.id desc`;
  const offset = (s.page - 1) * s.pageSize;
  const [rows, count] = await Promise.all([
    db.execute(sql`${SELECT_REPORT} where ${cond} order by ${order} limit ${s.pageSize} offset ${offset}`),
    db.execute(sql`select count(*)::int as n from reports r where ${cond}`),
  ]);
  return { rows: rows.rows as unknown as ReportRow[], total: (count.rows[0] as { n: number }).n };
}
