/**
 * Records lifecycle changes (core port `Transitions`): appends the events to the report's hash chain, updates the
 * report row (its projection), then runs the projectors, all in one transaction. The report row lock serialises
 * writers of one report only, never of others.
 */
import type {
  Projector,
  RecordedTransition,
  RecordResult,
  ReportState,
  TransitionChange,
  Transitions,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import { eventHash } from './event-chain';
import type { Db } from './open';

const asInt = (id: string | null) => (id === null ? null : Number(id));

/**
 * A program grievance's level and level deadline (issue 15), projected from its state like status and holder; the
 * fragment is empty for every other report, so they pay nothing.
 */
function programLevel(state: ReportState): SQL {
  const p = state.program;
  return p ? sql` program_level = ${p.level}, program_level_due_at = ${p.levelDueAt.toISOString()},` : sql``;
}

/**
 * Records `change` on `db` (a database or an open transaction: then a savepoint). `expectedUpdatedAt` is the version
 * the caller read: if another writer got there first the change is refused (`stale`), so two people acting on one
 * report at once can never both win.
 */
export async function recordChange(
  db: Db,
  change: TransitionChange,
  projectors: readonly Projector<Db>[],
): Promise<RecordResult> {
  const { trackingId, expectedUpdatedAt, state, events, now } = change;
  return db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    // Lock first, then read the chain head in a new statement: under READ COMMITTED a statement that waited for
    // the lock still sees its old snapshot in subqueries, and would fork the chain.
    const res = await tx.execute(sql`select r.id::int as id, r.updated_at as "updatedAt",
        r.handled_at as "handledAt", r.copies,
        exists (select 1 from federation_peers where state = 'trusted') as federated
      from reports r where r.tracking_id = ${trackingId} for update`);
    const row = res.rows[0];
    if (!row) return { ok: false, reason: 'not_found' } as const;
    // A mirror changes only by its writer's events (ADR 0013): nobody here records on it.
    if (row.handledAt !== null)
      return { ok: false, reason: 'mirror', handledAt: String(row.handledAt) } as const;
    const reportId = Number(row.id);
    if (expectedUpdatedAt && new Date(String(row.updatedAt)).getTime() !== expectedUpdatedAt.getTime())
      return { ok: false, reason: 'stale' } as const;
    const head = await tx.execute(
      sql`select seq, hash from events where report_id = ${reportId} order by seq desc limit 1`,
    );
    let seq = head.rows[0] ? Number(head.rows[0].seq) : 0;
    let prev = head.rows[0] ? String(head.rows[0].hash) : null;
    const recorded: RecordedTransition['events'][number][] = [];
    const rows: SQL[] = [];
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
      rows.push(sql`(${reportId}, ${seq}, ${e.type}, ${e.actorId}, ${e.actorRole}, ${content.institutionId},
          ${e.at.toISOString()}::timestamptz, ${e.from}, ${e.to}, ${JSON.stringify(payload)}::jsonb, ${prev}, ${hash})`);
      prev = hash;
      recorded.push({ seq, event: e });
    }
    // The events and the report's projection in one statement: a lifecycle step's round trips are its cost.
    const appended =
      rows.length === 0
        ? sql``
        : sql`with appended as (insert into events (report_id, seq, action, actor_id, actor_role, institution_id,
            at, from_status, to_status, payload, prev_hash, hash) values ${sql.join(rows, sql`, `)}) `;
    await tx.execute(sql`${appended}update reports set status = ${state.status},
        institution_id = ${asInt(state.holder.institutionId)}, due_at = ${state.clock?.dueAt.toISOString() ?? null},
        lifecycle = ${JSON.stringify(state)}::jsonb,${programLevel(state)}
        -- strictly increasing, so the version check also catches two saves within one millisecond
        updated_at = greatest(${now.toISOString()}::timestamptz, updated_at + interval '1 millisecond')
      where id = ${reportId}`);
    const done: RecordedTransition = {
      reportId,
      trackingId,
      state,
      events: recorded,
      at: events.at(-1)?.at ?? now,
      now,
      copies: (row.copies as string[] | null) ?? [],
      federated: row.federated === true,
    };
    for (const p of projectors) await p.project(tx, done);
    return { ok: true, reportId } as const;
  });
}

/** The port over `db`. */
export function postgresTransitions(db: Db): Transitions {
  return { record: (change, projectors) => recordChange(db, change, projectors as Projector<Db>[]) };
}

/** Links a child report (born of a split, in the parent's transaction) to its parent. */
export async function setParentReport(db: Db, childId: number, parentId: number) {
  await db.execute(sql`update reports set parent_report_id = ${parentId} where id = ${childId}`);
}
