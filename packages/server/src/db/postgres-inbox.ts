/**
 * The staff inbox: open reports in the caller's scope by queue, with the count of every queue in one query. The
 * reporter's identity is never selected here (no reporter column is read), so no inbox response can carry it.
 *
 * Scope is the union of the grant institutions' subtrees (`path && array[...]` on the GIN path index), resolved
 * to holder ids first so reports are reached through `reports_institution_status_idx (institution_id, status,
 * due_at)`; national roles see everything, through `reports_status_due_idx (status, due_at)`.
 */
import {
  INBOX_QUEUES,
  type InboxFilter,
  type InboxPort,
  type InboxQuery,
  type InboxQueue,
  type InboxRow,
  type InboxScope,
  QUEUE_STATUS,
  STAFF_CLOCK_STATUSES,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { estimatedReports } from './planner-estimate';
import { bool, intsOrNull, num, numOrNull, type Row, str, strOrNull } from './postgres-accounts-columns';
import { connectedSql, OPEN_STATUSES, type Q } from './postgres-institution-admin';
import { regionPredicate } from './postgres-public-reports';

export type { InboxFilter, InboxQuery, InboxQueue, InboxRow, InboxScope };
// The queues' rules are the core's (core/src/inbox/queues.ts); these names stay for the callers that import them here.
export { INBOX_QUEUES, STAFF_CLOCK_STATUSES };

const ints = (ids: readonly number[]) => sql`${`{${ids.join(',')}}`}::int[]`;
const texts = (xs: readonly string[]) => sql`${`{${xs.join(',')}}`}::text[]`;

/**
 * The holders in the grant subtrees, looked up first and given to the queries as a literal array: the planner then
 * estimates the matches from the statistics of `institution_id` (and picks `reports_institution_status_idx` or not)
 * rather than guessing at an `any(array(subquery))`. Null without grants.
 */
async function subtreeIds(db: Q, roots: readonly number[]): Promise<SQL | null> {
  if (roots.length === 0) return null;
  const res = await db.execute(sql`select coalesce(array_agg(id), '{}')::text as ids from institutions
    where path && ${ints(roots)}`);
  return sql`${String(res.rows[0]?.ids ?? '{}')}::int[]`;
}

/** The scope as one top-level condition: nothing for national roles, the grant subtrees otherwise. */
function scopePredicate(scope: InboxScope, holders: SQL | null): SQL {
  return scope.national ? sql`true` : sql`r.institution_id = any(${holders ?? sql`'{}'::int[]`})`;
}

/**
 * Whether the holder `i` is unattended (its institution has no SK). A non-unit holder is its own institution, so
 * the subquery up its path only runs for units — reports are mostly held by institutions while unverified.
 */
const unattendedSql = sql`(i.kind <> 'unit' and i.sk_number is null or i.kind = 'unit' and not ${connectedSql('i')})`;

/**
 * The predicate of each queue over rows `r` (with the holder joined as `i`); `late` says whether the deadline has
 * passed, so the same predicates serve the page (per report) and the counts (per holder, status and lateness).
 */
function queuePredicates(scope: InboxScope, holders: SQL | null, late: SQL): Record<InboxQueue, SQL> {
  // The national admin verifies the national queue and, for want of anyone else, reports held by institutions
  // that are not connected yet (domain.md §2), plus whatever its own grants cover; everyone else verifies what is
  // held in their subtrees.
  const ownSubtrees = holders ? sql`r.institution_id = any(${holders})` : sql`false`;
  const verifyScope = scope.national
    ? sql`(r.institution_id is null or ${unattendedSql} or ${ownSubtrees})`
    : sql`true`;
  const status = (s: string) => sql`r.status = ${s}`;
  return {
    to_verify: sql`(${status(QUEUE_STATUS.to_verify)} and ${verifyScope})`,
    to_acknowledge: status(QUEUE_STATUS.to_acknowledge),
    in_progress: status(QUEUE_STATUS.in_progress),
    awaiting_reporter: status(QUEUE_STATUS.awaiting_reporter),
    on_hold: status(QUEUE_STATUS.on_hold),
    overdue: sql`(r.status = any(${texts(STAFF_CLOCK_STATUSES)}) and ${late})`,
  };
}

async function filterPredicates(db: Q, f: InboxFilter): Promise<SQL[]> {
  const where: SQL[] = [];
  if (f.categoryId)
    where.push(
      sql`r.category_id in (select id from categories where id = ${f.categoryId} or parent_id = ${f.categoryId})`,
    );
  if (f.regionCode) where.push(await regionPredicate(db, f.regionCode));
  if (f.type) where.push(sql`r.type = ${f.type}`);
  if (f.unitId) where.push(sql`r.institution_id = any(${await subtreeIds(db, [f.unitId])})`);
  if (f.q) {
    const q = f.q.trim();
    where.push(
      sql`(r.tsv @@ websearch_to_tsquery('indonesian', ${q}) or r.tracking_id = ${q.toUpperCase()})`,
    );
  }
  return where;
}

/**
 * Counts of every queue (one query) and one page of the chosen queue, both under the same filters. The counts
 * group the matching reports by holder, status and lateness first, so per-holder facts (connected or not) are
 * worked out once per holder rather than once per report.
 */
export async function queryInbox(
  db: Q,
  scope: InboxScope,
  query: InboxQuery,
  now: Date,
  limits = { exactScope: EXACT_COUNT_SCOPE, cap: INBOX_COUNT_CAP },
): Promise<{
  counts: Record<InboxQueue, number>;
  countsExact: Record<InboxQueue, boolean>;
  rows: InboxRow[];
}> {
  const overdueSql = sql`r.due_at < ${now.toISOString()}`;
  const holders = await subtreeIds(db, scope.roots);
  const where = sql.join(
    [
      sql`r.status = any(${texts(OPEN_STATUSES)})`,
      scopePredicate(scope, holders),
      ...(await filterPredicates(db, query)),
    ],
    sql` and `,
  );
  const order =
    query.sort === 'newest'
      ? sql`r.created_at desc, r.id desc`
      : sql`r.due_at asc nulls last, r.created_at asc, r.id asc`;
  const [counts, rowRes] = await Promise.all([
    countQueues(db, scope, holders, where, now, limits),
    // The page's ids first, from the index alone where the filters allow (reports_institution_status_idx holds
    // holder, status, deadline and the order's columns), then its 20 rows: sorting the whole queue's rows cost a
    // read of each one's heap page.
    db.execute(sql`with page as (select r.id, row_number() over (order by ${order}) as ord
        from reports r left join institutions i on i.id = r.institution_id
        where ${where} and ${queuePredicates(scope, holders, overdueSql)[query.queue]}
        order by ${order}
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize})
      select r.tracking_id as "trackingId", r.type, r.title, r.status,
        r.institution_id as "holderId", i.name as "holderName", i.path as "holderPath",
        i.time_zone as "holderTimeZone", i.region_code as "holderRegionCode",
        r.category_id as "categoryId", c.name as "categoryName", r.region_code as "regionCode",
        g.name as "regionName", to_char(r.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "dueAt", r.is_anonymous as "isAnonymous",
        r.is_confidential as "isConfidential",
        (r.institution_id is not null and ${unattendedSql}) as unattended,
        to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"
      from page join reports r on r.id = page.id
      left join institutions i on i.id = r.institution_id
      left join categories c on c.id = r.category_id
      left join regions g on g.code = r.region_code
      order by page.ord`),
  ]);
  return { ...counts, rows: rowRes.rows.map(inboxRowOf) };
}

/** A scope with up to this many open reports (planner's estimate) has its queues counted exactly. */
export const EXACT_COUNT_SCOPE = 20_000;
/** In a bigger scope (the nation's 400,000 open reports), each queue is counted up to here: "1,000+". */
export const INBOX_COUNT_CAP = 1_000;

/**
 * The counts of every queue. A scope of up to `EXACT_COUNT_SCOPE` open reports (by the planner's estimate) is counted
 * exactly in one pass, grouped by holder, status and lateness so per-holder facts are worked out once per holder.
 * A bigger one (the nation: 400,000 open reports took ~1 s to group) counts each queue only up to the cap, each
 * count one short index walk.
 */
async function countQueues(
  db: Q,
  scope: InboxScope,
  holders: SQL | null,
  where: SQL,
  now: Date,
  limits: { exactScope: number; cap: number },
) {
  const overdueSql = sql`r.due_at < ${now.toISOString()}`;
  const exact = Object.fromEntries(INBOX_QUEUES.map((q) => [q, true])) as Record<InboxQueue, boolean>;
  if ((await estimatedReports(db, where)) <= limits.exactScope) {
    const grouped = queuePredicates(scope, holders, sql`r.late`);
    const counts = sql.join(
      INBOX_QUEUES.map(
        (q) => sql`coalesce(sum(r.n) filter (where ${grouped[q]}), 0)::int as ${sql.identifier(q)}`,
      ),
      sql`, `,
    );
    const res = await db.execute(sql`
      with r as (
        select r.institution_id, r.status, coalesce(${overdueSql}, false) as late, count(*) as n
        from reports r where ${where} group by 1, 2, 3
      )
      select ${counts} from r left join institutions i on i.id = r.institution_id`);
    const row = res.rows[0] ?? {};
    const counted = Object.fromEntries(INBOX_QUEUES.map((q) => [q, num(row[q] ?? 0)]));
    return { counts: counted as Record<InboxQueue, number>, countsExact: exact };
  }
  const preds = queuePredicates(scope, holders, overdueSql);
  const res = await db.execute(
    sql`select ${sql.join(
      INBOX_QUEUES.map(
        (
          q,
        ) => sql`(select count(*) from (select 1 from reports r left join institutions i on i.id = r.institution_id
        where ${where} and ${preds[q]} limit ${limits.cap + 1}) m)::int as ${sql.identifier(q)}`,
      ),
      sql`, `,
    )}`,
  );
  const row = res.rows[0] ?? {};
  const counts = {} as Record<InboxQueue, number>;
  for (const q of INBOX_QUEUES) {
    const n = num(row[q] ?? 0);
    counts[q] = Math.min(n, limits.cap);
    exact[q] = n <= limits.cap;
  }
  return { counts, countsExact: exact };
}

const inboxRowOf = (r: Row): InboxRow => ({
  trackingId: str(r.trackingId),
  type: str(r.type),
  title: str(r.title),
  status: str(r.status),
  holderId: numOrNull(r.holderId),
  holderName: strOrNull(r.holderName),
  holderPath: intsOrNull(r.holderPath),
  holderTimeZone: strOrNull(r.holderTimeZone),
  holderRegionCode: strOrNull(r.holderRegionCode),
  categoryId: num(r.categoryId),
  categoryName: strOrNull(r.categoryName),
  regionCode: str(r.regionCode),
  regionName: strOrNull(r.regionName),
  dueAt: strOrNull(r.dueAt),
  isAnonymous: bool(r.isAnonymous),
  isConfidential: bool(r.isConfidential),
  unattended: bool(r.unattended),
  createdAt: str(r.createdAt),
});

/** The path of an institution or unit (for the unit filter), or null. */
export async function institutionPath(db: Q, id: number): Promise<number[] | null> {
  const res = await db.execute(sql`select path from institutions where id = ${id}`);
  return intsOrNull(res.rows[0]?.path);
}

/** The inbox port over PostgreSQL/PGlite. */
export function postgresInbox(db: Db): InboxPort {
  return {
    query: (scope, query, now) => queryInbox(db, scope, query, now),
    institutionPath: (id) => institutionPath(db, id),
  };
}
