/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { AccountCipher } from '../security/account-cipher';
import type { Db } from './open';
import { postgresAccounts } from './postgres-accounts';
import { postgresAttachments } from './postgres-attachments';
import { postgresCitizenData } from './postgres-citizen-data';
import { postgresFederation } from './postgres-federation';
import { postgresHolidays } from './postgres-holidays';
import { postgresIdempotencyKeys } from './postgres-idempotency';
import { postgresInAppNotifications } from './postgres-in-app-notifications';
import { postgresInbox } from './postgres-inbox';
import { postgresInstitutionAdmin } from './postgres-institution-admin';
import { postgresIntegration } from './postgres-integration';
import { postgresModeration } from './postgres-moderation';
import { postgresOpenData } from './postgres-open-data';
import { postgresOpen311 } from './postgres-open311';
import { postgresPrograms } from './postgres-programs';
import { postgresReports } from './postgres-reports';
import { postgresSessions } from './postgres-sessions';
import { postgresSimilarReports } from './postgres-similar';
import { postgresStatsReader } from './postgres-stats-reader';
import { postgresTransitions } from './postgres-transitions';
import { postgresWebhooks } from './postgres-webhooks';
import { postgresWorkflowReports } from './postgres-workflow';
import { postgresIdentityReveals } from './postgres-workflow-reveals';

/** `cipher` seals account e-mail and phone (issue 16 §6). */
export function postgresPorts(db: Db, cipher: AccountCipher): Ports {
  return {
    statsReader: postgresStatsReader(db),
    holidays: postgresHolidays(db),
    inAppNotifications: postgresInAppNotifications(db),
    reports: postgresReports(db),
    attachments: postgresAttachments(db),
    citizenData: postgresCitizenData(db),
    similarReports: postgresSimilarReports(db),
    workflowReports: postgresWorkflowReports(db),
    identityReveals: postgresIdentityReveals(db),
    transitions: postgresTransitions(db),
    accounts: postgresAccounts(db, cipher),
    sessions: postgresSessions(db, cipher),
    institutionAdmin: postgresInstitutionAdmin(db),
    inbox: postgresInbox(db),
    webhooks: postgresWebhooks(db),
    integration: postgresIntegration(db),
    idempotencyKeys: postgresIdempotencyKeys(db),
    federation: postgresFederation(db),
    open311: postgresOpen311(db),
    openData: postgresOpenData(db),
    programs: postgresPrograms(db),
    moderation: postgresModeration(db),
  };
}
