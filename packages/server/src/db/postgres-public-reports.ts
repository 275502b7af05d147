/**
 * The public list and search (`GET /api/v1/reports`) at national size: every query costs the page, not the table.
 *
 * - Lists walk `reports_public_created_idx` (newest first, public reports only) and stop after one page; the next
 *   page is a keyset cursor, `(created_at, id)` of the last row, so page 500 costs what page 1 does.
 * - A province or regency filter has its own index in the same order (`left(region_code, 2 | 5)`); a district is
 *   its own code and its villages' — `like 'x.%'` could use no index under the database's collation.
 * - A search ranks only the newest `SEARCH_CANDIDATES` matches: ranking every match of a common word ("jalan")
 *   reads and ranks hundreds of thousands of rows for one page. The page's rows are joined after the cut.
 * - The total is counted up to `COUNT_CAP`; beyond it the planner's estimate is given and `totalExact` is false.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { estimatedReports } from './planner-estimate';
import { REPORT_COLUMNS, REPORT_FROM, type ReportRow } from './postgres-reports';
import { num, type Row, reportRecordOf } from './report-rows';

/** How many matches a search ranks: the newest ones (docs/api.md says so to clients). */
export const SEARCH_CANDIDATES = 1000;
/** Totals are exact up to here, estimated beyond: counting 10,000 matches cost a province list 0.1–0.3 s. */
export const COUNT_CAP = 1_000;

export interface PublicSearch {
  q?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  categoryId?: number | undefined;
  regionCode?: string | undefined;
  institutionId?: number | undefined;
  /** The keyset cursor of the previous page's last row (`nextCursor`); wins over `page`. */
  cursor?: string | undefined;
  page: number;
  pageSize: number;
}

export interface PublicPage {
  rows: ReportRow[];
  total: number;
  totalExact: boolean;
  /** The cursor of the next page, or null on the last page (searches page by number). */
  nextCursor: string | null;
}

/**
 * A cursor is opaque to clients: base64url of the last row's `created_at` in microseconds since the epoch (exact,
 * unlike an ISO string's milliseconds) and its id.
 */
export function encodeCursor(micros: string, id: number): string {
  return Buffer.from(`${micros}.${id}`).toString('base64url');
}

