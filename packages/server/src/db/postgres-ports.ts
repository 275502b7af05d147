/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { Db } from './open';
import { postgresAttachments } from './postgres-attachments';
import { postgresCitizenData } from './postgres-citizen-data';
import { postgresHolidays } from './postgres-holidays';
import { postgresInAppNotifications } from './postgres-in-app-notifications';
import { postgresReports } from './postgres-reports';
import { postgresSimilarReports } from './postgres-similar';
import { postgresStatsReader } from './postgres-stats-reader';
import { postgresTransitions } from './postgres-transitions';
import { postgresWorkflowReports } from './postgres-workflow';
import { postgresIdentityReveals } from './postgres-workflow-reveals';

export function postgresPorts(db: Db): Ports {
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
  };
}
