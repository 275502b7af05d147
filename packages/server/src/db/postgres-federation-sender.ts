/**
 * The federation sender's statements (ADR 0013): claim the head of each (peer, report) stream that is due — never a
 * later message of a stream before its head is acknowledged — with a lease, so any number of processes may send;
 * then record the peer's answer.
 */
import { sql } from 'drizzle-orm';
import type { MessageKind } from './federation-outbox';
import type { Db } from './open';

export interface ClaimedMessage {
  id: number;
  peer: string;
  baseUrl: string;
  trackingId: string;
  seq: number;
  kind: MessageKind;
  body: unknown;
  attempts: number;
}

/** Up to `limit` stream heads due at `now`, leased until `now + leaseMs`. */
export async function claimMessages(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedMessage[]> {
  const at = now.toISOString();
  const res = await db.execute(sql`with heads as (
      select distinct on (o.peer, o.tracking_id) o.id, o.next_attempt_at, o.lease_until
      from federation_outbox o join federation_peers p on p.slug = o.peer and p.state = 'trusted'
      where o.delivered_at is null order by o.peer, o.tracking_id, o.seq
    ), due as (
      select id from heads where next_attempt_at <= ${at}::timestamptz
        and (lease_until is null or lease_until < ${at}::timestamptz)
      order by next_attempt_at limit ${limit}
    )
    update federation_outbox o set lease_until = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz,
      attempts = o.attempts + 1, last_attempt_at = ${at}::timestamptz
    from due, federation_peers p
    where o.id = due.id and p.slug = o.peer and o.delivered_at is null
      and (o.lease_until is null or o.lease_until < ${at}::timestamptz)
    returning o.id::int as id, o.peer, p.base_url as "baseUrl", o.tracking_id as "trackingId", o.seq, o.kind,
      o.body, o.attempts`);
  return res.rows.map((r) => ({
    id: Number(r.id),
    peer: String(r.peer),
    baseUrl: String(r.baseUrl),
    trackingId: String(r.trackingId),
    seq: Number(r.seq),
    kind: r.kind as MessageKind,
    body: r.body,
    attempts: Number(r.attempts),
  }));
}

export async function markDelivered(db: Db, id: number, result: unknown, now: Date): Promise<void> {
  await db.execute(sql`update federation_outbox set delivered_at = ${now.toISOString()}, lease_until = null,
      result = ${result === undefined ? null : JSON.stringify(result)}::jsonb
    where id = ${id}`);
}

export async function markFailed(db: Db, id: number, error: string, next: Date, now: Date): Promise<void> {
  await db.execute(sql`update federation_outbox set lease_until = null, last_error = ${error.slice(0, 500)},
      last_attempt_at = ${now.toISOString()}, next_attempt_at = ${next.toISOString()}
    where id = ${id}`);
}

/**
 * The peer expects `expectedSeq` of this stream: it lost messages (a restored backup) or already has more. Every
 * message from `expectedSeq` on is sent again now, and the ones before it count as delivered.
 */
export async function rewindStream(
  db: Db,
  m: Pick<ClaimedMessage, 'peer' | 'trackingId' | 'id'>,
  expectedSeq: number,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`update federation_outbox set delivered_at = null, lease_until = null,
        next_attempt_at = ${now.toISOString()}
      where peer = ${m.peer} and tracking_id = ${m.trackingId} and seq >= ${expectedSeq}`);
    await tx.execute(sql`update federation_outbox set delivered_at = coalesce(delivered_at, ${now.toISOString()}),
        lease_until = null
      where peer = ${m.peer} and tracking_id = ${m.trackingId} and seq < ${expectedSeq}`);
  });
}

/** A peer that cannot be reached: its whole backlog waits until `next` (each stream head would fail alike). */
export async function pushBackPeer(db: Db, peer: string, next: Date): Promise<void> {
  await db.execute(sql`update federation_outbox set next_attempt_at = ${next.toISOString()}
    where peer = ${peer} and delivered_at is null and next_attempt_at < ${next.toISOString()}
      and (lease_until is null or lease_until < now())`);
}
