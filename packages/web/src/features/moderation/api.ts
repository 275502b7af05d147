/** Calls of the national admin's moderation queue (docs/abuse.md): the queue, and a flag's release or confirmation. */
import type { Schema } from '@pintu/api-types';
import { api } from '../../api/client';

export type ModerationItem = Schema<'ModerationItem'>;
export type ModerationQueue = Schema<'ModerationQueue'>;
export type Decision = 'release_flag' | 'confirm_flag';

export const PAGE_SIZE = 20;

export const moderationApi = {
  queue: (page: number) => api.get<ModerationQueue>(`/moderation/reports?page=${page}&pageSize=${PAGE_SIZE}`),
  /** A decision is a lifecycle action, so it is recorded in the report's history like any other. */
  decide: (trackingId: string, action: Decision, note?: string) =>
    api.post(`/reports/${encodeURIComponent(trackingId)}/actions`, note ? { action, note } : { action }),
};
