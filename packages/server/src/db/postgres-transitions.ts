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
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { chainedContent, eventHash } from './event-chain';
import type { Db } from './open';
import { prepared } from './prepared';

const asInt = (id: string | null) => (id === null ? null : Number(id));

/**
 * The report row locked, with what the projectors need to know of the instance. Prepared, as is the chain head: both
 * run on every save, and planning them cost more than running them (pg_stat_statements in bench:paths).
 */
const LOCK = prepared<'trackingId'>(
  'pintu_record_lock',
  (p) => `select r.id::int as id, r.updated_at as "updatedAt", r.handled_at as "handledAt", r.copies,
      exists (select 1 from federation_peers where state = 'trusted') as federated,
      exists (select 1 from webhook_endpoints where enabled and deleted_at is null) as webhooks
    from reports r where r.tracking_id = ${p('trackingId')} for update`,
);
const CHAIN_HEAD = prepared<'reportId'>(
  'pintu_record_chain_head',
  (p) => `select seq, hash from events where report_id = ${p('reportId')}::bigint order by seq desc limit 1`,
);

/**
 * The events (one JSON array, often of one) and the report's projection in one prepared statement: a lifecycle
 * step's round trips and its planning are its cost. A program grievance's level and level deadline (issue 15) are
 * projected like status and holder; every other report keeps its (empty) columns.
 */
const APPEND = prepared<
  | 'events'
  | 'reportId'
  | 'status'
  | 'institutionId'
  | 'dueAt'
  | 'lifecycle'
  | 'program'
  | 'level'
  | 'levelDue'
  | 'now'
>(
  'pintu_record_append',
  (
    p,
  ) => `with appended as (insert into events (report_id, seq, action, actor_id, actor_role, institution_id, at,
      from_status, to_status, payload, prev_hash, hash)
    select ${p('reportId')}::bigint, x.seq, x.action, x.actor_id, x.actor_role, x.institution_id, x.at, x.from_status,
      x.to_status, x.payload, x.prev_hash, x.hash
    from json_to_recordset(${p('events')}::json) as x(seq int, action text, actor_id text, actor_role text,
      institution_id int, at timestamptz, from_status text, to_status text, payload jsonb, prev_hash text, hash text))
  update reports set status = ${p('status')}, institution_id = ${p('institutionId')}::int,
      due_at = ${p('dueAt')}::timestamptz, lifecycle = ${p('lifecycle')}::jsonb,
      program_level = case when ${p('program')}::boolean then ${p('level')}::text else program_level end,
      program_level_due_at = case when ${p('program')}::boolean then ${p('levelDue')}::timestamptz
        else program_level_due_at end,
      -- strictly increasing, so the version check also catches two saves within one millisecond
      updated_at = greatest(${p('now')}::timestamptz, updated_at + interval '1 millisecond')
    where id = ${p('reportId')}::bigint`,
);

/** How a recording joins its caller's transaction (persist-action.ts): see `recordChange`. */
export interface Joined {
  /**
   * The caller's after-commit list, which it runs once its own transaction has committed; null when the caller's
   * transaction is itself nested (its commit is not the last), so the work stays in the transaction.
   */
  afterCommit: (() => Promise<void>)[] | null;
}

/** Whether `db` is a transaction already (a recording on it is nested: its commit is not the last). */
export const inTransaction = (db: Db) => db instanceof PgTransaction;

/** Runs the after-commit work; a failure there is left to the job's sweeper (e.g. the outbox dispatcher). */
export async function runAfterCommit(work: readonly (() => Promise<void>)[]) {
  for (const w of work) await w().catch((err) => console.error('[after commit]', err));
}

/**
 * Records `change` on `db` (a database or an open transaction: then a savepoint). `expectedUpdatedAt` is the version
 * the caller read: if another writer got there first the change is refused (`stale`), so two people acting on one
 * report at once can never both win.
 *
 * `joined`: `db` is the caller's own transaction, which fails as a whole when anything here throws, so no savepoint
 * is needed (a refusal writes nothing before it returns); the after-commit work goes to the caller's list. Two round
 * trips fewer per action.
 */
