/** Queries behind the reference routes. */
import { type CategoryRouting, fixedHolidaysOf, routingCandidates } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';

const INSTITUTION_COLUMNS = sql`i.id, i.code, i.kind, i.name, i.acronym, i.region_code as "regionCode",
  i.time_zone as "timeZone", i.parent_id as "parentId", (i.sk_number is not null) as connected,
  (select count(*)::int from institutions ch where ch.parent_id = i.id) as "childCount"`;

export interface InstitutionItem {
  id: number;
  code: string;
  kind: string;
  name: string;
  acronym: string | null;
  regionCode: string | null;
  timeZone: string;
  parentId: number | null;
  connected: boolean;
  childCount: number;
}

/** Children of a region, or regions whose name matches `q` (trigram), with the path of names for display. */
export async function listRegions(
  db: Db,
  q: { parent?: string | undefined; level?: number | undefined; q?: string | undefined; limit: number },
) {
  const where = [sql`true`];
  if (q.parent) where.push(sql`r.parent_code = ${q.parent}`);
  else if (!q.q) where.push(sql`r.level = ${q.level ?? 1}`);
  if (q.level) where.push(sql`r.level = ${q.level}`);
  if (q.q) where.push(sql`r.name ilike ${`%${q.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  const res = await db.execute(sql`
    select r.code, r.name, r.level, r.parent_code as "parentCode",
      case when r.level > 1 then (
        select string_agg(a.name, ', ' order by a.level desc) from regions a
        where a.code in (left(r.code, 2), left(r.code, 5), left(r.code, 8)) and a.code <> r.code
      ) end as path
    from regions r where ${sql.join(where, sql` and `)}
    order by ${q.q ? sql`r.level, similarity(r.name, ${q.q}) desc,` : sql``} r.code
    limit ${q.limit}`);
  return res.rows as {
    code: string;
    name: string;
    level: number;
    parentCode: string | null;
    path?: string;
  }[];
}

/** Institutions at the top level or under a parent, with name search; paginated. */
export async function listInstitutions(
  db: Db,
  q: {
    q?: string | undefined;
    kind?: string | undefined;
    parent?: number | undefined;
    regionCode?: string | undefined;
    all?: 'true' | 'false' | undefined;
    page: number;
    pageSize: number;
  },
) {
  const where = [sql`i.active`];
  if (q.parent) where.push(sql`i.parent_id = ${q.parent}`);
  else if (q.all !== 'true' && !q.q) where.push(sql`i.parent_id is null`);
  if (q.kind) where.push(sql`i.kind = ${q.kind}`);
  if (q.regionCode) where.push(sql`i.region_code = ${q.regionCode}`);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(sql`(i.name ilike ${like} or i.acronym ilike ${like} or i.code ilike ${like})`);
  }
  const cond = sql.join(where, sql` and `);
  const [rows, count] = await Promise.all([
    db.execute(sql`select ${INSTITUTION_COLUMNS} from institutions i where ${cond}
      order by case i.kind when 'ministry' then 1 when 'agency' then 2 when 'soe' then 3
        when 'provincial_government' then 4 when 'regency_government' then 5 else 6 end, i.region_code, i.name
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`),
    db.execute(sql`select count(*)::int as n from institutions i where ${cond}`),
  ]);
  return {
    items: (rows.rows as Record<string, unknown>[]).map(institutionItemOf),
    total: (count.rows[0] as { n: number }).n,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One institution with its ancestors (root first) and its children. */
export async function getInstitution(db: Db, id: number) {
  const res = await db.execute(
    sql`select ${INSTITUTION_COLUMNS}, i.path from institutions i where i.id = ${id}`,
  );
  const row = res.rows[0] as (InstitutionItem & { path: number[] }) | undefined;
  if (!row) return null;
  const [ancestors, children] = await Promise.all([
    db.execute(sql`select ${INSTITUTION_COLUMNS} from institutions i
      where i.id = any(${`{${row.path.join(',')}}`}::int[]) and i.id <> ${id} order by array_length(i.path, 1)`),
    db.execute(
      sql`select ${INSTITUTION_COLUMNS} from institutions i where i.parent_id = ${id} order by i.name`,
    ),
  ]);
  const { path: _path, ...item } = row;
  return {
    ...item,
    ancestors: (ancestors.rows as Record<string, unknown>[]).map(institutionItemOf),
    children: (children.rows as Record<string, unknown>[]).map(institutionItemOf),
  };
}

interface CategoryRow {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  defaultComplexity: string | null;
  routing: unknown;
}

/** The category tree, topics with their subtopics. */
export async function categoryTree(db: Db) {
  const res = await db.execute(sql`select id, parent_id as "parentId", code, name, name_en as "nameEn",
    default_complexity as "defaultComplexity", routing from categories order by sort, id`);
  const rows = (res.rows as Record<string, unknown>[]).map(
    (r): CategoryRow => ({
      id: Number(r.id),
      parentId: r.parentId == null ? null : Number(r.parentId),
      code: String(r.code),
      name: String(r.name),
      nameEn: r.nameEn == null ? null : String(r.nameEn),
      defaultComplexity: r.defaultComplexity == null ? null : String(r.defaultComplexity),
      routing: r.routing,
    }),
  );
  const byParent = new Map<number | null, CategoryRow[]>();
  for (const r of rows) byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
  const build = (parentId: number | null): unknown[] =>
    (byParent.get(parentId) ?? []).map((r) => ({ ...r, children: build(r.id) }));
  return build(null);
}

/** Days off of a year (all years when none is given), national ones plus those of the region and its parents. */
export async function listHolidays(
  db: Db,
  q: { year?: number | undefined; regionCode?: string | undefined },
) {
  const where = [sql`(h.region_code is null or ${q.regionCode ?? null}::text like h.region_code || '%')`];
  if (q.year) where.push(sql`extract(year from h.date) = ${q.year}`);
  const res = await db.execute(sql`select h.id::int as id, to_char(h.date, 'YYYY-MM-DD') as date, h.name,
    h.kind, h.region_code as "regionCode", h.source from holidays h where ${sql.join(where, sql` and `)} order by h.date, h.kind`);
  const rows = (res.rows as Record<string, unknown>[]).map(
    (h): HolidayListItem => ({
      id: h.id == null ? null : Number(h.id),
      date: String(h.date),
      name: String(h.name),
      kind: String(h.kind),
      regionCode: h.regionCode == null ? null : String(h.regionCode),
      source: String(h.source),
    }),
  );
  if (!q.year) return rows;
  // A year's fixed-date holidays are off whether or not a row lists them (core fixed-holidays.ts): show them too.
  const listed = new Set(rows.filter((h) => h.kind !== 'regional').map((h) => h.date));
  const fixed = fixedHolidaysOf(q.year)
    .filter((h) => !listed.has(h.date))
    .map(
      (h): HolidayListItem => ({
        id: null,
        date: h.date,
        name: h.name,
        kind: h.kind,
        regionCode: null,
        source: h.source,
      }),
    );
  return [...rows, ...fixed].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

interface HolidayListItem {
  /** Null for a fixed-date holiday no row lists: it cannot be edited, only listed by a decree. */
  id: number | null;
  date: string;
  name: string;
  kind: string;
  regionCode: string | null;
  source: string;
}

/** The decrees of a year, oldest first. */
export async function listDecrees(db: Db, year: number) {
  const res = await db.execute(sql`select ref, kind, title, to_char(signed_on, 'YYYY-MM-DD') as date, note
    from holiday_decrees where year = ${year} order by signed_on, ref`);
  return res.rows as { ref: string; kind: string; title: string; date: string; note: string }[];
}

/**
 * Region + category → candidate institutions, best first (the rule: core `routingCandidates`), the active ones
 * among them; two round trips: the category's routing, then the candidates.
 */
export async function suggestInstitutions(db: Db, regionCode: string, categoryId: number) {
  const cat = await db.execute(sql`select c.routing, p.routing as "parentRouting" from categories c
    left join categories p on p.id = c.parent_id where c.id = ${categoryId}`);
  const row = cat.rows[0] as Record<string, unknown> | undefined;
  const routing = routingOf(row?.routing ?? row?.parentRouting ?? null);
  const candidates = routingCandidates(regionCode, routing);
  const codes = candidates.map((c) => c.code);
  const res = await db.execute(sql`select ${INSTITUTION_COLUMNS} from institutions i
    where i.code = any(${`{${codes.join(',')}}`}::text[]) and i.active`);
  const byCode = new Map(
    (res.rows as Record<string, unknown>[]).map(institutionItemOf).map((i) => [i.code, i]),
  );
  return candidates.flatMap(({ code, reason }) => {
    const institution = byCode.get(code);
    return institution ? [{ institution, reason }] : [];
  });
}

/** A categories.routing value, or null when there is none. */
function routingOf(v: unknown): CategoryRouting | null {
  if (v == null || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  const level = r.level;
  if (level !== 'regency' && level !== 'province' && level !== 'central') return null;
  return typeof r.institution === 'string' ? { level, institution: r.institution } : { level };
}

function institutionItemOf(r: Record<string, unknown>): InstitutionItem {
  return {
    id: Number(r.id),
    code: String(r.code),
    kind: String(r.kind),
    name: String(r.name),
    acronym: r.acronym == null ? null : String(r.acronym),
    regionCode: r.regionCode == null ? null : String(r.regionCode),
    timeZone: String(r.timeZone),
    parentId: r.parentId == null ? null : Number(r.parentId),
    connected: r.connected === true,
    childCount: Number(r.childCount),
  };
}
