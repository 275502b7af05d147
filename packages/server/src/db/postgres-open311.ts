/**
 * The Open311 port over PostgreSQL (issue 14): categories as services, the public's reports as requests, and the
 * regions a location is matched against. No query here ever returns a confidential report, a statistics copy
 * without text, or anything of the reporter.
 */
import type {
  Open311Request,
  Open311RequestQuery,
  Open311Service,
  Open311Store,
  RegionEntry,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { num, numOrNull, type Row, str, strOrNull } from './report-rows';

const utc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const dateOrNull = (v: unknown): Date | null => (v == null ? null : new Date(str(v)));

const SELECT_REQUEST = sql`
  select r.tracking_id as "trackingId", r.status, r.title, r.body, c.code as "serviceCode",
    c.name as "serviceName", i.name as "holderName", i.time_zone as "holderTimeZone",
    coalesce(pg.code, r.region_code) as "publicRegionCode", pg.name as "publicRegionName",
    prov.name as "provinceName", r.lat, r.lng,
    ${utc(sql`r.created_at`)} as "createdAt", ${utc(sql`r.updated_at`)} as "updatedAt",
    ${utc(sql`r.due_at`)} as "dueAt",
    case when r.status in ('resolved', 'archived') then ${utc(sql`(select max(e.at) from events e
      where e.report_id = r.id and e.to_status = r.status and e.from_status is distinct from e.to_status)`)}
    end as "closedAt",
    (select e.payload->>'message' from events e where e.report_id = r.id
      and e.action in ('post_follow_up', 'approve_follow_up') order by e.seq desc limit 1) as "followUp",
    case when r.status = 'archived' then (select e.payload->>'reason' from events e where e.report_id = r.id
      and e.action in ('archive', 'auto_archive') order by e.seq desc limit 1) end as "archiveReason",
    (select a.id::text from attachments a where a.report_id = r.id and a.kind = 'image' and a.withheld_at is null
      order by a.created_at, a.id limit 1) as "imageId"
  from reports r
  join categories c on c.id = r.category_id
  left join institutions i on i.id = r.institution_id
  -- The public sees the regency of a place, never the district or village (reports.presenter.ts).
  left join regions pg on pg.code = left(r.region_code, 5)
  left join regions prov on prov.code = left(r.region_code, 2)`;

// Privacy first (domain.md §7): confidential reports are never Open311 reads; a statistics copy has no text.
const PUBLIC_ONLY = sql`r.is_confidential = false and r.content_withheld = false and not r.moderation_hidden`;

function requestOf(r: Row): Open311Request {
  return {
    trackingId: str(r.trackingId),
    status: str(r.status),
    title: str(r.title),
    body: str(r.body),
    serviceCode: str(r.serviceCode),
    serviceName: str(r.serviceName),
    holderName: strOrNull(r.holderName),
    holderTimeZone: strOrNull(r.holderTimeZone),
    publicRegionCode: str(r.publicRegionCode),
    publicRegionName: strOrNull(r.publicRegionName),
    provinceName: strOrNull(r.provinceName),
    lat: numOrNull(r.lat),
    lng: numOrNull(r.lng),
    createdAt: new Date(str(r.createdAt)),
    updatedAt: new Date(str(r.updatedAt)),
    closedAt: dateOrNull(r.closedAt),
    dueAt: dateOrNull(r.dueAt),
    followUp: strOrNull(r.followUp),
    archiveReason: strOrNull(r.archiveReason),
    imageId: strOrNull(r.imageId),
  };
}

async function requests(db: Db, q: Open311RequestQuery): Promise<Open311Request[]> {
  const where = [PUBLIC_ONLY];
  if ('trackingIds' in q) {
    if (!q.trackingIds.length) return [];
    where.push(sql`r.tracking_id = any(${`{${q.trackingIds.join(',')}}`}::text[])`);
  } else {
    where.push(sql`r.created_at >= ${q.from.toISOString()} and r.created_at <= ${q.to.toISOString()}`);
    if (q.categoryIds?.length) where.push(sql`r.category_id = any(${`{${q.categoryIds.join(',')}}`}::int[])`);
    if (q.statuses?.length) where.push(sql`r.status = any(${`{${q.statuses.join(',')}}`}::text[])`);
  }
  const res = await db.execute(
    sql`${SELECT_REQUEST} where ${sql.join(where, sql` and `)}
      order by r.created_at desc, r.id desc limit ${q.limit}`,
  );
  return (res.rows as Row[]).map(requestOf);
}

async function services(db: Db): Promise<Open311Service[]> {
  const res = await db.execute(sql`select c.id, c.code, c.name, c.name_en as "nameEn",
      p.name as "parentName", p.name_en as "parentNameEn"
    from categories c left join categories p on p.id = c.parent_id
    order by coalesce(p.sort, c.sort), coalesce(p.id, c.id), c.parent_id nulls first, c.sort, c.id`);
  return (res.rows as Row[]).map((r) => ({
    id: num(r.id),
    code: str(r.code),
    name: str(r.name),
    nameEn: strOrNull(r.nameEn),
    parentName: strOrNull(r.parentName),
    parentNameEn: strOrNull(r.parentNameEn),
  }));
}

const regionOf = (r: Row): RegionEntry => ({ code: str(r.code), name: str(r.name), level: num(r.level) });

/** Provinces and regencies never change while the server runs (seeded reference data): read them once. */
const upperCache = new WeakMap<Db, Promise<RegionEntry[]>>();

export function postgresOpen311(db: Db): Open311Store {
  return {
    services: () => services(db),
    requests: (q) => requests(db, q),
    region: async (code) => {
      const res = await db.execute(sql`select code, name, level from regions where code = ${code}`);
      const row = res.rows[0] as Row | undefined;
      return row ? regionOf(row) : null;
    },
    upperRegions: () => {
      let cached = upperCache.get(db);
      if (!cached) {
        cached = db
          .execute(sql`select code, name, level from regions where level <= 2 order by code`)
          .then((res) => (res.rows as Row[]).map(regionOf));
        cached.catch(() => upperCache.delete(db));
        upperCache.set(db, cached);
      }
      return cached;
    },
    regionsUnder: async (code) => {
      const res = await db.execute(
        sql`select code, name, level from regions where parent_code = ${code} order by code`,
      );
      return (res.rows as Row[]).map(regionOf);
    },
  };
}
