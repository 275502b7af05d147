/** The federation registry over SQL (ADR 0013): trusted peers and the authority map. */
import type { AuthorityEntry, FederationPeer, FederationRegistry } from '@pintu/core';
import { sql } from 'drizzle-orm';
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

export function postgresFederation(db: Db): FederationRegistry {
  return {
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
    },
    async handle(self, handles, at) {
      await db.transaction((tx) => setLines(tx as unknown as Db, self, handles, at));
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