export async function recordChange(
  db: Db,
  change: TransitionChange,
  projectors: readonly Projector<Db>[],
  joined?: Joined,
): Promise<RecordResult> {
  if (joined) return recordIn(db, change, projectors, joined.afterCommit ?? undefined);
  // Only a recording that owns its commit can defer work past it; nested in a caller's transaction (a savepoint),
  // the projectors do that work in the transaction as before.
  const owns = !inTransaction(db);
  const afterCommit: (() => Promise<void>)[] = [];
  const res = await db.transaction((trx) =>
    recordIn(trx as unknown as Db, change, projectors, owns ? afterCommit : undefined),
  );
  await runAfterCommit(afterCommit);
  return res;
}

async function recordIn(
  tx: Db,
  change: TransitionChange,
  projectors: readonly Projector<Db>[],
  afterCommit: (() => Promise<void>)[] | undefined,
): Promise<RecordResult> {
  const { trackingId, expectedUpdatedAt, state, events, now } = change;

  // Lock first, then read the chain head in a new statement: under READ COMMITTED a statement that waited for
  // the lock still sees its old snapshot in subqueries, and would fork the chain.
  const [row] = await LOCK(tx, { trackingId });
  if (!row) return { ok: false, reason: 'not_found' } as const;
  // A mirror changes only by its writer's events (ADR 0013): nobody here records on it.
  if (row.handledAt !== null)
    return { ok: false, reason: 'mirror', handledAt: String(row.handledAt) } as const;
  const reportId = Number(row.id);
  if (expectedUpdatedAt && new Date(String(row.updatedAt)).getTime() !== expectedUpdatedAt.getTime())
    return { ok: false, reason: 'stale' } as const;
  const [head] = await CHAIN_HEAD(tx, { reportId });
  let seq = head ? Number(head.seq) : 0;
  let prev = head ? String(head.hash) : null;
  const recorded: RecordedTransition['events'][number][] = [];
  const rows: Record<string, unknown>[] = [];
  for (const e of events) {
    seq += 1;
    const content = chainedContent(trackingId, seq, e);
    const hash = eventHash(prev, content);
    rows.push({
      seq,
      action: e.type,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      institution_id: content.institutionId,
      at: e.at.toISOString(),
      from_status: e.from,
      to_status: e.to,
      payload: content.payload,
      prev_hash: prev,
      hash,
    });
    prev = hash;
    recorded.push({ seq, event: e });
  }
  const program = state.program;
  await APPEND(tx, {
    events: JSON.stringify(rows),
    reportId,
    status: state.status,
    institutionId: asInt(state.holder.institutionId),
    dueAt: state.clock?.dueAt.toISOString() ?? null,
    lifecycle: JSON.stringify(state),
    program: program !== undefined && program !== null,
    level: program?.level ?? null,
    levelDue: program?.levelDueAt.toISOString() ?? null,
    now: now.toISOString(),
  });
  const done: RecordedTransition = {
    reportId,
    trackingId,
    state,
    events: recorded,
    at: events.at(-1)?.at ?? now,
    now,
    copies: (row.copies as string[] | null) ?? [],
    federated: row.federated === true,
    webhooks: row.webhooks === true,
    ...(afterCommit ? { afterCommit } : {}),
  };
  for (const p of projectors) await p.project(tx, done);
  return { ok: true, reportId } as const;
}

/** The port over `db`. */
export function postgresTransitions(db: Db, joined?: Joined): Transitions {
  return { record: (change, projectors) => recordChange(db, change, projectors as Projector<Db>[], joined) };
}

/** Links a child report (born of a split, in the parent's transaction) to its parent. */
export async function setParentReport(db: Db, childId: number, parentId: number) {
  await db.execute(sql`update reports set parent_report_id = ${parentId} where id = ${childId}`);
}
