/** Aspirations by topic and province, and their most frequent terms, over SQL (see core/src/stats/aspirations.ts). */
import type { AspirationGroup, AspirationQuery, AspirationTerm } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { num, str } from './postgres-stats-rows';

/**
 * Top-level aspirations filed in the period (filing date in WIB, the national reference zone), in the region;
 * never one moderation hides (a bot's or confirmed spam, docs/abuse.md).
 */
function aspirationsWhere({ period, regionCode }: AspirationQuery): SQL {
  return sql`r.type = 'aspiration' and r.parent_report_id is null and not r.moderation_hidden
    and (r.created_at at time zone 'Asia/Jakarta')::date between ${period.from} and ${period.to}
    ${regionCode ? sql`and (r.region_code = ${regionCode} or r.region_code like ${`${regionCode}.%`})` : sql``}`;
}

export async function aspirationGroups(db: Db, q: AspirationQuery): Promise<AspirationGroup[]> {
  const groups =
    await db.execute(sql`select coalesce(top.name, c.name) as topic, g.province_code as "regionCode",
      p.name as "regionName", count(*)::int as count
    from reports r join categories c on c.id = r.category_id left join categories top on top.id = c.parent_id
      join regions g on g.code = r.region_code join regions p on p.code = g.province_code
    where ${aspirationsWhere(q)}
    group by 1, 2, 3 order by count desc, topic, "regionCode"`);
  return groups.rows.map((g) => ({
    topic: str(g.topic),
    regionCode: str(g.regionCode),
    regionName: str(g.regionName),
    count: num(g.count),
  }));
}

export async function aspirationTerms(
  db: Db,
  q: AspirationQuery & { minReports: number; limit: number },
): Promise<AspirationTerm[]> {
  const terms = await db.execute(sql`select word as term, count(*)::int as count
    from reports r, unnest(tsvector_to_array(r.tsv)) as word
    where ${aspirationsWhere(q)} and not r.is_confidential and char_length(word) >= 3 and word !~ '^[0-9]+$'
    group by word having count(*) >= ${q.minReports}
    order by count desc, word limit ${q.limit}`);
  return terms.rows.map((t) => ({ term: str(t.term), count: num(t.count) }));
}
