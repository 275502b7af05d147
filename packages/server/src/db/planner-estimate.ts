/** The planner's row estimate of a statement: what a capped count asks before reading any row (ADR 0015). */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';

/** How many rows PostgreSQL expects `select 1 from reports r where <where>` to give: one plan, no rows read. */
export async function estimatedReports(db: Pick<Db, 'execute'>, where: SQL): Promise<number> {
  const plan = await db.execute(sql`explain (format json) select 1 from reports r where ${where}`);
  const json = (plan.rows[0] as Record<string, unknown> | undefined)?.['QUERY PLAN'];
  const tree = (typeof json === 'string' ? JSON.parse(json) : json) as Array<{
    Plan: { 'Plan Rows': number };
  }>;
  return Math.round(tree[0]?.Plan['Plan Rows'] ?? 0);
}
