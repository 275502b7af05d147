/** What the e-mail channel hands the use cases, and what they need (types only: every file here imports them). */
import type { AppDeps } from '../deps';

/** The `Nama: nilai` lines a message may carry (channels/email/message-text.ts). */
export interface EmailFields {
  region?: string;
  category?: string;
  address?: string;
  confidential: boolean;
  anonymous: boolean;
}

/** A message as the channel hands it over: already known to be a person's, its text already cleaned. */
export interface InboundEmail {
  messageId: string | null;
  sender: { name: string; address: string };
  /** As written (decoded), for the answer's subject. */
  subject: string;
  /** The subject without reply prefixes and tags. */
  title: string;
  /** The report the subject names, if any. */
  trackingId: string | null;
  /** The writer's own text (no quoted history, no signature), field lines included: a reply's message. */
  text: string;
  /** `text` without the field lines: a new report's body. */
  body: string;
  fields: EmailFields;
  attachments: { name: string; bytes: Buffer }[];
  /** The receiving MTA recorded a failed DMARC check for the From domain: the address proves nothing. */
  senderUnverified: boolean;
}

/** The instance's mailbox and what a message that names no region or category is filed under. */
export interface EmailChannelSettings {
  mailbox: string;
  publicUrl: string;
  defaults: { region?: string | undefined; category?: string | undefined };
}

export type EmailDeps = Pick<
  AppDeps,
  'db' | 'sealer' | 'calendar' | 'reports' | 'attachments' | 'blobs' | 'mailer' | 'idempotencyKeys'
> &
  Partial<Pick<AppDeps, 'workflowReports' | 'projectors' | 'federation'>> & {
    now: Date;
    references: EmailReferences;
  };

export type Lookup<T> =
  | { kind: 'found'; value: T }
  | { kind: 'ambiguous'; names: string[] }
  | { kind: 'unknown' };

/** Reference data found from what a person wrote (db/postgres-reference-lookup.ts). */
export interface EmailReferences {
  /** A region by its Kemendagri code, or a province's or regency's/city's name. */
  region(text: string): Promise<Lookup<{ code: string; name: string }>>;
  /** A category by its code or its Indonesian or English name. */
  category(text: string): Promise<Lookup<{ id: number; name: string }>>;
}
