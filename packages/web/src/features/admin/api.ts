/** Types and calls of institution administration (units, staff, SK, settings, audit) and the holiday calendar. */
import type { ItemOf, RequestBody, ResponseBody, Schema } from '@pintu/api-types';
import type { HolidayFile } from '@pintu/core';
import { api, request } from '../../api/client';

export type InstitutionAdmin = Schema<'InstitutionAdmin'>;
export type Unit = ItemOf<'/api/v1/institutions/{id}/units'>;
export type StaffMember = Schema<'StaffMember'>;
export type AuditEntry = ItemOf<'/api/v1/institutions/{id}/audit'>;

/**
 * A day off of the holiday list; `id` is null for a fixed-date holiday that no entered decree lists (it is off all
 * the same). The list's document types `kind` as any string: the server sends a holiday kind.
 */
export type Holiday = Omit<ItemOf<'/api/v1/holidays'>, 'kind'> & { kind: Schema<'Holiday'>['kind'] };

/** A year's decree status on the holiday list. */
export type HolidayCalendar = NonNullable<ResponseBody<'/api/v1/holidays'>['calendar']>;

/**
 * The project's holiday format (packages/core/reference/holidays/<year>.json), which the server checks with core's
 * checkHolidayFile; the document leaves it open.
 */
export type DecreeFile = HolidayFile;
export type DecreeResult = Schema<'HolidayDecreeResult'>;

export const adminApi = {
  institution: (id: number) => api.get<InstitutionAdmin>(`/institutions/${id}/admin`),
  search: (q: string) =>
    api.get<ResponseBody<'/api/v1/institutions'>>('/institutions', { q, all: true, pageSize: 10 }),
  units: (id: number) =>
    api.get<ResponseBody<'/api/v1/institutions/{id}/units'>>(`/institutions/${id}/units`, { inactive: true }),
  addUnit: (id: number, name: string) => api.post<InstitutionAdmin>(`/institutions/${id}/units`, { name }),
  patch: (id: number, body: RequestBody<'/api/v1/institutions/{id}', 'patch'>) =>
    api.patch<InstitutionAdmin>(`/institutions/${id}`, body),
  staff: (id: number) => api.get<Schema<'StaffPage'>>('/staff', { institutionId: id, pageSize: 100 }),
  addStaff: (body: RequestBody<'/api/v1/staff'>) => api.post<StaffMember>('/staff', body),
  deactivate: (userId: string) => api.del(`/staff/${userId}`),
  sk: (id: number, body: RequestBody<'/api/v1/institutions/{id}/sk', 'put'>) =>
    api.put<InstitutionAdmin>(`/institutions/${id}/sk`, body),
  settings: (id: number, body: RequestBody<'/api/v1/institutions/{id}/settings', 'put'>) =>
    api.put<InstitutionAdmin>(`/institutions/${id}/settings`, body),
  audit: (id: number) =>
    api.get<ResponseBody<'/api/v1/institutions/{id}/audit'>>(`/institutions/${id}/audit`, { pageSize: 50 }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<ResponseBody<'/api/v1/attachments', 'post'>>('/api/v1/attachments', {
      method: 'POST',
      body: form,
    });
  },
  holidays: (year: number, regionCode?: string) =>
    api.get<{ items: Holiday[]; calendar?: HolidayCalendar }>('/holidays', { year, regionCode }),
  enterDecree: (file: DecreeFile, dryRun: boolean) =>
    request<DecreeResult>('/api/v1/holidays/decrees', { method: 'POST', body: file, query: { dryRun } }),
  addHoliday: (body: RequestBody<'/api/v1/holidays'>) =>
    api.post<ResponseBody<'/api/v1/holidays', 'post'>>('/holidays', body),
  deleteHoliday: (id: number) => api.del<ResponseBody<'/api/v1/holidays/{id}', 'delete'>>(`/holidays/${id}`),
};
