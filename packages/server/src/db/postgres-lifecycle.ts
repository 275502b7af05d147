/**
 * Reads a report's lifecycle state and events, and saves transitions: a thin wrapper over record-transition's
 * storage (postgres-transitions.ts) with the default projectors, for code that gets no deps.
 */
import type { LifecycleEvent, RecordResult, ReportState } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { reviveState } from './lifecycle-codec';
import type { Db } from './open';
import { defaultProjectors } from './postgres-projectors';
import { recordChange } from './postgres-transitions';

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
  const row = res.rows[0];
  if (!row) return null;
  return {
    id: Number(row.id),
    trackingId: String(row.trackingId),
    isAnonymous: row.isAnonymous === true,
    state: reviveState(row.lifecycle),
    updatedAt: new Date(String(row.updatedAt)),
  };
}

/**
 * Saves a transition with the default projectors. `expectedUpdatedAt` is the version the caller read: if another
 * writer got there first the save is refused (`stale`), so two people acting on one report at once can never both win.
 */
export async function saveTransition(
  db: Db,
  trackingId: string,
  expectedUpdatedAt: Date | null,
  state: ReportState,
  events: readonly LifecycleEvent[],
  now: Date,
): Promise<{ ok: true } | Exclude<RecordResult, { ok: true }>> {
  const res = await recordChange(
    db,
    { trackingId, expectedUpdatedAt, state, events, now },
    defaultProjectors(),
  );
  return res.ok ? { ok: true } : res;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** A report's events in order, with their chain fields. */
export async function readEvents(db: Db, trackingId: string) {
  const res =
    await db.execute(sql`select e.seq, e.action, e.actor_id as "actorId", e.actor_role as "actorRole",
      e.institution_id as "institutionId", e.at, e.from_status as "fromStatus", e.to_status as "toStatus",
      e.payload, e.prev_hash as "prevHash", e.hash
    from events e join reports r on r.id = e.report_id where r.tracking_id = ${trackingId} order by e.seq`);
  return res.rows.map((r) => ({
    seq: Number(r.seq),
    action: String(r.action),
    actorId: text(r.actorId),
    actorRole: String(r.actorRole),
    institutionId: r.institutionId === null ? null : Number(r.institutionId),
    fromStatus: text(r.fromStatus),
    toStatus: text(r.toStatus),
    payload: r.payload as Record<string, unknown>,
    prevHash: text(r.prevHash),
    hash: String(r.hash),
    trackingId,
    at: new Date(String(r.at)),
  }));
}
