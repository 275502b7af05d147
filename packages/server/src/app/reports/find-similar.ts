/**
 * `GET /reports/{trackingId}/similar`: for staff handling a report, the reports in their own scope that look like
 * it (the "duplicate of" choice when archiving). Staff in scope see confidential content already; nothing outside
 * the caller's scope and nothing about the reporter is returned.
 */
import { fail, type ReportStatus, STATUS_LABELS_ID } from '@pintu/core';
import { loadWorkflowReport } from '../../db/postgres-workflow';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorsOf, requireCaller } from '../institutions/access';
import { inboxScopeOf } from '../institutions/list-inbox';
import { audienceOf } from '../workflow/callers';

const notFound = (): never => fail('NOT_FOUND', 'Laporan tidak ditemukan.');

/** The search: the report's own title and body, or these words (or a trackingId). */
export interface SimilarSearch {
  q?: string | undefined;
  limit: number;
}

export interface SimilarReport {
  trackingId: string;
  title: string;
  status: ReportStatus;
  statusLabel: string;
  holder: { id: number; name: string } | null;
  isConfidential: boolean;
  createdAt: string;
  similarity: number;
}

export interface SimilarReportsFound {
  trackingId: string;
  items: SimilarReport[];
}

/** Similar reports for a staff member who may handle this report; 404 for anyone else (no existence oracle). */
export async function findSimilar(
  deps: Pick<AppDeps, 'db' | 'similarReports'>,
  caller: Caller | null,
  trackingId: string,
  query: SimilarSearch,
): Promise<SimilarReportsFound> {
  const who = requireCaller(caller);
  const report = await loadWorkflowReport(deps.db, trackingId);
  if (!report) return notFound();
  if (audienceOf(report, { caller: who }).audience !== 'staff') notFound();
  const source = await deps.similarReports.source(report.id);
  if (!source) return notFound();
  const scope = inboxScopeOf(actorsOf(who));
  const rows = await deps.similarReports.candidates(scope, source, query.q, query.limit);
  return {
    trackingId: report.trackingId,
    items: rows.map((r) => ({
      trackingId: r.trackingId,
      title: r.title,
      status: r.status as ReportStatus,
      statusLabel: STATUS_LABELS_ID[r.status as ReportStatus],
      holder: r.holderId === null ? null : { id: r.holderId, name: r.holderName ?? '' },
      isConfidential: r.isConfidential,
      createdAt: r.createdAt,
      similarity: r.similarity,
    })),
  };
}
