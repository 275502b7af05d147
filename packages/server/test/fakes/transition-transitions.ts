/** In-memory `Transitions` (core port): reports by tracking id with their events; projectors run on the store. */
import type { LifecycleEvent, Projector, RecordedTransition, ReportState, Transitions } from '@pintu/core';

export interface FakeReport {
  id: number;
  state: ReportState;
  updatedAt: Date;
  events: { seq: number; event: LifecycleEvent }[];
}

/** The store a fake projector receives as its transaction handle. */
export interface FakeTransitionStore {
  reports: Map<string, FakeReport>;
}

export function fakeTransitions(store: FakeTransitionStore = { reports: new Map() }): Transitions & {
  store: FakeTransitionStore;
} {
  return {
    store,
    async record(change, projectors: readonly Projector[]) {
      const report = store.reports.get(change.trackingId);
      if (!report) return { ok: false, reason: 'not_found' };
      if (change.expectedUpdatedAt && report.updatedAt.getTime() !== change.expectedUpdatedAt.getTime())
        return { ok: false, reason: 'stale' };
      // All or nothing: the projectors work on a copy that replaces the store only if every one succeeds.
      const copy: FakeTransitionStore = { reports: new Map(store.reports) };
      const seq0 = report.events.at(-1)?.seq ?? 0;
      const events = change.events.map((event, i) => ({ seq: seq0 + i + 1, event }));
      copy.reports.set(change.trackingId, {
        ...report,
        state: change.state,
        updatedAt: new Date(Math.max(change.now.getTime(), report.updatedAt.getTime() + 1)),
        events: [...report.events, ...events],
      });
      const done: RecordedTransition = {
        reportId: report.id,
        trackingId: change.trackingId,
        state: change.state,
        events,
        at: change.events.at(-1)?.at ?? change.now,
        now: change.now,
        copies: [],
        federated: false,
      };
      for (const p of projectors) await p.project(copy, done);
      store.reports = copy.reports;
      return { ok: true, reportId: report.id };
    },
  };
}
