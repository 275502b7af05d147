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

export interface FederationRegistry {
  peers(): Promise<FederationPeer[]>;
  /** Stores the peer as trusted (replacing an earlier identity of the same slug) with the institutions it handles. */
  trust(peer: FederationPeer, handles: readonly string[]): Promise<void>;
  /** Sets the institutions this instance itself handles (its own slug's lines). */
  handle(self: string, handles: readonly string[], at: Date): Promise<void>;
  authority(): Promise<AuthorityEntry[]>;
  /** The codes among `codes` that name no institution here. */
  unknownInstitutionCodes(codes: readonly string[]): Promise<string[]>;
}
