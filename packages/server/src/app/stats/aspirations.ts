/**
 * Aspirations as input for development planning (musrenbang): counts by topic (top-level category) and province
 * over a period of filing dates, and the most frequent terms. Confidential aspirations count in the groups but
 * never feed the terms, and a term must occur in at least MIN_REPORTS_PER_TERM reports (core/src/stats/aspirations.ts).
 */
import { MIN_REPORTS_PER_TERM, type Period } from '@pintu/core';
import type { AppDeps } from '../deps';

export { MIN_REPORTS_PER_TERM };

/** Groups and terms of the aspirations filed in the period, optionally within a region (any level). */
export async function statsAspirations(
  deps: Pick<AppDeps, 'statsReader'>,
  period: Period,
  regionCode: string | undefined,
  limit = 30,
) {
  const q = { period, regionCode };
  const groups = await deps.statsReader.aspirationGroups(q);
  const terms = await deps.statsReader.aspirationTerms({ ...q, minReports: MIN_REPORTS_PER_TERM, limit });
  return { period, regionCode: regionCode ?? null, groups, terms };
}
