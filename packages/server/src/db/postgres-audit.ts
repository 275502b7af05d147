/**
 * The audit's statements (issue 16, docs/audit.md): every report's hash chain read in report-id pages and checked
 * in process, and the daily checkpoints — the chain heads that changed since the last one, the Merkle root over all
 * heads, and which reports no longer hold the head a checkpoint recorded.
 */
import { sql } from 'drizzle-orm';
import { type ChainedEvent, eventHash } from './event-chain';
import type { Db } from './open';

/** What is wrong with a report's chain, as far as the chain alone can tell. */
export type ChainFault = 'no_events' | 'edited' | 'deleted' | 'reordered' | 'inserted';

export interface ChainFinding {
  reportId: number;
  trackingId: string;
  fault: ChainFault;
  /** The first position where the chain breaks (1-based), 0 when it has no events. */
  seq: number;
}

type StoredEvent = ChainedEvent & { prevHash: string | null; hash: string };

/**
 * The first fault in one report's chain. A seq that skips, or a link to an event no longer in the chain, means one
 * was removed; a link to a later event means events were moved; a link to an earlier one (past its predecessor)
 * means one was put in between; a hash that does not match its content means an edit.
 */
export function chainFault(events: StoredEvent[]): { fault: ChainFault; seq: number } | null {
  if (!events.length) return { fault: 'no_events', seq: 0 };
  const position = new Map(events.map((e, i) => [e.hash, i]));
  let prev: string | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const { prevHash, hash, ...content } = e;
    if (e.seq !== i + 1) return { fault: e.seq > i + 1 ? 'deleted' : 'reordered', seq: i + 1 };
    if (prevHash !== prev) {
      const at = prevHash === null ? undefined : position.get(prevHash);
      const fault = at === undefined ? 'deleted' : at > i ? 'reordered' : 'inserted';
      return { fault, seq: e.seq };
    }
    if (eventHash(prev, content) !== hash) return { fault: 'edited', seq: e.seq };
    prev = hash;
  }
  return null;
}

const PAGE = 2000;

/** Checks every report's chain, a page of reports at a time; `onPage` reports progress. */
export async function verifyAllChains(
  db: Db,
  onPage?: (done: { reports: number; events: number }) => void,
): Promise<{ reports: number; events: number; findings: ChainFinding[] }> {
  const findings: ChainFinding[] = [];
  let after = 0;
  let reports = 0;
  let events = 0;
  for (;;) {
    const page = await db.execute(sql`select id::bigint as id, tracking_id as "trackingId" from reports
      where id > ${after} order by id limit ${PAGE}`);
    if (!page.rows.length) break;
    const ids = page.rows.map((r) => Number(r.id));
    const last = ids[ids.length - 1]!;
    const ev =
      await db.execute(sql`select report_id::bigint as "reportId", seq, action, actor_id as "actorId",
        actor_role as "actorRole", institution_id as "institutionId", at, from_status as "fromStatus",
        to_status as "toStatus", payload, prev_hash as "prevHash", hash
      from events where report_id > ${after} and report_id <= ${last} order by report_id, seq`);
    const byReport = new Map<number, StoredEvent[]>();
    const trackingOf = new Map(page.rows.map((r) => [Number(r.id), String(r.trackingId)]));
    for (const r of ev.rows) {
      const reportId = Number(r.reportId);
      const list = byReport.get(reportId) ?? [];
      list.push({
        trackingId: trackingOf.get(reportId) ?? '',
        seq: Number(r.seq),
        action: String(r.action),
        actorId: r.actorId === null ? null : String(r.actorId),
        actorRole: String(r.actorRole),
        institutionId: r.institutionId === null ? null : Number(r.institutionId),
        at: new Date(String(r.at)),
        fromStatus: r.fromStatus === null ? null : String(r.fromStatus),
        toStatus: r.toStatus === null ? null : String(r.toStatus),
        payload: r.payload as Record<string, unknown>,
        prevHash: r.prevHash === null ? null : String(r.prevHash),
        hash: String(r.hash),
      });
      byReport.set(reportId, list);
    }
    for (const id of ids) {
      const found = chainFault(byReport.get(id) ?? []);
      if (found) findings.push({ reportId: id, trackingId: trackingOf.get(id)!, ...found });
    }
    reports += ids.length;
    events += ev.rows.length;
    onPage?.({ reports, events });
    after = last;
  }
  return { reports, events, findings };
}

