/**
 * The integration registry (issue 12, ADR 0012): regional apps, their API keys and the audit of both, and what
 * an app reads of reports (its filings, its subtree's reports) with their versions.
 */

/** A regional app registered for one institution. */
export interface IntegrationApp {
  id: string;
  name: string;
  slug: string;
  institutionId: number;
  contactName: string;
  contactEmail: string;
  createdAt: Date;
  disabledAt: Date | null;
}

/** An API key as lists show it: never the key, never its hash. */
export interface IntegrationKey {
  id: string;
  appId: string;
  prefix: string;
  name: string;
  permissions: string[];
  rateLimit: number;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rotatedFrom: string | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

/** A key as authentication needs it: with its hash and its app. */
export interface KeyWithApp {
  key: IntegrationKey;
  hash: string;
  app: IntegrationApp;
}

/** One audit row: who changed which app or key, and what (never a key or its hash). */
export interface IntegrationAuditEntry {
  appId: string;
  keyId: string | null;
  action: 'register_app' | 'update_app' | 'create_key' | 'rotate_key' | 'revoke_key';
  actorId: string;
  actorRole: string;
  at: Date;
  detail: Record<string, unknown> | null;
}

/** The changes of an app a developer may make. */
export interface AppPatch {
  name?: string;
  contactName?: string;
  contactEmail?: string;
  disabledAt?: Date | null;
}

/** A page request of the integration report list; the cursor is the last row's (updatedAt, id). */
export interface IntegrationReportQuery {
  scope: { filedBy: string } | { subtreeOf: number };
  updatedSince: Date | null;
  after: { updatedAt: Date; id: number } | null;
  limit: number;
}

/** A report as an app's list shows it: no content beyond the title, never the reporter. */
export interface IntegrationReportRow {
  id: number;
  trackingId: string;
  title: string;
  status: string;
  institutionId: number | null;
  channel: string;
  externalRef: string | null;
  dueAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** A report's version as the integration API names it (its last event seq), with its row's `updatedAt`. */
export interface ReportVersion {
  trackingId: string;
  externalRef: string | null;
  integrationAppId: string | null;
  version: number;
  updatedAt: Date;
}

/** What the integration API stores and reads. */
export interface IntegrationRegistry {
  /** Inserts the app with its audit row; `slug_taken` when the slug is in use. */
  insertApp(app: IntegrationApp, audit: IntegrationAuditEntry): Promise<'ok' | 'slug_taken'>;
  listApps(institutionIds: readonly number[] | 'all'): Promise<IntegrationApp[]>;
  findApp(appId: string): Promise<IntegrationApp | null>;
  /** Changes the app and writes the audit row in one transaction; null when there is no such app. */
  updateApp(appId: string, patch: AppPatch, audit: IntegrationAuditEntry): Promise<IntegrationApp | null>;
  /** Inserts a key (with its hash) and its audit row; a rotation also moves the old key's expiry, all at once. */
  insertKey(
    key: IntegrationKey,
    hash: string,
    audit: IntegrationAuditEntry,
    previous?: { id: string; expiresAt: Date },
  ): Promise<void>;
  listKeys(appId: string): Promise<IntegrationKey[]>;
  findKey(keyId: string): Promise<IntegrationKey | null>;
  /** Revokes the key (first revocation wins) and audits it. */
  revokeKey(keyId: string, at: Date, audit: IntegrationAuditEntry): Promise<void>;
  /** The key with this prefix, its hash and its app: one indexed query. */
  keyByPrefix(prefix: string): Promise<KeyWithApp | null>;
  /** Records a use of the key (the caller throttles this). */
  touchKey(keyId: string, at: Date): Promise<void>;
  listAudit(appId: string): Promise<IntegrationAuditEntry[]>;
  /** The trackingId of the app's report with this reference, or null. */
  reportOfExternalRef(appId: string, externalRef: string): Promise<string | null>;
  /** A page of reports in (updatedAt, id) order. */
  listReports(query: IntegrationReportQuery): Promise<IntegrationReportRow[]>;
  /** The app reference, version (last event seq) and row version (updatedAt) of one report, read together. */
  reportVersion(trackingId: string): Promise<ReportVersion | null>;
}
