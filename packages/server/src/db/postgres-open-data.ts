/**
 * The open-data port over PostgreSQL (issue 15, docs/open-data.md). What a row may carry is decided here, in the
 * select list, and nowhere else: never a confidential report (nor a statistics copy, which is one), never the
 * reporter (no identity, contact, account, gender), never a text the reporter wrote (title, body, address: free
 * text can name anyone), never a point, a village or a district, never a program's own fields; the holder is the
 * institution a unit belongs to (a unit can be a village office); attachments only when not withheld.
 */
import type {
  OpenCountCell,
  OpenCountFilter,
  OpenDataStore,
  OpenReportCursor,
  OpenReportFilter,
  OpenReportRecord,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { json, num, numOrNull, type Row, str, strOrNull } from './report-rows';

/** Days and months are WIB's (the zone of most reports and of the national queue), one rule for every field. */
const WIB = 'Asia/Jakarta';
const day = (instant: SQL) => sql`to_char((${instant}) at time zone ${WIB}, 'YYYY-MM-DD')`;
const lifecycleDay = (field: string) =>
  sql`case when r.lifecycle->>${field} is not null then ${day(sql`(r.lifecycle->>${field})::timestamptz`)} end`;

// Privacy first (domain.md §7): confidential reports are never per-report open data; a statistics copy is one.
const PUBLIC_ONLY = sql`r.is_confidential = false and r.content_withheld = false and not r.moderation_hidden`;

const SELECT_OPEN_REPORT = sql`
  select r.tracking_id as "trackingId",
    case when p.is_confidential then null else p.tracking_id end as "parentTrackingId",
    r.type, r.status, c.code as "categoryCode", c.name as "categoryName", c.name_en as "categoryNameEn",
    coalesce(t.code, c.code) as "topicCode", coalesce(t.name, c.name) as "topicName",
    coalesce(t.name_en, c.name_en) as "topicNameEn",
    ${day(sql`r.created_at`)} as "createdDate", to_char(r.incident_date, 'YYYY-MM') as "incidentMonth",
    left(r.region_code, 2) as "provinceCode", prov.name as "provinceName",
    reg.code as "regencyCode", reg.name as "regencyName",
    holder.code as "institutionCode", holder.name as "institutionName",
    ${lifecycleDay('dispositionedAt')} as "dispositionedDate",
    ${lifecycleDay('firstFollowUpAt')} as "firstFollowUpDate",
    ${lifecycleDay('resolvedAt')} as "resolvedDate",
    r.lifecycle->>'archiveReason' as "archiveReason", (r.lifecycle->>'rating')::int as rating, r.channel,
    coalesce((select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'mime', a.mime, 'size', a.size)
      order by a.created_at, a.id) from attachments a where a.report_id = r.id and a.withheld_at is null),
      '[]'::json) as attachments,
    to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
  from reports r
  join categories c on c.id = r.category_id
  left join categories t on t.id = c.parent_id
  left join reports p on p.id = r.parent_report_id
  left join regions prov on prov.code = left(r.region_code, 2)
  -- The regency at most (domain.md §7, reports.presenter.ts): a district or village and a date can identify.
  left join regions reg on length(r.region_code) >= 5 and reg.code = left(r.region_code, 5)
  left join institutions i on i.id = r.institution_id
  left join lateral (select h.code, h.name from institutions h where h.id = any(i.path) and h.kind <> 'unit'
    order by array_position(i.path, h.id) desc limit 1) holder on true`;

/** The creation instant at the start of a WIB day (`from`) or of the day after (`to`, exclusive). */
const wibStart = (date: string, plusDays = 0) =>
  sql`((${date}::date + ${plusDays}::int)::timestamp at time zone ${WIB})`;

function reportWhere(f: OpenReportFilter): SQL[] {
  const where = [PUBLIC_ONLY];
  if (f.from) where.push(sql`r.created_at >= ${wibStart(f.from)}`);
  if (f.to) where.push(sql`r.created_at < ${wibStart(f.to, 1)}`);
  if (f.provinceCode) where.push(sql`left(r.region_code, 2) = ${f.provinceCode}`);
  if (f.regencyCode) where.push(sql`left(r.region_code, 5) = ${f.regencyCode}`);
  if (f.category)
    where.push(sql`r.category_id in (select id from categories where code = ${f.category}
      or code like ${`${f.category.replace(/[\\%_]/g, '\\$&')}.%`})`);
  if (f.type) where.push(sql`r.type = ${f.type}`);
  if (f.status) where.push(sql`r.status = ${f.status}`);
  return where;
}

function openReportOf(r: Row): OpenReportRecord {
  return {
    trackingId: str(r.trackingId),
    parentTrackingId: strOrNull(r.parentTrackingId),
    type: str(r.type),
    status: str(r.status),
    categoryCode: str(r.categoryCode),
    categoryName: str(r.categoryName),
    categoryNameEn: strOrNull(r.categoryNameEn),
    topicCode: str(r.topicCode),
    topicName: str(r.topicName),
    topicNameEn: strOrNull(r.topicNameEn),
    createdDate: str(r.createdDate),
    incidentMonth: str(r.incidentMonth),
    provinceCode: str(r.provinceCode),
    provinceName: strOrNull(r.provinceName),
    regencyCode: strOrNull(r.regencyCode),
    regencyName: strOrNull(r.regencyName),
    institutionCode: strOrNull(r.institutionCode),
    institutionName: strOrNull(r.institutionName),
    dispositionedDate: strOrNull(r.dispositionedDate),
    firstFollowUpDate: strOrNull(r.firstFollowUpDate),
    resolvedDate: strOrNull(r.resolvedDate),
    archiveReason: strOrNull(r.archiveReason),
    rating: numOrNull(r.rating),
    channel: str(r.channel),
    attachments: (json(r.attachments) as Row[]).map((a) => ({
      id: str(a.id),
      kind: str(a.kind),
      mime: str(a.mime),
      size: num(a.size),
    })),
    cursor: { createdAt: str(r.cursorAt), trackingId: str(r.trackingId) },
  };
}

async function reports(
  db: Db,
  filter: OpenReportFilter,
  after: OpenReportCursor | null,
  limit: number,
): Promise<OpenReportRecord[]> {
  const where = reportWhere(filter);
  if (after)
    where.push(sql`(r.created_at, r.tracking_id) > (${after.createdAt}::timestamptz, ${after.trackingId})`);
  const res = await db.execute(sql`${SELECT_OPEN_REPORT} where ${sql.join(where, sql` and `)}
    order by r.created_at, r.tracking_id limit ${limit}`);
  return (res.rows as Row[]).map(openReportOf);
}

const month = sql`to_char(r.created_at at time zone ${WIB}, 'YYYY-MM')`;

async function counts(db: Db, f: OpenCountFilter, secret: string): Promise<OpenCountCell[]> {
  // Every report, confidential ones too (domain.md §7: they count in aggregates only); a split parent's children
  // are counted through their parent, the one filing.
  const where = [sql`r.parent_report_id is null`];
  if (f.fromMonth) where.push(sql`r.created_at >= ${wibStart(`${f.fromMonth}-01`)}`);
  if (f.toMonth)
    where.push(
      sql`r.created_at < ((${`${f.toMonth}-01`}::date + interval '1 month')::timestamp at time zone ${WIB})`,
    );
  if (f.provinceCode) where.push(sql`left(r.region_code, 2) = ${f.provinceCode}`);
  const res = await db.execute(sql`
    select g.month, g.province as "provinceCode", prov.name as "provinceName", g.regency as "regencyCode",
      reg.name as "regencyName", g.topic as "topicCode", t.name as "topicName", g.status, g.exact, g.key
    from (
      select ${month} as month, left(r.region_code, 2) as province,
        case when length(r.region_code) >= 5 then left(r.region_code, 5) end as regency,
        coalesce(t.code, c.code) as topic, r.status, count(*)::int as exact,
        (sum(('x' || substr(md5(${secret} || r.tracking_id), 1, 4))::bit(16)::int) % 65536)::int as key
      from reports r
      join categories c on c.id = r.category_id
      left join categories t on t.id = c.parent_id
      where ${sql.join(where, sql` and `)}
      group by 1, 2, 3, 4, 5
    ) g
    left join regions prov on prov.code = g.province
    left join regions reg on reg.code = g.regency
    left join categories t on t.code = g.topic
    order by g.month, g.province, g.regency nulls first, g.topic, g.status`);
  return (res.rows as Row[]).map((r) => ({
    month: str(r.month),
    provinceCode: str(r.provinceCode),
    provinceName: strOrNull(r.provinceName),
    regencyCode: strOrNull(r.regencyCode),
    regencyName: strOrNull(r.regencyName),
    topicCode: str(r.topicCode),
    topicName: str(r.topicName),
    status: str(r.status),
    exact: num(r.exact),
    key: num(r.key),
  }));
}

async function span(db: Db): Promise<{ first: string; last: string } | null> {
  const res = await db.execute(sql`select to_char(min(created_at) at time zone ${WIB}, 'YYYY-MM') as first,
    to_char(max(created_at) at time zone ${WIB}, 'YYYY-MM') as last from reports`);
  const row = res.rows[0] as Row | undefined;
  return row?.first ? { first: str(row.first), last: str(row.last) } : null;
}

async function setAttachmentWithheld(db: Db, trackingId: string, attachmentId: string, at: Date | null) {
  if (!/^[0-9a-f-]{36}$/i.test(attachmentId)) return null;
  const res = await db.execute(sql`update attachments a
    set withheld_at = case when ${at === null}::boolean then null else coalesce(a.withheld_at, ${at?.toISOString() ?? null}::timestamptz) end
    from reports r where r.id = a.report_id and a.id = ${attachmentId}::uuid
      and r.tracking_id = ${trackingId.toUpperCase()}
    returning a.id::text as id, to_char(a.withheld_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "withheldAt"`);
  const row = res.rows[0] as Row | undefined;
  return row ? { id: str(row.id), withheldAt: strOrNull(row.withheldAt) } : null;
}

/** The open-data port over one database handle. */
export function postgresOpenData(db: Db): OpenDataStore {
  return {
    reports: (filter, after, limit) => reports(db, filter, after, limit),
    counts: (filter, secret) => counts(db, filter, secret),
    span: () => span(db),
    setAttachmentWithheld: (trackingId, attachmentId, at) =>
      setAttachmentWithheld(db, trackingId, attachmentId, at),
  };
}
