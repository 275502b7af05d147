/** Types and calls of the staff workspace: inbox, staff report view, actions, similar reports, notifications. */
import { api, request } from '../../api/client';

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
export { ARCHIVE_REASONS, COMPLEXITY_CLASSES } from '@pintu/core';

/** Set on a deadline counted through a year whose holiday decree is not entered: it is provisional. */
export interface DueNotice {
  year: number;
  id: string;
  en: string;
}

export interface Named {
  id: number;
  name: string;
}

export interface InboxItem {
  trackingId: string;
  type: string;
  title: string;
  status: string;
  statusLabel: string;
  holder: Named | null;
  category: Named;
  region: { code: string; name: string };
  dueAt: string | null;
  workingDaysLeft: number | null;
  dueState: 'overdue' | 'due_soon' | 'ok' | null;
  dueNotice: DueNotice | null;
  waitingOn: 'institution' | 'reporter';
  isAnonymous: boolean;
  isConfidential: boolean;
  unattended: boolean;
  readOnly: boolean;
  createdAt: string;
}

export interface InboxPage {
  queue: Queue;
  counts: Record<Queue, number>;
  items: InboxItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface InboxQuery {
  queue: Queue;
  sort: 'deadline' | 'newest';
  q?: string;
  type?: string;
  categoryId?: string;
  page: number;
}

export interface Handling {
  stage: string | null;
  dueAt: string | null;
  /** The holder's IANA zone: deadlines end at 23:59:59 there. */
  timeZone?: string;
  workingDaysLeft: number | null;
  dueNotice: DueNotice | null;
  allowedActions: string[];
  complexity: string | null;
  hops: number;
  followUpCount: number;
  rating: number | null;
  custody: { institution: Named | null; workingDays: number }[];
  draft: {
    message: string;
    attachmentIds: string[];
    state: 'pending' | 'returned';
    returnNote: string | null;
    at: string;
  } | null;
  parent: string | null;
  children: { trackingId: string; status: string }[];
  duplicateOf: string | null;
}

export interface StaffReport {
  trackingId: string;
  type: string;
  status: string;
  statusLabel: string;
  isAnonymous: boolean;
  isConfidential: boolean;
  title: string | null;
  body: string | null;
  incidentDate: string | null;
  category: { id: number; name: string; code: string } | null;
  region: { code: string; name: string } | null;
  address: string | null;
  institution: Named | null;
  reporter: { display: string; name?: string; email?: string; phone?: string };
  attachments: { id: string; kind: string; mime: string; size: number; url: string }[];
  dueAt?: string | null;
  createdAt: string;
  view: 'public' | 'reporter' | 'staff';
  handling?: Handling;
}

export interface TimelineEvent {
  seq: number;
  type: string;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  statusLabel: string | null;
  actor: { side: string; role?: string; institutionId?: number | null };
  payload: Record<string, unknown>;
}

export interface Timeline {
  trackingId: string;
  audience: string;
  events: TimelineEvent[];
  institutions: Record<string, string>;
}

export interface SimilarReport {
  trackingId: string;
  title: string;
  status: string;
  statusLabel: string;
  holder: Named | null;
  isConfidential: boolean;
  createdAt: string;
  similarity: number;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  active: boolean;
  openReports: number;
}

export interface InstitutionHit {
  id: number;
  name: string;
  kind: string;
  regionCode: string | null;
}

export interface Notification {
  id: number;
  trackingId: string;
  template: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface ActionResult {
  trackingId: string;
  status: string;
  statusLabel: string;
  allowedActions: string[];
  warnings: { code: string; message: string; similarity: number }[];
}

export const staffApi = {
  inbox: (q: InboxQuery) => api.get<InboxPage>('/inbox', { ...q, pageSize: 20 }),
  report: (id: string) => api.get<StaffReport>(`/reports/${id}`),
  events: (id: string) => api.get<Timeline>(`/reports/${id}/events`),
  act: (id: string, body: Record<string, unknown>) => api.post<ActionResult>(`/reports/${id}/actions`, body),
  similar: (id: string, q?: string) =>
    api.get<{ items: SimilarReport[] }>(`/reports/${id}/similar`, { q, limit: 8 }),
  units: (institutionId: number) => api.get<{ items: Unit[] }>(`/institutions/${institutionId}/units`),
  institutions: (q: string) =>
    api.get<{ items: InstitutionHit[] }>('/institutions', { q, all: true, pageSize: 10 }),
  suggest: (regionCode: string, categoryId: number) =>
    api.get<{ items: { institution: InstitutionHit; reason: string }[] }>('/routing/suggest', {
      regionCode,
      categoryId,
    }),
  categories: () =>
    api.get<{ items: { id: number; name: string; children: { id: number; name: string }[] }[] }>(
      '/categories',
    ),
  notifications: () => api.get<{ items: Notification[]; unread: number }>('/notifications', { limit: 50 }),
  readNotification: (id: number) => api.post(`/notifications/${id}/read`),
  readAll: () => api.post('/notifications/read-all'),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<{ id: string; filename: string }>('/api/v1/attachments', { method: 'POST', body: form });
  },
};
