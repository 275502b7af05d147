/**
 * Ports: what the server's use cases need from storage and the outside world, as interfaces over core types. The
 * server implements them over PostgreSQL (`server/src/db/postgres-*.ts`) and in memory (`server/test/fakes/`), and
 * wires them in main.ts (ADR 0011). One file per port; add it to `Ports` here.
 */

import type { AccountsPort } from './accounts';
import type { Attachments } from './attachments';
import type { CitizenData } from './citizen-data';
import type { FederationRegistry } from './federation';
import type { Holidays } from './holidays';
import type { IdempotencyKeys } from './idempotency';
import type { InAppNotifications } from './in-app-notifications';
import type { InboxPort } from './inbox';
import type { InstitutionAdminPort } from './institution-admin';
import type { IntegrationRegistry } from './integration';
import type { Moderation } from './moderation';
import type { OpenDataStore } from './open-data';
import type { Open311Store } from './open311';
import type { Programs } from './programs';
import type { Reports } from './reports';
import type { SessionsPort } from './sessions';
import type { SimilarReports } from './similar-reports';
import type { StatsReader } from './stats';
import type { Transitions } from './transitions';
import type { WebhookStore } from './webhooks';
import type { IdentityReveals, WorkflowReports } from './workflow-reports';

export * from './accounts';
export * from './attachments';
export * from './blobs';
export * from './citizen-data';
export * from './federation';
export * from './holidays';
export * from './idempotency';
export * from './in-app-notifications';
export * from './inbox';
export * from './institution-admin';
export type * from './integration';
export * from './legacy-imports';
export type * from './moderation';
export type * from './open-data';
export type * from './open311';
export type * from './programs';
export * from './reports';
export * from './sessions';
export * from './similar-reports';
export type * from './stats';
export * from './transitions';
export * from './webhooks';
export * from './workflow-reports';

export type Ports = {
  statsReader: StatsReader;
  holidays: Holidays;
  inAppNotifications: InAppNotifications;
  reports: Reports;
  attachments: Attachments;
  citizenData: CitizenData;
  similarReports: SimilarReports;
  workflowReports: WorkflowReports;
  identityReveals: IdentityReveals;
  transitions: Transitions;
  accounts: AccountsPort;
  sessions: SessionsPort;
  institutionAdmin: InstitutionAdminPort;
  inbox: InboxPort;
  webhooks: WebhookStore;
  integration: IntegrationRegistry;
  idempotencyKeys: IdempotencyKeys;
  federation: FederationRegistry;
  open311: Open311Store;
  openData: OpenDataStore;
  programs: Programs;
  moderation: Moderation;
};
