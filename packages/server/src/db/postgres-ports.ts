/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { Db } from './open';
import { postgresAttachments } from './postgres-attachments';
import { postgresCitizenData } from './postgres-citizen-data';
import { postgresReports } from './postgres-reports';
import { postgresSimilarReports } from './postgres-similar';

export function postgresPorts(db: Db): Ports {
  return {
    reports: postgresReports(db),
    attachments: postgresAttachments(db),
    citizenData: postgresCitizenData(db),
    similarReports: postgresSimilarReports(db),
  };
}
