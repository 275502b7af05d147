/**
 * Persists lifecycle transitions: appends the events to the report's hash chain and updates the report row (its
 * projection) in one transaction. The report row lock serialises writers of one report only, never of others.
 */
import type { LifecycleEvent, ReportState } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { enqueueNotifications } from '../app/notifications/enqueue';
import { projectStageClocks } from '../app/sla/stage-clocks';
import { updateStatsRollup } from '../app/stats/rollup';
import { eventHash } from './event-chain';
import { reviveState } from './lifecycle-codec';
import type { Db } from './open';

export interface StoredReport {
  id: number;
  trackingId: string;
  isAnonymous: boolean;
  state: ReportState;
  updatedAt: Date;
}

/** Loads a report's lifecycle state, or null. */
export async function loadReportState(db: Db, trackingId: string): Promise<StoredReport | null> {
  const res =
    await db.execute(sql`select id::int as id, tracking_id as "trackingId", is_anonymous as "isAnonymous",
      lifecycle, updated_at as "updatedAt" from reports where tracking_id = ${trackingId}`);
  const row = res.rows[0] as
    | { id: number; trackingId: string; isAnonymous: boolean; lifecycle: unknown; updatedAt: string }
    | undefined;
  if (!row) return null;
  return { ...row, state: reviveState(row.lifecycle), updatedAt: new Date(row.updatedAt) };
}

const asInt = (id: string | null) => (id === null ? null : Number(id));

/**
 * Saves a transition. `expectedUpdatedAt` is the version the caller read: if another writer got there first the
 * save is refused (`stale`), so two people acting on one report at once can never both win.
 */
export async function saveTransition(
  db: Db,
  trackingId: string,
  expectedUpdatedAt: Date | null,
  state: ReportState,
  events: readonly LifecycleEvent[],
  now: Date,
): Promise<{ ok: true } | { ok: false; reason: 'not_found' | 'stale' }> {
  return db.transaction(async (tx) => {
    // Lock first, then read the chain head in a new statement: under READ COMMITTED a statement that waited for
    // the lock still sees its old snapshot in subqueries, and would fork the chain.
    const res = await tx.execute(sql`select r.id::int as id, r.updated_at as "updatedAt"
      from reports r where r.tracking_id = ${trackingId} for update`);
    const row = res.rows[0] as { id: number; updatedAt: string } | undefined;
    if (!row) return { ok: false, reason: 'not_found' } as const;
    if (expectedUpdatedAt && new Date(row.updatedAt).getTime() !== expectedUpdatedAt.getTime())
      return { ok: false, reason: 'stale' } as const;
    const head = await tx.execute(
      sql`select seq, hash from events where report_id = ${row.id} order by seq desc limit 1`,
    );
    const last = head.rows[0] as { seq: number; hash: string } | undefined;
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? null;
    for (const e of events) {
      seq += 1;
      const payload = JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>;
      const content = {
        trackingId,
        seq,
        action: e.type,
        actorId: e.actorId,
        actorRole: e.actorRole,
        institutionId: asInt(e.institutionId),
        at: e.at,
        fromStatus: e.from,
        toStatus: e.to,
        payload,
      };
      const hash = eventHash(prev, content);
      await tx.execute(sql`insert into events (report_id, seq, action, actor_id, actor_role, institution_id, at,
          from_status, to_status, payload, prev_hash, hash)
        values (${row.id}, ${seq}, ${e.type}, ${e.actorId}, ${e.actorRole}, ${content.institutionId},
          ${e.at.toISOString()}, ${e.from}, ${e.to}, ${JSON.stringify(payload)}::jsonb, ${prev}, ${hash})`);
      prev = hash;
    }
    await tx.execute(sql`update reports set status = ${state.status},
        institution_id = ${asInt(state.holder.institutionId)}, due_at = ${state.clock?.dueAt.toISOString() ?? null},
        lifecycle = ${JSON.stringify(state)}::jsonb,
        -- strictly increasing, so the version check also catches two saves within one millisecond
        updated_at = greatest(${now.toISOString()}::timestamptz, updated_at + interval '1 millisecond')
      where id = ${row.id}`);
    // The stage clocks the SLA sweep works from, in the same transaction (issue 4).
    await projectStageClocks(tx as unknown as Db, row.id, state, events.at(-1)?.at ?? now);
    await updateStatsRollup(tx as unknown as Db, row.id, state, events); // monitoring rollups (issue 5), same transaction
    // The notifications these events cause, in the same transaction: the outbox (notifications/enqueue.ts).
    await enqueueNotifications(tx as unknown as Db, row.id, last?.seq ?? 0, now);
    return { ok: true } as const;
  });
}

/** A report's events in order, with their chain fields. */
export async function readEvents(db: Db, trackingId: string) {
  const res =
    await db.execute(sql`select e.seq, e.action, e.actor_id as "actorId", e.actor_role as "actorRole",
      e.institution_id as "institutionId", e.at, e.from_status as "fromStatus", e.to_status as "toStatus",
      e.payload, e.prev_hash as "prevHash", e.hash
    from events e join reports r on r.id = e.report_id where r.tracking_id = ${trackingId} order by e.seq`);
  return (res.rows as Record<string, unknown>[]).map((r) => ({
    ...(r as {
      seq: number;
      action: string;
      actorId: string | null;
      actorRole: string;
      institutionId: number | null;
      fromStatus: string | null;
      toStatus: string | null;
      payload: Record<string, unknown>;
      prevHash: string | null;
      hash: string;
    }),
    trackingId,
    at: new Date(r.at as string),
  }));
}
