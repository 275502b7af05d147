/** Types and calls of institution administration (units, staff, SK, settings, audit) and the holiday calendar. */
import { api, request } from '../../api/client';

export interface InstitutionAdmin {
  id: number;
  code: string;
  kind: string;
  name: string;
  parentId: number | null;
  regionCode: string | null;
  timeZone: string;
  active: boolean;
  connected: boolean;
  sk: { number: string; date: string; attachmentId: string; recordedAt: string } | null;
  settings: { followUpRequiresApproval?: boolean };
  effectiveSettings: { followUpRequiresApproval: boolean };
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  active: boolean;
  childCount: number;
  openReports: number;
}

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  active: boolean;
  twoFactorEnabled: boolean;
  grants: { role: string; institutionId: number | null; institutionName: string | null }[];
}

export interface AuditEntry {
  id: number;
  action: string;
  actorRole: string;
  at: string;
}

export interface Holiday {
  /** Null for a fixed-date holiday that no entered decree lists: it is off all the same. */
  id: number | null;
  date: string;
  name: string;
  kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
  regionCode: string | null;
  source: string;
}

/** A year's decree status on the holiday list. */
export interface HolidayCalendar {
  year: number;
  decreed: boolean;
  notice: { id: string; en: string } | null;
  decrees: { ref: string; kind: string; title: string; date: string; note: string }[];
}

/** The project's holiday format (packages/core/reference/holidays/<year>.json). */
export interface DecreeFile {
  year: number;
  sources: { ref: string; kind: string; title: string; date: string; note?: string }[];
  holidays: { date: string; name: string; kind: Holiday['kind']; regionCode?: string; source: string }[];
}

export interface DecreeResult {
  year: number;
  dryRun: boolean;
  decreed: boolean;
  added: Omit<Holiday, 'id'>[];
  renamed: Omit<Holiday, 'id'>[];
  removed: Omit<Holiday, 'id'>[];
  affected: { trackingId: string; stage: string; from: string; to: string }[];
}

export const adminApi = {
  institution: (id: number) => api.get<InstitutionAdmin>(`/institutions/${id}/admin`),
  search: (q: string) =>
    api.get<{ items: { id: number; name: string }[] }>('/institutions', { q, all: true, pageSize: 10 }),
  units: (id: number) => api.get<{ items: Unit[] }>(`/institutions/${id}/units`, { inactive: true }),
  addUnit: (id: number, name: string) => api.post<InstitutionAdmin>(`/institutions/${id}/units`, { name }),
  patch: (id: number, body: { name?: string; parentId?: number; active?: boolean }) =>
    api.patch<InstitutionAdmin>(`/institutions/${id}`, body),
  staff: (id: number) => api.get<{ items: StaffMember[] }>('/staff', { institutionId: id, pageSize: 100 }),
  addStaff: (body: { name: string; email: string; role: string; institutionId: number }) =>
    api.post<StaffMember>('/staff', body),
  deactivate: (userId: string) => api.del(`/staff/${userId}`),
  sk: (id: number, body: { number: string; date: string; attachmentId: string }) =>
    api.put<InstitutionAdmin>(`/institutions/${id}/sk`, body),
  settings: (id: number, body: { followUpRequiresApproval?: boolean }) =>
    api.put<InstitutionAdmin>(`/institutions/${id}/settings`, body),
  audit: (id: number) => api.get<{ items: AuditEntry[] }>(`/institutions/${id}/audit`, { pageSize: 50 }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<{ id: string }>('/api/v1/attachments', { method: 'POST', body: form });
  },
  holidays: (year: number, regionCode?: string) =>
    api.get<{ items: Holiday[]; calendar: HolidayCalendar }>('/holidays', { year, regionCode }),
  enterDecree: (file: DecreeFile, dryRun: boolean) =>
    request<DecreeResult>('/api/v1/holidays/decrees', { method: 'POST', body: file, query: { dryRun } }),
  addHoliday: (body: Omit<Holiday, 'id' | 'regionCode'> & { regionCode?: string }) =>
    api.post<{ affected: unknown[] }>('/holidays', body),
  deleteHoliday: (id: number) => api.del<{ affected: unknown[] }>(`/holidays/${id}`),
};
