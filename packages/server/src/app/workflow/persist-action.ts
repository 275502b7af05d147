/**
 * Persists an applied action in one transaction: the report's events and projections (record-transition, with its
 * stale check), the attachments a published follow-up claims, and the child reports of a split.
 */
import { fail, failField, type LifecycleEvent, type Projector, type ReportState } from '@pintu/core';
import type { Db } from '../../db/open';
import { defaultProjectors } from '../../db/postgres-projectors';
import { insertReport } from '../../db/postgres-reports';
import { updateStatsRollup } from '../../db/postgres-stats-rollup';
import {
  inTransaction,
  postgresTransitions,
  runAfterCommit,
  setParentReport,
} from '../../db/postgres-transitions';
import {
  claimAttachments,
  type ReportContent,
  reportContent,
  type WorkflowReport,
} from '../../db/postgres-workflow';
import { recordTransition } from '../record-transition';

/** What an applied action writes. */
export interface Transition {
  state: ReportState;
  events: LifecycleEvent[];
  created: ReportState[];
  /** Attachments that become the report's now (a follow-up is published). */
  claim: string[];
}

const asInt = (id: string | null) => (id === null ? null : Number(id));

/**
 * Events never name a guest, nor the account of an anonymous reporter (domain.md §7): their actor id is dropped
 * before the event is chained.
 */
export function withoutReporterId(event: LifecycleEvent, report: Pick<WorkflowReport, 'isAnonymous'>) {
  const reporterSide =
    event.actorRole === 'guest' || event.actorRole === 'citizen' || event.actorRole === 'facilitator';
  const hide = event.actorRole === 'guest' || (reporterSide && report.isAnonymous);
  return hide ? { ...event, actorId: null as unknown as string } : event;
}

async function insertChild(
  tx: Db,
  parent: WorkflowReport,
  content: ReportContent,
  child: ReportState,
  first: LifecycleEvent,
  now: Date,
) {
  const res = await insertReport(
    tx,
    {
      trackingId: child.id,
      ...content,
      requestedInstitutionId: null,
      institutionId: asInt(child.holder.institutionId),
      status: child.status,
      dueAt: child.clock?.dueAt ?? null,
      lifecycle: child,
      createdAt: now,
    },
    {
      action: first.type,
      actorId: first.actorId,
      actorRole: first.actorRole,
      institutionId: asInt(first.institutionId),
      at: first.at,
      fromStatus: first.from,
      toStatus: first.to,
      payload: { ...first.payload, parentTrackingId: parent.trackingId },
    },
    [],
  );
  if (!('id' in res)) throw new Error('child report insert failed');
  await setParentReport(tx, res.id, parent.id);
  // The child is dispositioned as it is born: it counts as received by its institution from now (issue 5). No
  // activity: the verify that split the parent was counted there.
  await updateStatsRollup(tx, res.id, child);
}

/**
 * Writes the transition atomically (a DomainFailure rolls it back): a concurrent change of the report is a 409
 * CONFLICT and writes nothing.
 */
export async function persistTransition(
  db: Db,
  report: WorkflowReport,
  t: Transition,
  now: Date,
  /** The projectors main.ts registered (deps.projectors); the default set without deps. */
  projectors: readonly Projector[] = defaultProjectors(),
): Promise<void> {
  const own = t.events.filter((e) => e.reportId === report.state.id).map((e) => withoutReporterId(e, report));
  const content = t.created.length ? await reportContent(db, report.id) : null;
  // The recording joins this transaction (no savepoint); its after-commit work runs once this one has committed.
  const afterCommit: (() => Promise<void>)[] = [];
  const owns = !inTransaction(db);
  await db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const saved = await recordTransition(
      { transitions: postgresTransitions(tx, { afterCommit: owns ? afterCommit : null }), projectors },
      {
        trackingId: report.trackingId,
        expectedUpdatedAt: report.updatedAt,
        state: t.state,
        events: own,
        now,
      },
    );
    if (!saved.ok && saved.reason === 'stale')
      fail('CONFLICT', 'Laporan ini baru saja diubah orang lain. Muat ulang lalu coba lagi.', [], 'stale');
    if (!saved.ok) fail('NOT_FOUND', 'Laporan tidak ditemukan.');
    if (t.claim.length && (await claimAttachments(tx, report.id, t.claim)) !== t.claim.length)
      failField('attachmentIds', 'taken', 'Lampiran sudah dipakai laporan lain.');
    for (const child of t.created) {
      const first = t.events.find((e) => e.reportId === child.id)!;
      await insertChild(tx, report, content!, child, first, now);
    }
  });
  await runAfterCommit(afterCommit);
}
