/** In-memory filings made with an Idempotency-Key: the unique first-event reference and its lookup. No database. */
import type { IdempotentFilings, RecoveredFiling, Reports } from '@pintu/core';
import type { FakeReports } from './intake-reports';

/** What the fake storage throws where PostgreSQL's unique index `events_idempotency_ref_uq` would. */
export class RefTaken extends Error {}

const refOf = (payload: Record<string, unknown>) => payload.idempotencyRef as string | undefined;

/**
 * Wraps fake reports so that a second report carrying a first event's `idempotencyRef` is refused, as the unique
 * index does; and the port that finds it again (setting the new access-code hash on the saved row).
 */
export function fakeIdempotentFilings(reports: FakeReports): {
  reports: Reports;
  filings: IdempotentFilings;
} {
  const taken = (payload: Record<string, unknown>) => {
    const ref = refOf(payload);
    if (ref && reports.saved.some((s) => refOf(s.first.payload) === ref)) throw new RefTaken();
  };
  return {
    reports: {
      ...reports,
      fileIfValid: async (report, first, presumed) => {
        taken(first.payload);
        return reports.fileIfValid(report, first, presumed);
      },
      insert: async (report, first, attachmentIds) => {
        taken(first.payload);
        return reports.insert(report, first, attachmentIds);
      },
    },
    filings: {
      isTaken: (err) => err instanceof RefTaken,
      async recover(ref, accessCodeHash): Promise<RecoveredFiling | null> {
        const hit = reports.saved.find((s) => refOf(s.first.payload) === ref);
        if (!hit) return null;
        hit.report.accessCodeHash = accessCodeHash;
        const holder = hit.report.institutionId;
        return {
          trackingId: hit.report.trackingId,
          status: hit.report.status,
          institution: holder === null ? null : { id: holder, name: `institution ${holder}` },
          dueAt: hit.report.dueAt,
        };
      },
    },
  };
}
