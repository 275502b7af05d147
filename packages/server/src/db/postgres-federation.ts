/** The federation registry over SQL (ADR 0013): trusted peers and the authority map. */
import type { AuthorityEntry, FederationPeer, FederationRegistry, PeerBacklog } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { claimInstitutionIdRange } from './federation-institutions';
import { enqueueMessage } from './federation-outbox';
import { federateReport } from './federation-routing';
import type { Db } from './open';
import { textArrayLiteral } from './pg-arrays';

type Row = Record<string, unknown>;

const peerOf = (r: Row): FederationPeer => ({
  slug: String(r.slug),
  name: String(r.name),
  baseUrl: String(r.baseUrl),
  publicKey: String(r.publicKey),
  state: r.state === 'suspended' ? 'suspended' : 'trusted',
  identityIssuedAt: new Date(r.identityIssuedAt as string),
  trustedAt: new Date(r.trustedAt as string),
  trustedBy: String(r.trustedBy),
});

/** Replaces `instance`'s authority lines with `handles`, in `tx`. */
async function setLines(tx: Db, instance: string, handles: readonly string[], at: Date) {
  await tx.execute(sql`delete from federation_authority where instance = ${instance}`);
  if (handles.length)
    await tx.execute(sql`insert into federation_authority (institution_code, instance, updated_at)
      select code, ${instance}, ${at.toISOString()} from unnest(${textArrayLiteral(handles)}::text[]) as code`);
}

/** How long `federated()` trusts its last look at the peers table. */
const FEDERATED_CACHE_MS = 5_000;

export function postgresFederation(db: Db): FederationRegistry {
  const cache = { federated: false, at: 0, loading: false };
  const refresh = () => {
    if (cache.loading) return;
    cache.loading = true;
    db.execute(sql`select exists (select 1 from federation_peers where state = 'trusted') as f`)
      .then((res) => Object.assign(cache, { federated: res.rows[0]?.f === true, at: Date.now() }))
      .catch(() => {})
      .finally(() => {
        cache.loading = false;
      });
  };
  refresh();
  return {
    federated() {
      if (Date.now() - cache.at > FEDERATED_CACHE_MS) refresh();
      return cache.federated;
    },
    async sendCommand(trackingId, peer, command, now) {
      await db.transaction(async (trx) => {
        const tx = trx as unknown as Db;
        await tx.execute(sql`select id from reports where tracking_id = ${trackingId} for update`);
        await enqueueMessage(tx, peer, trackingId, 'report.command', command, now);
      });
    },
    async afterFiling(trackingId, now) {
      await db.transaction(async (trx) => {
        const tx = trx as unknown as Db;
        const res = await tx.execute(sql`select id::int as id, institution_id as "holderId", copies
          from reports where tracking_id = ${trackingId} and handled_at is null for update`);
        const r = res.rows[0];
        if (!r) return;
        const holder = r.holderId === null ? null : Number(r.holderId);
        await federateReport(tx, Number(r.id), holder, (r.copies as string[]) ?? [], now);
      });
    },
    async peers() {
      const res =
        await db.execute(sql`select slug, name, base_url as "baseUrl", public_key as "publicKey", state,
          identity_issued_at as "identityIssuedAt", trusted_at as "trustedAt", trusted_by as "trustedBy"
        from federation_peers order by slug`);
      return (res.rows as Row[]).map(peerOf);
    },
    async trust(peer, handles) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into federation_peers (slug, name, base_url, public_key, state,
            identity_issued_at, trusted_at, trusted_by)
          values (${peer.slug}, ${peer.name}, ${peer.baseUrl}, ${peer.publicKey}, ${peer.state},
            ${peer.identityIssuedAt.toISOString()}, ${peer.trustedAt.toISOString()}, ${peer.trustedBy})
          on conflict (slug) do update set name = excluded.name, base_url = excluded.base_url,
            public_key = excluded.public_key, state = excluded.state,
            identity_issued_at = excluded.identity_issued_at, trusted_at = excluded.trusted_at,
            trusted_by = excluded.trusted_by`);
        await setLines(tx as unknown as Db, peer.slug, handles, peer.trustedAt);
      });
      Object.assign(cache, { federated: true, at: Date.now() });
    },
    async handle(self, handles, at) {
      await db.transaction(async (trx) => {
        const tx = trx as unknown as Db;
        await setLines(tx, self, handles, at);
        await claimInstitutionIdRange(tx, handles);
      });
    },
    async setPeerState(slug, state) {
      const res = await db.execute(sql`update federation_peers set state = ${state} where slug = ${slug}`);
      cache.at = 0;
      return (res.rowCount ?? 0) > 0;
    },
    async backlog(): Promise<PeerBacklog[]> {
      // Per peer: the pending index answers the first two; the last error and delivery read the newest rows.
      const res = await db.execute(sql`select p.slug as peer,
          (select count(*)::int from federation_outbox o where o.peer = p.slug and o.delivered_at is null) as queued,
          (select min(created_at) from federation_outbox o where o.peer = p.slug and o.delivered_at is null)
            as "oldestQueuedAt",
          e.last_error as "lastError", e.last_attempt_at as "lastErrorAt",
          (select max(delivered_at) from federation_outbox o where o.peer = p.slug) as "lastDeliveredAt"
        from federation_peers p
        -- The last error of what still waits: once a message got through, its earlier errors are history.
        left join lateral (select last_error, last_attempt_at from federation_outbox o
          where o.peer = p.slug and o.delivered_at is null and o.last_error is not null
          order by last_attempt_at desc limit 1) e on true
        order by p.slug`);
      const date = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)));
      return (res.rows as Row[]).map((r) => ({
        peer: String(r.peer),
        queued: Number(r.queued),
        oldestQueuedAt: date(r.oldestQueuedAt),
        lastError: r.lastError === null ? null : String(r.lastError),
        lastErrorAt: date(r.lastErrorAt),
        lastDeliveredAt: date(r.lastDeliveredAt),
      }));
    },
    async authority(): Promise<AuthorityEntry[]> {
      const res = await db.execute(sql`select institution_code as "institutionCode", instance
        from federation_authority order by institution_code`);
      return (res.rows as Row[]).map((r) => ({
        institutionCode: String(r.institutionCode),
        instance: String(r.instance),
      }));
    },
    async unknownInstitutionCodes(codes) {
      if (codes.length === 0) return [];
      const res =
        await db.execute(sql`select c.code from unnest(${textArrayLiteral(codes)}::text[]) as c(code)
        where not exists (select 1 from institutions i where i.code = c.code) order by c.code`);
      return (res.rows as Row[]).map((r) => String(r.code));
    },
  };
}
