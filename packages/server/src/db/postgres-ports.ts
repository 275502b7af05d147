/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { Db } from './open';
import { postgresWorkflowReports } from './postgres-workflow';
import { postgresIdentityReveals } from './postgres-workflow-reveals';

export function postgresPorts(db: Db): Ports {
  return {
    workflowReports: postgresWorkflowReports(db),
    identityReveals: postgresIdentityReveals(db),
  };
}