/** The cursor's parts, or null when it is not one this server made. */
export function decodeCursor(cursor: string): { micros: string; id: number } | null {
  const m = /^(-?\d{1,17})\.(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { micros: m[1]!, id: Number(m[2]) } : null;
}

/**
 * A region and everything under it, in an indexable form (see the file comment): a province or a regency by its
 * prefix, which the public list's expression indexes hold; a district by itself and its villages (one level below,
 * from `regions`), which `reports_region_idx` serves.
 */
export async function regionPredicate(db: Pick<Db, 'execute'>, code: string): Promise<SQL> {
  if (code.length === 2 || code.length === 5)
    return sql`left(r.region_code, ${sql.raw(String(code.length))}) = ${code}`;
  const codes = await ids(db, sql`select code from regions where code = ${code} or parent_code = ${code}`);
  return sql`r.region_code = any(${codes}::text[])`;
}

/**
 * The values a filter stands for, looked up first and given to the page's query as a literal array: the planner then
 * estimates the matches from the column's statistics and picks the index walk or the bitmap and sort that fits. An
 * `= any(array(subquery))` is a guess to it, and a wrong one walked all 857,143 public reports for a district.
 */
/** A district or a village (not a province or a regency). */
const narrowRegion = (code: string | undefined) => code !== undefined && code.length > 5;

async function ids(db: Pick<Db, 'execute'>, query: SQL): Promise<SQL> {
  const res = await db.execute(query);
  const values = (res.rows as Row[]).map((r) => String(r.id ?? r.code));
  return sql`${`{${values.join(',')}}`}`;
}

/** The public filters, without the search term. */
async function conditions(db: Db, s: PublicSearch): Promise<SQL[]> {
  // Never a confidential report (domain.md §7), nor one moderation hides (docs/abuse.md); written as the partial
  // indexes' predicate so the planner can use them.
  const where = [sql`not r.is_confidential and not r.moderation_hidden`];
  if (s.status) where.push(sql`r.status = ${s.status}`);
  if (s.type) where.push(sql`r.type = ${s.type}`);
  if (s.categoryId)
    where.push(
      sql`r.category_id = any(${await ids(db, sql`select id from categories where id = ${s.categoryId} or parent_id = ${s.categoryId}`)}::int[])`,
    );
  if (s.regionCode) where.push(await regionPredicate(db, s.regionCode));
  if (s.institutionId)
    where.push(
      sql`r.institution_id = any(${await ids(db, sql`select id from institutions where path @> array[${s.institutionId}::int]`)}::int[])`,
    );
  return where;
}

/** The public list, a page of it: see the file comment for how each part stays the price of a page. */
export async function searchPublicReports(
  db: Db,
  s: PublicSearch,
  caps = { count: COUNT_CAP, candidates: SEARCH_CANDIDATES },
): Promise<PublicPage> {
  const where = await conditions(db, s);
  const after = s.cursor ? decodeCursor(s.cursor) : null;
  const offset = (s.page - 1) * s.pageSize;
  let ids: SQL;
  if (s.q) {
    const query = sql`websearch_to_tsquery('indonesian', ${s.q})`;
    where.push(sql`r.tsv @@ ${query}`);
    // The newest candidates first, then rank those: ts_rank reads each row's tsvector.
    ids = sql`select c.id, c.ord from (
        select m.id, row_number() over (order by ts_rank(m.tsv, ${query}) desc, m.created_at desc, m.id desc) as ord
        from (select r.id, r.tsv, r.created_at from reports r where ${sql.join(where, sql` and `)}
          order by r.created_at desc, r.id desc limit ${caps.candidates}) m
      ) c order by c.ord limit ${s.pageSize} offset ${offset}`;
  } else {
    const keyset = after
      ? [
          sql`(r.created_at, r.id) < (timestamptz 'epoch' + ${after.micros}::bigint * interval '1 microsecond', ${after.id})`,
        ]
      : [];
    const cond = sql.join([...where, ...keyset], sql` and `);
    // A district or village holds few reports by nature: read them all, then sort. Left to its estimate the planner
    // may walk the whole newest-first index looking for 20 of them (5 s at 1 M reports when it guessed wrong).
    const from = narrowRegion(s.regionCode)
      ? sql`(with n as materialized (select r.id, r.created_at from reports r where ${cond}) select * from n) r`
      : sql`reports r where ${cond}`;
    ids = sql`select r.id, row_number() over (order by r.created_at desc, r.id desc) as ord from ${from}
      order by r.created_at desc, r.id desc limit ${s.pageSize} offset ${after ? 0 : offset}`;
  }
  const [page, total] = await Promise.all([
    db.execute(sql`with page as (${ids}) select ${sql.raw(REPORT_COLUMNS)},
      (extract(epoch from r.created_at) * 1000000)::bigint::text as "cursorMicros"
      from ${sql.raw(REPORT_FROM)} join page on page.id = r.id order by page.ord`),
    cappedCount(db, where, s.q ? caps.candidates : caps.count, Boolean(s.q)),
  ]);
  const rows = page.rows as Row[];
  const records = rows.map(reportRecordOf);
  const last = rows.at(-1);
  const nextCursor =
    !s.q && last && rows.length === s.pageSize ? encodeCursor(String(last.cursorMicros), num(last.id)) : null;
  return { rows: records, ...total, nextCursor };
}

/**
 * The total: the planner's estimate first (one plan, no rows read); where it is within twice the cap, the matches
 * are counted, up to the cap. So a count never reads more than ~2× the cap of matching rows — counting a common
 * filter exactly would read the table (0.5 s at 1 M reports). A search counts at most its candidates, all it ranks.
 */
async function cappedCount(db: Db, where: SQL[], cap: number, search: boolean) {
  const cond = sql.join(where, sql` and `);
  // A search's estimate comes from text statistics, often far off; its count is cheap (≤ cap + 1 index matches).
  const estimate = search ? 0 : await estimatedReports(db, cond);
  if (!search && estimate > 2 * cap) return { total: estimate, totalExact: false };
  const res = await db.execute(
    sql`select count(*)::int as n from (select 1 from reports r where ${cond} limit ${cap + 1}) m`,
  );
  const n = num((res.rows[0] as Row).n);
  return n <= cap
    ? { total: n, totalExact: true }
    : { total: search ? cap : Math.max(cap, estimate), totalExact: false };
}
