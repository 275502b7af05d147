/**
 * Program channels (issue 15): a program's public configuration, its queue, report and villages, and its
 * administration. Shared by the program pages, the report form's program offer and the admin page.
 */
import type { RequestBody, Schema } from '@pintu/api-types';
import type { ProgramConfig, ReporterGender } from '@pintu/core';
import { api, type Query, withQuery } from './client';
import type { FiledReport, NewReport } from './reports';

export type {
  ProgramCategory,
  ProgramConfig,
  ProgramField,
  ProgramHandlerRule,
  ProgramLevel,
} from '@pintu/core';
export { PROGRAM_LEVELS, REPORTER_GENDERS } from '@pintu/core';
export type Gender = ReporterGender;

/** A program as its intake page shows it: categories, extra fields, levels with who handles each. */
export type Program = Schema<'ProgramDetail'>;
export type ProgramSummary = Schema<'ProgramSummary'>;
export type PublicLevel = Program['levels'][number];
/** A program as its administrators edit it: the whole configuration. */
export type AdminProgram = Schema<'AdminProgram'>;
export type QueuePage = Schema<'ProgramQueuePage'>;
export type QueueItem = QueuePage['items'][number];
export type ProgramReport = Schema<'ProgramReport'>;
export type VillageActivity = Schema<'ProgramVillages'>['items'][number];

/** What filing through a program sends: the normal filing with the program's part and the gender where given. */
export type ProgramFiling = NewReport & {
  program: NonNullable<NewReport['program']>;
  reporterGender?: Gender;
};

export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

/** What the report form hands over when the reporter chooses to report through the program. */
export interface ProgramDraft {
  title?: string;
  body?: string;
  incidentDate?: string;
  regionCode?: string | null;
  address?: string;
  isAnonymous?: boolean;
  isConfidential?: boolean;
  name?: string;
  email?: string;
  phone?: string;
}

export const programsApi = {
  list: (regionCode?: string) => api.get<{ items: ProgramSummary[] }>('/programs', { regionCode }),
  get: (code: string) => api.get<Program>(`/programs/${encodeURIComponent(code)}`),
  file: (body: ProgramFiling) => api.post<FiledReport>('/reports', body),
  queue: (code: string, q: { level?: string; status?: string; cursor?: string }) =>
    api.get<QueuePage>(`/programs/${encodeURIComponent(code)}/queue`, q as Query),
  report: (code: string, p: Period) =>
    api.get<ProgramReport>(`/programs/${encodeURIComponent(code)}/report`, { from: p.from, to: p.to }),
  villages: (code: string, p: Period) =>
    api.get<{ items: VillageActivity[] }>(`/programs/${encodeURIComponent(code)}/villages`, {
      from: p.from,
      to: p.to,
    }),
  adminList: () => api.get<{ items: AdminProgram[] }>('/admin/programs'),
  create: (body: ProgramConfig) =>
    api.post<AdminProgram>('/admin/programs', body satisfies RequestBody<'/api/v1/admin/programs'>),
  /** The whole configuration but its code, which stays. */
  update: (code: string, { code: _, ...body }: ProgramConfig) =>
    api.put<AdminProgram>(
      `/admin/programs/${encodeURIComponent(code)}`,
      body satisfies RequestBody<'/api/v1/admin/programs/{code}', 'put'>,
    ),
};

/** The CSV download of a program's report. */
export function programReportCsvUrl(code: string, p: Period): string {
  return withQuery(`/api/v1/programs/${encodeURIComponent(code)}/report`, { ...p, format: 'csv' });
}

/** A name in the page's language: the English one when the page is in English and there is one. */
export function localized(language: string, id: string, en: string | null | undefined): string {
  return (language.startsWith('en') && en) || id;
}
