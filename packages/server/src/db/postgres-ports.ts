/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { Db } from './open';
import { postgresAccounts } from './postgres-accounts';
import { postgresInbox } from './postgres-inbox';
import { postgresInstitutionAdmin } from './postgres-institution-admin';
import { postgresSessions } from './postgres-sessions';

export function postgresPorts(db: Db): Ports {
  return {
    accounts: postgresAccounts(db),
    sessions: postgresSessions(db),
    institutionAdmin: postgresInstitutionAdmin(db),
    inbox: postgresInbox(db),
  };
}
