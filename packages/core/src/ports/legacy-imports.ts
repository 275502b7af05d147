/**
 * What `pintu import` needs from storage (issue 15): the reference data legacy names are matched against, which
 * legacy ids of a source are already here (the resume point), and the bulk writer of imported reports with every
 * row their history projects.
 */
import type { LegacyStep } from '../import/legacy-history';
import type { ReportState } from '../lifecycle/state';
import type { WorkingDays } from '../lifecycle/working-days';
import type { ReportType } from '../report/report';

export interface ImportInstitution {
  id: number;
  code: string;
  name: string;
  acronym: string | null;
  /** From the root down to the institution itself. */
  path: number[];
  timeZone: string;
  regionCode: string | null;
}

export interface ImportReference {
  institutions: ImportInstitution[];
  /** Regions under the scope (districts and villages), and the scope's own region. */
  regions: { code: string; name: string; level: number }[];
  categories: { id: number; code: string; name: string; defaultComplexity: string | null }[];
}

/** One legacy report ready to store: its row's content and the history core computed for it. */
export interface ImportedReport {
  trackingId: string;
  source: string;
  legacyId: string;
  type: ReportType;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  categoryId: number;
  requestedInstitutionId: number | null;
  steps: LegacyStep[];
  final: ReportState;
}

export interface LegacyImports {
  /** Institutions in the subtree of `institutionCode` (all when null), regions under `regionCode`, categories. */
  reference(scope: { institutionCode: string | null; regionCode: string | null }): Promise<ImportReference>;
  /** The legacy ids of `source` among `legacyIds` that are stored already. */
  imported(source: string, legacyIds: readonly string[]): Promise<Set<string>>;
  /**
   * Stores the reports with their events, stage clocks, facts, rollups and activity in one transaction; a report
   * whose (source, legacy id) is already stored is skipped with everything it would add. Returns how many were new.
   */
  write(reports: readonly ImportedReport[], calendar: WorkingDays): Promise<number>;
}
