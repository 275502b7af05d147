/** Loads a report and its timeline as the caller may see them: with the access code when this tab holds one. */
import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { ReportView, Timeline } from '../../api/reports';

export function useReport(trackingId: string, code: string | null) {
  const headers: Record<string, string> = code ? { 'x-access-code': code } : {};
  const path = `/api/v1/reports/${encodeURIComponent(trackingId)}`;
  const report = useQuery({
    queryKey: ['report', trackingId, code],
    queryFn: () => request<ReportView>(path, { headers }),
  });
  const timeline = useQuery({
    queryKey: ['report', trackingId, code, 'events'],
    queryFn: () => request<Timeline>(`${path}/events`, { headers }),
  });
  return { report, timeline, headers, path };
}
