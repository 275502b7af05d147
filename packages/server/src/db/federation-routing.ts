/**
 * Where a report belongs among federated instances (ADR 0013), decided in the transaction that moves it: after
 * intake and after every recorded change. The rule is core's `authorityOf` — the nearest listed ancestor of the holder
 * decides, an unlisted holder is the fallback's — evaluated here in one statement over `federation_authority`, and
 * the national instance is the fallback: the trusted peer that lists no institution, when this instance lists some.
 */
import { sql } from 'drizzle-orm';
import { institutionDescriptors } from './federation-institutions';
import {
  attachmentsOf,
  chainedEvents,
  copyReport,
  enqueueMessage,
  forwardReport,
  institutionIdsOf,
} from './federation-outbox';
import type { Db } from './open';

export interface Route {
  /** The trusted peer that handles the holder; null when this instance does. */
  handler: string | null;
  /** When this instance handles it and is not the national one: the national peer, which gets a statistics copy. */
  statsPeer: string | null;
}

/** The route of a holder (`null`: the national queue); null when this instance trusts no peer. */
export async function routeOf(tx: Db, holderId: number | null): Promise<Route | null> {
  const res = await tx.execute(sql`with peers as (select slug from federation_peers where state = 'trusted'),
    listed as (select fa.instance from institutions i
        cross join lateral unnest(i.path) with ordinality as p(id, n)
        join institutions a on a.id = p.id
        join federation_authority fa on fa.institution_code = a.code
      where i.id = ${holderId} order by p.n desc limit 1),
    national as (select slug from peers p
      where not exists (select 1 from federation_authority a where a.instance = p.slug) order by slug limit 1)
    select exists (select 1 from peers) as federated,
      (select instance from listed) as listed,
      exists (select 1 from federation_authority a where a.instance not in (select slug from peers)) as "selfListed",
      (select slug from national) as national,
      (select instance from listed) in (select slug from peers) as "listedPeer"`);
  const r = res.rows[0]!;
  if (r.federated !== true) return null;
  const national = r.national === null ? null : String(r.national);
  // This instance is the national one when it lists no institution of its own.
  const fallback = r.selfListed === true ? national : null;
  if (r.listed !== null) {
    if (r.listedPeer === true) return { handler: String(r.listed), statsPeer: null };
    return { handler: null, statsPeer: fallback };
  }
  return { handler: fallback, statsPeer: null };
}

/**
 * After a change of report `reportId` (its row locked): forwards it when its holder is now another instance's, or
 * sends the national instance a statistics copy when it is handled here and the national one has none.
 */
export async function federateReport(
  tx: Db,
  reportId: number,
  holderId: number | null,
  copies: readonly string[],
  now: Date,
): Promise<void> {
  const route = await routeOf(tx, holderId);
  if (!route) return;
  if (route.handler) await forwardReport(tx, reportId, route.handler, now);
  else if (route.statsPeer && !copies.includes(route.statsPeer))
    await copyReport(tx, reportId, route.statsPeer, now);
}

/** Payload fields that carry people's words: a copy of a confidential report at a third instance gets none. */
const TEXT_FIELDS = ['message', 'note', 'question', 'comment'];

/** What a copy needs of a recorded change: its new events (as chained) and the state they lead to. */
export async function eventMessage(
  tx: Db,
  change: {
    reportId: number;
    state: object;
    events: readonly { seq: number; event: { holderId: string | null } }[];
  },
  withheld: boolean,
) {
  const first = change.events[0]!.seq;
  const events = (await chainedEvents(tx, change.reportId, first)).map((e, i) => ({
    ...e,
    holderId: change.events[i]?.event.holderId ?? null,
    payload: withheld
      ? Object.fromEntries(Object.entries(e.payload).filter(([k]) => !TEXT_FIELDS.includes(k)))
      : e.payload,
  }));
  const lifecycle = JSON.parse(JSON.stringify(change.state)) as Record<string, unknown>;
  if (withheld) lifecycle.draft = null;
  // The files a follow-up publishes travel with it (their bytes are added by the sender).
  const files = withheld
    ? []
    : events.flatMap((e) =>
        Array.isArray(e.payload.attachmentIds) ? (e.payload.attachmentIds as string[]) : [],
      );
  const attachments = await attachmentsOf(tx, change.reportId, files);
  return {
    events,
    lifecycle,
    withheld,
    attachments,
    codes: await institutionDescriptors(tx, institutionIdsOf(lifecycle, events)),
  };
}

/**
 * The federation projector (last of record-transition's, ADR 0013): sends the change's events to every copy — in
 * words to the origin (the reporter reads them there) and to any copy of a public report, without them to a
 * statistics copy of a confidential one — then forwards or copies the report if its holder calls for it.
 */
export async function projectFederation(
  tx: Db,
  change: {
    reportId: number;
    trackingId: string;
    state: { holder: { institutionId: string | null } };
    events: readonly { seq: number; event: { holderId: string | null } }[];
    copies: readonly string[];
    federated: boolean;
    now: Date;
  },
): Promise<void> {
  // Copies get every event even while their peer is suspended (its backlog waits); routing needs a trusted peer.
  if (change.copies.length && change.events.length) {
    const res = await tx.execute(sql`select origin, is_confidential as "isConfidential"
      from reports where id = ${change.reportId}`);
    const { origin, isConfidential } = res.rows[0]!;
    const bodies = new Map<boolean, unknown>();
    for (const peer of change.copies) {
      const withheld = isConfidential === true && peer !== origin;
      if (!bodies.has(withheld)) bodies.set(withheld, await eventMessage(tx, change, withheld));
      await enqueueMessage(tx, peer, change.trackingId, 'report.event', bodies.get(withheld), change.now);
    }
  }
  if (!change.federated) return;
  const holder = change.state.holder.institutionId;
  await federateReport(
    tx,
    change.reportId,
    holder === null ? null : Number(holder),
    change.copies,
    change.now,
  );
}

/**
 * Reports filed lately that should have been forwarded or copied and were not (a crash between a filing's commit
 * and its forward): at a regional instance any without a copy, at the national one those held under a peer's
 * institution. Each is routed again in its own transaction; the number sent.
 */
export async function forwardMissed(db: Db, now: Date, sinceMs = 2 * 86_400_000): Promise<number> {
  const since = new Date(now.getTime() - sinceMs).toISOString();
  const res = await db.execute(sql`with peers as (select slug from federation_peers where state = 'trusted')
    select r.tracking_id as "trackingId" from reports r left join institutions i on i.id = r.institution_id
    where r.handled_at is null and r.copies = '{}' and r.created_at > ${since}::timestamptz
      and exists (select 1 from peers)
      and (exists (select 1 from federation_authority a where a.instance not in (select slug from peers))
        or exists (select 1 from federation_authority fa join institutions x on x.code = fa.institution_code
          where x.id = any(i.path) and fa.instance in (select slug from peers)))
    order by r.created_at limit 500`);
  let sent = 0;
  for (const row of res.rows) {
    await db.transaction(async (trx) => {
      const tx = trx as unknown as Db;
      const locked =
        await tx.execute(sql`select id::int as id, institution_id as "holderId", copies from reports
        where tracking_id = ${String(row.trackingId)} and handled_at is null and copies = '{}' for update`);
      const r = locked.rows[0];
      if (!r) return;
      await federateReport(tx, Number(r.id), r.holderId === null ? null : Number(r.holderId), [], now);
      sent += 1;
    });
  }
  return sent;
}
