/**
 * Aspirations as input for development planning (musrenbang): counts by topic (top-level category) and province
 * over a period of filing dates, and the most frequent terms. Confidential aspirations count in the groups but
 * never feed the terms (their words are content), and a term must occur in at least MIN_REPORTS reports so that a
 * single report's words (a name, an address) cannot surface.
 */
import type { Period } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';

export const MIN_REPORTS_PER_TERM = 3;

/** Groups and terms of the aspirations filed in the period, optionally within a region (any level). */
export async function statsAspirations(db: Db, period: Period, regionCode: string | undefined, limit = 30) {
  // Filing date in WIB, the national reference zone.
  const where = sql`r.type = 'aspiration' and r.parent_report_id is null
    and (r.created_at at time zone 'Asia/Jakarta')::date between ${period.from} and ${period.to}
    ${regionCode ? sql`and (r.region_code = ${regionCode} or r.region_code like ${`${regionCode}.%`})` : sql``}`;
  const groups =
    await db.execute(sql`select coalesce(top.name, c.name) as topic, g.province_code as "regionCode",
      p.name as "regionName", count(*)::int as count
    from reports r join categories c on c.id = r.category_id left join categories top on top.id = c.parent_id
      join regions g on g.code = r.region_code join regions p on p.code = g.province_code
    where ${where}
    group by 1, 2, 3 order by count desc, topic, "regionCode"`);
  const terms = await db.execute(sql`select word as term, count(*)::int as count
    from reports r, unnest(tsvector_to_array(r.tsv)) as word
    where ${where} and not r.is_confidential and char_length(word) >= 3 and word !~ '^[0-9]+$'
    group by word having count(*) >= ${MIN_REPORTS_PER_TERM}
    order by count desc, word limit ${limit}`);
  return {
    period,
    regionCode: regionCode ?? null,
    groups: groups.rows as Array<{ topic: string; regionCode: string; regionName: string; count: number }>,
    terms: terms.rows as Array<{ term: string; count: number }>,
  };
}
