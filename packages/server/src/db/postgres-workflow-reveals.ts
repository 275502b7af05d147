/**
 * The identity reveal log (domain.md §7): a reveal is written in the transaction that also records its lifecycle
 * event, and oversight and the national admin read it, scoped to institution subtrees.
 */
import type { IdentityReveal, IdentityReveals, RevealLogScope } from '@pintu/core';
import { desc, inArray, sql } from 'drizzle-orm';
import type { Db } from './open';
import { identityReveals } from './workflow-schema';

/** A reveal about to be logged. */
export type NewIdentityReveal = Omit<IdentityReveal, 'id'> & { reportId: number };

/**
 * Logs a reveal and returns its id. Takes the transaction of the caller, which saves the reveal's lifecycle event
 * in the same unit of work (a reveal is never logged without its event, nor the event without the log).
 */
export async function insertIdentityReveal(tx: Db, reveal: NewIdentityReveal): Promise<number> {
  const [row] = await tx
    .insert(identityReveals)
    .values({
      reportId: reveal.reportId,
      trackingId: reveal.trackingId,
      revealedBy: reveal.revealedBy,
      revealedByName: reveal.revealedByName,
      role: reveal.role,
      reason: reveal.reason,
      at: reveal.at,
    })
    .returning({ id: identityReveals.id });
  return row!.id;
}

type RevealRow = typeof identityReveals.$inferSelect;

function toReveal(r: RevealRow): IdentityReveal {
  return {
    id: r.id,
    trackingId: r.trackingId,
    revealedBy: r.revealedBy,
    revealedByName: r.revealedByName,
    role: r.role,
    reason: r.reason,
    at: r.at,
  };
}

/** The reveal log over PostgreSQL. */
export function postgresIdentityReveals(db: Db): IdentityReveals {
  return {
    async list(scope: RevealLogScope, page: { page: number; pageSize: number }) {
      const inScope =
        scope === 'all'
          ? sql`true`
          : inArray(
              identityReveals.reportId,
              sql`(select r.id from reports r join institutions i on i.id = r.institution_id
               where i.path && ${`{${scope.join(',')}}`}::int[])`,
            );
      const [rows, count] = await Promise.all([
        db
          .select()
          .from(identityReveals)
          .where(inScope)
          .orderBy(desc(identityReveals.at), desc(identityReveals.id))
          .limit(page.pageSize)
          .offset((page.page - 1) * page.pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(identityReveals).where(inScope),
      ]);
      return { items: rows.map(toReveal), total: count[0]?.n ?? 0 };
    },
  };
}
