/**
 * `GET /reports/{trackingId}/similar`: for staff handling a report, the reports in their own scope that look like
 * it (the "duplicate of" choice when archiving). Staff in scope see confidential content already; nothing outside
 * the caller's scope and nothing about the reporter is returned.
 */
import { type ReportStatus, STATUS_LABELS_ID } from '@pintu/core';
import { loadSource, querySimilar } from '../../db/postgres-similar';
import { loadWorkflowReport } from '../../db/postgres-workflow';
import type { Deps } from '../../http/context';
import { ProblemError } from '../../http/problem';
import type { SimilarPage, SimilarQuery } from '../../http/similar/similar.schema';
import type { Principal } from '../accounts/principal';
import { actorsOf, requirePrincipal } from '../institutions/access';
import { inboxScopeOf } from '../institutions/list-inbox';
import { audienceOf } from '../workflow/callers';

const notFound = () => new ProblemError('NOT_FOUND', 'Laporan tidak ditemukan.');

/** Similar reports for a staff member who may handle this report; 404 for anyone else (no existence oracle). */
export async function findSimilar(
  deps: Pick<Deps, 'db'>,
  principal: Principal | null,
  trackingId: string,
  query: SimilarQuery,
): Promise<SimilarPage> {
  const who = requirePrincipal(principal);
  const report = await loadWorkflowReport(deps.db, trackingId);
  if (!report) throw notFound();
  if (audienceOf(report, { principal: who }).audience !== 'staff') throw notFound();
  const source = await loadSource(deps.db, report.id);
  if (!source) throw notFound();
  const rows = await querySimilar(deps.db, inboxScopeOf(actorsOf(who)), source, query.q, query.limit);
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
      similarity: Number(r.similarity),
    })),
  };
}
