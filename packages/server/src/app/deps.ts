/**
 * What a use case can reach: the ports (core/src/ports, implemented over PostgreSQL in db/postgres-*.ts and in
 * memory in test/fakes) and the services made once in main.ts. Use cases take the part they need
 * (`Pick<AppDeps, …>`); they never see HTTP.
 */
import type { Ports, Projector } from '@pintu/core';
import type { Blobs } from '../attachments/blobs';
import type { AuthService } from '../auth/auth';
import type { Db } from '../db/open';
import type { Mailer } from '../mail/mailer';
import type { Sealer } from '../security/seal';
import type { Resolve } from '../webhooks/address';
import type { BackupService } from './backup/backup-now';
import type { CalendarSource } from './reference/calendar-source';
import type { FilingGuard } from './reports/filing-gate';
import type { SmsChannel } from './sms/sms-channel';

export interface AppDeps extends Ports {
  /**
   * The database handle, for the db/ functions not yet behind a port. Use cases should not grow new uses of it:
   * add a port method instead (ADR 0011).
   */
  db: Db;
  blobs: Blobs;
  sealer: Sealer;
  calendar: CalendarSource;
  /** Accounts and sessions (better-auth) with what our middleware needs. */
  auth: AuthService;
  mailer: Mailer;
  /** The clock; tests pass a fixed one. Each request reads it once. */
  clock: () => Date;
  /** What record-transition runs in a change's transaction, in order (db/postgres-projectors.ts by default). */
  projectors: readonly Projector[];
  /** How webhook registration resolves a URL's host (node:dns by default); tests answer private addresses. */
  resolveHost?: Resolve;
  /** This instance among federated ones (ADR 0013); unset: the federation routes answer that it is not set up. */
  instance?: InstanceSelf;
  /** Backups of the running server (docs/backup.md); unset: the route answers that none can be made here. */
  backup?: BackupService;
  /** The SMS channel (docs/sms.md); unset: its webhook answers 404. */
  sms?: SmsChannel;
  /** The filing limits and the key of their marks (docs/abuse.md); unset: no filing is counted (use-case tests). */
  filingGuard?: FilingGuard;
  /** Open data (docs/open-data.md): where the dumps are, the aggregates' rounding key; unset: not published. */
  openDataConfig?: OpenDataConfig;
}

/** Open data's settings, made once in main.ts. */
export interface OpenDataConfig {
  /** `<DATA_DIR>/open-data`. */
  dir: string;
  /** Keys the small-count rounding (derived from the data key; never published). */
  cellKeySecret: string;
  /** The catalogue's contact point. */
  contactEmail: string;
}

/** Who this instance is, and the one thing its secret key is used for here: signing its identity document. */
export interface InstanceSelf {
  slug: string;
  name: string;
  baseUrl: string;
  publicKey: string;
  /** The signed identity document, claiming `handles`, issued at `nowS` (unix seconds). */
  identity(handles: readonly string[], nowS: number): string;
  /** Signs a federation message (Standard Webhooks `v1a`, Ed25519). */
  sign(id: string, timestamp: number, body: string): string;
  /** A plain Ed25519 signature (base64) over `content`: the audit checkpoints (docs/audit.md). */
  signDetached(content: string): string;
}
