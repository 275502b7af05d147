/**
 * Ports: what the server's use cases need from storage and the outside world, as interfaces over core types. The
 * server implements them over PostgreSQL (`server/src/db/postgres-*.ts`) and in memory (`server/test/fakes/`), and
 * wires them in main.ts (ADR 0011). One file per port; add it to `Ports` here.
 */

import type { AccountsPort } from './accounts';
import type { InboxPort } from './inbox';
import type { InstitutionAdminPort } from './institution-admin';
import type { SessionsPort } from './sessions';

export * from './accounts';
export * from './inbox';
export * from './institution-admin';
export * from './sessions';

export type Ports = {
  accounts: AccountsPort;
  sessions: SessionsPort;
  institutionAdmin: InstitutionAdminPort;
  inbox: InboxPort;
};
