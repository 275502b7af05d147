/** The national admin's view of the federation (ADR 0013): this instance's identity, the peers, who handles what. */
import { type AuthorityEntry, can, fail, NATIONAL_QUEUE } from '@pintu/core';
import { keyFingerprint } from '../../security/instance-keys';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { callerActors } from '../workflow/callers';
import { trustPeer } from './trust-peer';

type Deps = Pick<AppDeps, 'federation' | 'instance'> & { now: Date };

/** The caller's id when they may manage the federation (the national admin); NOT_ALLOWED otherwise. */
function requireFederationAdmin(caller: Caller): string {
  if (!callerActors(caller).some((a) => can(a, 'manage_federation', { holder: NATIONAL_QUEUE })))
    fail('NOT_ALLOWED', 'Hanya admin nasional yang mengelola federasi.');
  return caller.userId;
}

function selfOf(deps: Deps) {
  if (!deps.instance)
    return fail('CONFLICT', 'Identitas instans ini belum diatur.', [], 'instance_not_set_up');
  return deps.instance;
}

export interface FederationView {
  self: { slug: string; name: string; baseUrl: string; fingerprint: string };
  peers: {
    slug: string;
    name: string;
    baseUrl: string;
    state: string;
    fingerprint: string;
    trustedAt: string;
    backlog: {
      queued: number;
      oldestQueuedAt: string | null;
      lastError: string | null;
      lastErrorAt: string | null;
      lastDeliveredAt: string | null;
    };
  }[];
  authority: AuthorityEntry[];
}

export async function viewFederation(deps: Deps, caller: Caller): Promise<FederationView> {
  requireFederationAdmin(caller);
  const self = selfOf(deps);
  const [peers, authority, backlog] = await Promise.all([
    deps.federation.peers(),
    deps.federation.authority(),
    deps.federation.backlog(),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    self: {
      slug: self.slug,
      name: self.name,
      baseUrl: self.baseUrl,
      fingerprint: keyFingerprint(self.publicKey),
    },
    peers: peers.map((p) => ({
      slug: p.slug,
      name: p.name,
      baseUrl: p.baseUrl,
      state: p.state,
      fingerprint: keyFingerprint(p.publicKey),
      trustedAt: p.trustedAt.toISOString(),
      backlog: ((b) => ({
        queued: b?.queued ?? 0,
        oldestQueuedAt: iso(b?.oldestQueuedAt ?? null),
        lastError: b?.lastError ?? null,
        lastErrorAt: iso(b?.lastErrorAt ?? null),
        lastDeliveredAt: iso(b?.lastDeliveredAt ?? null),
      }))(backlog.find((b) => b.peer === p.slug)),
    })),
    authority,
  };
}

/** This instance's identity document, claiming the institutions the map gives it. */
export async function identityOfInstance(deps: Deps, caller: Caller): Promise<string> {
  requireFederationAdmin(caller);
  const self = selfOf(deps);
  const handles = (await deps.federation.authority())
    .filter((e) => e.instance === self.slug)
    .map((e) => e.institutionCode);
  return self.identity(handles, Math.floor(deps.now.getTime() / 1000));
}

/** Trusts a peer from its identity document and the fingerprint its operator read out. */
export async function trustPeerAsAdmin(
  deps: Deps,
  caller: Caller,
  input: { document: string; fingerprint: string },
) {
  const userId = requireFederationAdmin(caller);
  const self = selfOf(deps);
  const { peer } = await trustPeer(
    { federation: deps.federation, now: deps.now, self: self.slug },
    { ...input, trustedBy: userId },
  );
  return (await viewFederation(deps, caller)).peers.find((p) => p.slug === peer.slug)!;
}
