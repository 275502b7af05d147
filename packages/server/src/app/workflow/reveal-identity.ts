/**
 * Identity reveal (domain.md §7): only a national role holding the `reveal_identity` permission, with a reason;
 * every reveal is logged (identity_reveals) and leaves an internal event without the identity; oversight and the
 * national admin read the log.
 */
import {
  type Actor,
  can,
  fail,
  type IdentityReveal,
  type LifecycleEvent,
  type RevealLogScope,
} from '@pintu/core';
import type { Db } from '../../db/open';
import { saveTransition } from '../../db/postgres-lifecycle';
import { insertIdentityReveal } from '../../db/postgres-workflow-reveals';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { callerActors, subjectOf } from './callers';

type Env = Pick<AppDeps, 'db' | 'sealer' | 'workflowReports'> & { now: Date };

/** What a reporter told about themselves, sealed at intake. */
export interface ReporterIdentity {
  name?: string;
  email?: string;
  phone?: string;
}

class Stale extends Error {}

/**
 * Reveals a reporter's identity to a national role with the permission; logs who, when, why and which report.
 * The caller is signed in (the route answers 401 otherwise).
 */
export async function revealIdentity(
  env: Env,
  trackingId: string,
  reason: string,
  caller: Caller,
): Promise<{ trackingId: string; revealId: number; identity: ReporterIdentity | null }> {
  for (let attempt = 0; ; attempt++) {
    const report = await env.workflowReports.load(trackingId);
    if (!report) fail('NOT_FOUND', 'Laporan tidak ditemukan.');
    const actor = callerActors(caller).find((a) => can(a, 'reveal_identity', subjectOf(report)));
    if (!actor)
      fail(
        'NOT_ALLOWED',
        'Only a national role with the reveal permission may see the identity',
        undefined,
        'reveal_permission',
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
      // The log row and the event are one unit of work: the transaction is handed to both.
      const revealId = await env.db.transaction(async (trx) => {
        const tx = trx as unknown as Db;
        const id = await insertIdentityReveal(tx, {
          reportId: report.id,
          trackingId: report.trackingId,
          revealedBy: actor.id,
          revealedByName: caller.name,
          role: actor.role,
          reason,
          at: env.now,
        });
        const payload = { reason, revealId: id };
        const saved = await saveTransition(
          tx,
          report.trackingId,
          report.updatedAt,
          report.state,
          [{ ...event, payload }],
          env.now,
        );
        if (!saved.ok) throw new Stale();
        return id;
      });
      const identity = report.reporterSealed
        ? env.sealer.open<ReporterIdentity>(report.reporterSealed)
        : null;
      return { trackingId: report.trackingId, revealId, identity };
    } catch (err) {
      // The report changed between reading and writing: read it again (the reveal itself is not stale).
      if (!(err instanceof Stale)) throw err;
      if (attempt >= 2) fail('CONFLICT', 'Laporan sedang diubah. Coba lagi.', [], 'stale');
    }
  }
}

/** The scope of the reveal log a caller may read: everything, some institution subtrees, or nothing. */
function logScope(caller: Caller): RevealLogScope | null {
  const actors: Actor[] = callerActors(caller);
  // A rule of the policy with national scope: the national admin, and oversight bodies granted nationally.
  const national = { holder: { institutionId: null, ancestorIds: [] } };
  if (actors.some((a) => a.institutionId === null && can(a, 'view_reveal_log', national))) return 'all';
  const scoped = actors.filter((a) => a.institutionId !== null && a.role === 'oversight');
  return scoped.length ? scoped.map((a) => Number(a.institutionId)) : null;
}

/** The reveal log for oversight and the national admin, newest first; scoped oversight sees its subtree. */
export async function listIdentityReveals(
  deps: Pick<AppDeps, 'identityReveals'>,
  caller: Caller,
  page: { page: number; pageSize: number },
): Promise<{ items: IdentityReveal[]; total: number }> {
  const scope = logScope(caller);
  if (scope === null) fail('NOT_ALLOWED', 'Only oversight and the national admin read the reveal log');
  return deps.identityReveals.list(scope, page);
}
