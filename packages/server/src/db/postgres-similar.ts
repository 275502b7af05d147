/**
 * Candidates for "duplicate of": reports in the caller's inbox scope whose title is trigram-similar to the source
 * report's (through `reports_title_trgm_idx`), ranked by the better of title and opening-body similarity. With
 * search words, the words are matched against titles (word similarity) and bodies (full text). Only columns that
 * staff in scope may see are selected — never the reporter.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { InboxScope } from './postgres-inbox';
import type { Q } from './postgres-institution-admin';

/** How much of a body is compared: the opening says what a report is about, and keeps the cost bounded. */
const BODY_PREFIX = 1000;
/** Below this score a report is not offered as a candidate. */
export const MIN_SIMILARITY = 0.25;

export interface SimilarSource {
  id: number;
  familyId: number;
  title: string;
  body: string;
}

export interface SimilarRow {
  trackingId: string;
  title: string;
  status: string;
  holderId: number | null;
  holderName: string | null;
  isConfidential: boolean;
  createdAt: string;
  similarity: number;
}

/** The source report's text and family (a parent and its split children are one family, never "similar"). */
export async function loadSource(db: Q, reportId: number): Promise<SimilarSource | null> {
  const res = await db.execute(sql`select id::int as id, coalesce(parent_report_id, id)::int as "familyId",
      title, left(body, ${BODY_PREFIX}) as body
    from reports where id = ${reportId}`);
  return (res.rows[0] as SimilarSource | undefined) ?? null;
}

function scopeSql(scope: InboxScope): SQL {
  if (scope.national) return sql`true`;
  const roots = sql`${`{${scope.roots.join(',')}}`}::int[]`;
  return sql`r.institution_id = any(array(select id from institutions where path && ${roots}))`;
}

/** Up to `limit` similar reports in scope, best first. */
export async function querySimilar(
  db: Q,
  scope: InboxScope,
  source: SimilarSource,
  q: string | undefined,
  limit: number,
): Promise<SimilarRow[]> {
  const match = q
    ? sql`(r.tracking_id = ${q.toUpperCase()} or ${q} <% r.title
          or r.tsv @@ websearch_to_tsquery('indonesian', ${q}))`
    : sql`r.title % ${source.title}`;
  const score = q
    ? sql`case when r.tracking_id = ${q.toUpperCase()} then 1
          else greatest(word_similarity(${q}, r.title),
                        case when r.tsv @@ websearch_to_tsquery('indonesian', ${q}) then 0.5 else 0 end) end`
    : sql`greatest(similarity(r.title, ${source.title}), similarity(left(r.body, ${BODY_PREFIX}), ${source.body}))`;
  const res = await db.execute(sql`select * from (
      select r.tracking_id as "trackingId", r.title, r.status, r.institution_id as "holderId",
        i.name as "holderName", r.is_confidential as "isConfidential",
        to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
        round((${score})::numeric, 2)::float8 as similarity
      from reports r left join institutions i on i.id = r.institution_id
      where coalesce(r.parent_report_id, r.id) <> ${source.familyId} and ${scopeSql(scope)} and ${match}
    ) s where s.similarity >= ${q ? 0 : MIN_SIMILARITY}
    order by s.similarity desc, s."createdAt" desc
    limit ${limit}`);
  return res.rows as unknown as SimilarRow[];
}
