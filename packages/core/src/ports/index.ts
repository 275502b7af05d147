/**
 * Ports: what the server's use cases need from storage and the outside world, as interfaces over core types. The
 * server implements them over PostgreSQL (`server/src/db/postgres-*.ts`) and in memory (`server/test/fakes/`), and
 * wires them in main.ts (ADR 0011). One file per port; add it to `Ports` here.
 */
import type { Attachments } from './attachments';
import type { CitizenData } from './citizen-data';
import type { Reports } from './reports';
import type { SimilarReports } from './similar-reports';

export * from './attachments';
export * from './blobs';
export * from './citizen-data';
export * from './reports';
export * from './similar-reports';

export type Ports = {
  reports: Reports;
  attachments: Attachments;
  citizenData: CitizenData;
  similarReports: SimilarReports;
};