export interface CheckpointRow {
  seq: number;
  at: Date;
  reports: number;
  events: number;
  root: string;
  prevRoot: string | null;
  publicKey: string;
  signature: string;
}

const checkpointColumns = sql`seq, at, reports, events::bigint as events, root, prev_root as "prevRoot",
  public_key as "publicKey", signature`;

const toCheckpoint = (r: Record<string, unknown>): CheckpointRow => ({
  seq: Number(r.seq),
  at: new Date(String(r.at)),
  reports: Number(r.reports),
  events: Number(r.events),
  root: String(r.root),
  prevRoot: r.prevRoot === null ? null : String(r.prevRoot),
  publicKey: String(r.publicKey),
  signature: String(r.signature),
});

export async function listCheckpoints(db: Db): Promise<CheckpointRow[]> {
  const res = await db.execute(sql`select ${checkpointColumns} from audit_checkpoints order by seq`);
  return res.rows.map(toCheckpoint);
}

/** Records the heads that changed since checkpoint `seq - 1` under `seq`; returns how many. */
export async function recordChangedHeads(db: Db, seq: number): Promise<number> {
  const res = await db.execute(sql`insert into audit_checkpoint_heads (checkpoint, report_id, seq, hash)
    select ${seq}, r.id, h.seq, h.hash from reports r
      cross join lateral (select seq, hash from events e where e.report_id = r.id order by seq desc limit 1) h
      left join lateral (select p.seq, p.hash from audit_checkpoint_heads p where p.report_id = r.id
        order by p.checkpoint desc limit 1) p on true
    where p.seq is null or p.seq <> h.seq or p.hash <> h.hash`);
  return res.rowCount ?? 0;
}

/** The heads of checkpoint `seq` in report-id order, a page at a time (the latest row ≤ seq per report). */
export async function* headsOf(
  db: Db,
  seq: number,
): AsyncGenerator<{ reportId: number; seq: number; hash: string }> {
  let after = 0;
  for (;;) {
    const res = await db.execute(sql`select distinct on (report_id) report_id::bigint as "reportId", seq, hash
      from audit_checkpoint_heads where checkpoint <= ${seq} and report_id > ${after}
      order by report_id, checkpoint desc limit ${PAGE * 5}`);
    if (!res.rows.length) return;
    for (const r of res.rows)
      yield { reportId: Number(r.reportId), seq: Number(r.seq), hash: String(r.hash) };
    after = Number(res.rows[res.rows.length - 1]!.reportId);
  }
}

export async function insertCheckpoint(db: Db, c: CheckpointRow): Promise<void> {
  await db.execute(sql`insert into audit_checkpoints (seq, at, reports, events, root, prev_root, public_key,
      signature)
    values (${c.seq}, ${c.at.toISOString()}, ${c.reports}, ${c.events}, ${c.root}, ${c.prevRoot}, ${c.publicKey},
      ${c.signature})`);
}

/** The reports whose event at a head checkpoint `seq` recorded is gone or has another hash now. */
export async function headsNoLongerHeld(
  db: Db,
  seq: number,
): Promise<{ reportId: number; trackingId: string | null; seq: number; missing: boolean }[]> {
  const res =
    await db.execute(sql`select h."reportId", r.tracking_id as "trackingId", h.seq, e.hash is null as missing
    from (select distinct on (report_id) report_id as "reportId", seq, hash from audit_checkpoint_heads
          where checkpoint <= ${seq} order by report_id, checkpoint desc) h
      left join events e on e.report_id = h."reportId" and e.seq = h.seq
      left join reports r on r.id = h."reportId"
    where e.hash is distinct from h.hash
    order by h."reportId" limit 10000`);
  return res.rows.map((r) => ({
    reportId: Number(r.reportId),
    trackingId: r.trackingId === null ? null : String(r.trackingId),
    seq: Number(r.seq),
    missing: Boolean(r.missing),
  }));
}

/** Runs `fn` in one transaction: a checkpoint's heads and its row are written together or not at all. */
export const inTransaction = <T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> =>
  db.transaction((trx) => fn(trx as unknown as Db));
