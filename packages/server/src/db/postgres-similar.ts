/**
 * Candidates for "duplicate of": reports in the caller's inbox scope whose title is trigram-similar to the source
 * report's (through `reports_title_trgm_idx`), ranked by the better of title and opening-body similarity. With
 * search words, the words are matched against titles (word similarity) and bodies (full text). Only columns that
 * staff in scope may see are selected — never the reporter.
 */
import type { SimilarCandidate, SimilarReports, SimilarScope, SimilarSource } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import type { Q } from './postgres-institution-admin';
import { bool, num, numOrNull, type Row, str, strOrNull } from './report-rows';

/** How much of a body is compared: the opening says what a report is about, and keeps the cost bounded. */
const BODY_PREFIX = 1000;
/** Below this score a report is not offered as a candidate. */
export const MIN_SIMILARITY = 0.25;

export type { SimilarSource };
/** A candidate row (the core's `SimilarCandidate`). */
export type SimilarRow = SimilarCandidate;

/** The source report's text and family (a parent and its split children are one family, never "similar"). */
export async function loadSource(db: Q, reportId: number): Promise<SimilarSource | null> {
  const res = await db.execute(sql`select id::int as id, coalesce(parent_report_id, id)::int as "familyId",
      title, left(body, ${BODY_PREFIX}) as body
    from reports where id = ${reportId}`);
  const row = res.rows[0] as Row | undefined;
  return row
    ? { id: num(row.id), familyId: num(row.familyId), title: str(row.title), body: str(row.body) }
    : null;
}

function scopeSql(scope: SimilarScope): SQL {
  if (scope.national) return sql`true`;
  const roots = sql`${`{${scope.roots.join(',')}}`}::int[]`;
  return sql`r.institution_id = any(array(select id from institutions where path && ${roots}))`;
}

/** Up to `limit` similar reports in scope, best first. */
export async function querySimilar(
  db: Q,
  scope: SimilarScope,
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
  return (res.rows as Row[]).map(
    (r): SimilarCandidate => ({
      trackingId: str(r.trackingId),
      title: str(r.title),
      status: str(r.status),
      holderId: numOrNull(r.holderId),
      holderName: strOrNull(r.holderName),
      isConfidential: bool(r.isConfidential),
      createdAt: str(r.createdAt),
      similarity: num(r.similarity),
    }),
  );
}

/** The similar-reports port over one database handle. */
export function postgresSimilarReports(db: Db): SimilarReports {
  return {
    source: (reportId) => loadSource(db, reportId),
    candidates: (scope, source, q, limit) => querySimilar(db, scope, source, q, limit),
  };
}
