/**
 * Identity reveal (domain.md §7): only a national role holding the `reveal_identity` permission, with a reason;
 * every reveal is logged (identity_reveals) and leaves an internal event without the identity; oversight and the
 * national admin read the log.
 */
import { type Actor, can, domainError, type LifecycleEvent } from '@pintu/core';
import { desc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { saveTransition } from '../../db/postgres-lifecycle';
import { loadWorkflowReport } from '../../db/postgres-workflow';
import { identityReveals } from '../../db/workflow-schema';
import type { Deps } from '../../http/context';
import { domainProblem, ProblemError } from '../../http/problem';
import type { ReporterIdentity } from '../../http/reports/reports.presenter';
import type { Principal } from '../accounts/principal';
import { principalActors, subjectOf } from './callers';

type Env = Pick<Deps, 'db' | 'sealer'> & { now: Date };

const signInRequired = () =>
  new ProblemError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu. / Please sign in.');

class Stale extends Error {}

/** Reveals a reporter's identity to a national role with the permission; logs who, when, why and which report. */
export async function revealIdentity(
  env: Env,
  trackingId: string,
  reason: string,
  principal: Principal | null,
) {
  if (!principal) throw signInRequired();
  for (let attempt = 0; ; attempt++) {
    const report = await loadWorkflowReport(env.db, trackingId);
    if (!report) throw new ProblemError('NOT_FOUND', 'Laporan tidak ditemukan.');
    const actor = principalActors(principal).find((a) => can(a, 'reveal_identity', subjectOf(report)));
    if (!actor)
      throw domainProblem(
        domainError(
          'NOT_ALLOWED',
          'Only a national role with the reveal permission may see the identity',
          'reveal_permission',
        ),
      );
    const event: LifecycleEvent = {
      reportId: report.state.id,
      type: 'reveal_identity' as LifecycleEvent['type'],
      actorRole: actor.role,
      actorId: actor.id,
      institutionId: null,
      holderId: report.state.holder.institutionId,
      at: env.now,
      from: report.state.status,
      to: report.state.status,
      payload: {},
    };
    try {
      const revealId = await env.db.transaction(async (trx) => {
        const tx = trx as unknown as Db;
        const [row] = await tx
          .insert(identityReveals)
          .values({
            reportId: report.id,
            trackingId: report.trackingId,
            revealedBy: actor.id,
            revealedByName: principal.name,
            role: actor.role,
            reason,
            at: env.now,
          })
          .returning({ id: identityReveals.id });
        const payload = { reason, revealId: row!.id };
        const saved = await saveTransition(
          tx,
          report.trackingId,
          report.updatedAt,
          report.state,
          [{ ...event, payload }],
          env.now,
        );
        if (!saved.ok) throw new Stale();
        return row!.id;
      });
      const identity = report.reporterSealed
        ? env.sealer.open<ReporterIdentity>(report.reporterSealed)
        : null;
      return { trackingId: report.trackingId, revealId, identity };
    } catch (err) {
      // The report changed between reading and writing: read it again (the reveal itself is not stale).
      if (!(err instanceof Stale) || attempt >= 2) throw err instanceof Stale ? conflict() : err;
    }
  }
}

const conflict = () => new ProblemError('CONFLICT', 'Laporan sedang diubah. Coba lagi.', [], 'stale');

/** The scope of the reveal log a principal may read: everything, some institution subtrees, or nothing. */
function logScope(principal: Principal | null): 'all' | number[] | null {
  if (!principal) return null;
  const actors: Actor[] = principalActors(principal);
  // A rule of the policy with national scope: the national admin, and oversight bodies granted nationally.
  const national = { holder: { institutionId: null, ancestorIds: [] } };
  if (actors.some((a) => a.institutionId === null && can(a, 'view_reveal_log', national))) return 'all';
  const scoped = actors.filter((a) => a.institutionId !== null && a.role === 'oversight');
  return scoped.length ? scoped.map((a) => Number(a.institutionId)) : null;
}

/** The reveal log for oversight and the national admin, newest first; scoped oversight sees its subtree. */
export async function listIdentityReveals(
  deps: Pick<Deps, 'db'>,
  principal: Principal | null,
  page: { page: number; pageSize: number },
) {
  if (!principal) throw signInRequired();
  const scope = logScope(principal);
  if (scope === null)
    throw domainProblem(
      domainError('NOT_ALLOWED', 'Only oversight and the national admin read the reveal log'),
    );
  const inScope =
    scope === 'all'
      ? sql`true`
      : inArray(
          identityReveals.reportId,
          sql`(select r.id from reports r join institutions i on i.id = r.institution_id
               where i.path && ${`{${scope.join(',')}}`}::int[])`,
        );
  const [rows, count] = await Promise.all([
    deps.db
      .select()
      .from(identityReveals)
      .where(inScope)
      .orderBy(desc(identityReveals.at), desc(identityReveals.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    deps.db.select({ n: sql<number>`count(*)::int` }).from(identityReveals).where(inScope),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      trackingId: r.trackingId,
      revealedBy: { userId: r.revealedBy, name: r.revealedByName, role: r.role },
      reason: r.reason,
      at: r.at.toISOString(),
    })),
    page: page.page,
    pageSize: page.pageSize,
    total: count[0]?.n ?? 0,
  };
}
