/** The federation registry port (ADR 0013): trusted peers and the authority map. */
import type { AuthorityEntry } from '../federation/authority';

export interface FederationPeer {
  slug: string;
  name: string;
  baseUrl: string;
  /** `whpk_…`. */
  publicKey: string;
  state: 'trusted' | 'suspended';
  identityIssuedAt: Date;
  trustedAt: Date;
  trustedBy: string;
}

/** What waits to be sent to a peer, and how the last tries went (the operator's backlog view). */
export interface PeerBacklog {
  peer: string;
  queued: number;
  oldestQueuedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  lastDeliveredAt: Date | null;
}

/** A reporter's action sent to the writer: the request as the reporter made it, and who they are to the report. */
export interface FederationCommand {
  action: { action: string; [field: string]: unknown };
  actor: { role: string; id: string };
}

export interface FederationRegistry {
  peers(): Promise<FederationPeer[]>;
  /** Stores the peer as trusted (replacing an earlier identity of the same slug) with the institutions it handles. */
  trust(peer: FederationPeer, handles: readonly string[]): Promise<void>;
  /** Sets the institutions this instance itself handles (its own slug's lines). */
  handle(self: string, handles: readonly string[], at: Date): Promise<void>;
  authority(): Promise<AuthorityEntry[]>;
  /** The codes among `codes` that name no institution here. */
  unknownInstitutionCodes(codes: readonly string[]): Promise<string[]>;
  /**
   * Sends the writer `peer` a reporter's action on a report this instance mirrors (a `report.command`, in the
   * report's stream to that peer).
   */
  sendCommand(trackingId: string, peer: string, command: FederationCommand, now: Date): Promise<void>;
  /** Forwards a report just filed, or copies it for the national instance, when the authority map calls for it. */
  afterFiling(trackingId: string, now: Date): Promise<void>;
  /** Whether this instance trusts any peer (cached briefly): without one, filings skip `afterFiling`. */
  federated(): boolean;
  /** Suspends a peer (nothing is sent to it, its messages are refused) or trusts it again; false if unknown. */
  setPeerState(slug: string, state: FederationPeer['state']): Promise<boolean>;
  /** The backlog of every peer that has or had messages. */
  backlog(): Promise<PeerBacklog[]>;
}
