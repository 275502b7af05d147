/** Types and calls of the staff workspace: inbox, staff report view, actions, similar reports, notifications. */
import type { ItemOf, ResponseBody, Schema } from '@pintu/api-types';
import { api, request } from '../../api/client';
import type { Category } from '../../api/reports';

export const QUEUES = [
  'to_verify',
  'to_acknowledge',
  'in_progress',
  'awaiting_reporter',
  'on_hold',
  'overdue',
] as const;
export type Queue = (typeof QUEUES)[number];

// The vocabulary comes from the core, so the dialogs offer exactly what the server accepts.
export { ARCHIVE_REASONS, COMPLEXITY_CLASSES, MODERATION_REASONS } from '@pintu/core';

/** Set on a deadline counted through a year whose holiday decree is not entered: it is provisional. */
export type DueNotice = NonNullable<Schema<'Handling'>['dueNotice']>;
export type InboxItem = Schema<'InboxItem'>;
export type InboxPage = Schema<'InboxPage'>;

export interface InboxQuery {
  queue: Queue;
  sort: 'deadline' | 'newest';
  q?: string;
  type?: string;
  categoryId?: string;
  page: number;
}

export type Handling = Schema<'Handling'>;
export type StaffReport = Schema<'Report'>;
export type TimelineEvent = Schema<'TimelineEvent'>;
export type Timeline = Schema<'Timeline'>;
export type SimilarReport = Schema<'SimilarReport'>;
export type Unit = ItemOf<'/api/v1/institutions/{id}/units'>;
export type InstitutionHit = Schema<'Institution'>;
export type Notification = Schema<'Notification'>;
export type ActionResult = Schema<'ActionResult'>;
export type ActionInput = Schema<'ActionInput'>;

export const staffApi = {
  inbox: (q: InboxQuery) => api.get<InboxPage>('/inbox', { ...q, pageSize: 20 }),
  report: (id: string) => api.get<StaffReport>(`/reports/${id}`),
  events: (id: string) => api.get<Timeline>(`/reports/${id}/events`),
  act: (id: string, body: ActionInput) => api.post<ActionResult>(`/reports/${id}/actions`, body),
  similar: (id: string, q?: string) =>
    api.get<Schema<'SimilarReports'>>(`/reports/${id}/similar`, { q, limit: 8 }),
  units: (institutionId: number) =>
    api.get<ResponseBody<'/api/v1/institutions/{id}/units'>>(`/institutions/${institutionId}/units`),
  institutions: (q: string) =>
    api.get<ResponseBody<'/api/v1/institutions'>>('/institutions', { q, all: true, pageSize: 10 }),
  suggest: (regionCode: string, categoryId: number) =>
    api.get<ResponseBody<'/api/v1/routing/suggest'>>('/routing/suggest', {
      regionCode,
      categoryId,
    }),
  categories: () => api.get<{ items: Category[] }>('/categories'),
  notifications: () => api.get<Schema<'NotificationPage'>>('/notifications', { limit: 50 }),
  readNotification: (id: number) => api.post(`/notifications/${id}/read`),
  readAll: () => api.post('/notifications/read-all'),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<ResponseBody<'/api/v1/attachments', 'post'>>('/api/v1/attachments', {
      method: 'POST',
      body: form,
    });
  },
};
