/** record-transition over the in-memory port: events chained, projectors run with them, stale and unknown refused. */
import {
  applyAction,
  createCalendar,
  DomainFailure,
  NATIONAL_HOLIDAYS,
  type OutboxRow,
  openReport,
  outboxRows,
  type Projector,
  type ReportState,
  reminderAt,
  type StageClockRow,
  stageClockRows,
} from '@pintu/core';
import { describe, expect, it } from 'vitest';
import { recordTransition, recordTransitionOrFail } from '../../src/app/record-transition';
import { fakeTransitions } from '../fakes/transition-transitions';

const calendar = createCalendar(NATIONAL_HOLIDAYS);
const AT = new Date('2024-06-03T02:00:00Z');
const LATER = new Date('2024-06-04T03:00:00Z');
const holder = {
  institutionId: '7',
  ancestorIds: [],
  timeZone: 'Asia/Makassar' as const,
  regionCode: '64.72',
};

function filing() {
  const guest = { id: 'guest:1', role: 'guest' as const, institutionId: null };
  const res = openReport(
    { id: 'LPR-1', type: 'complaint', reporterId: guest.id, requested: holder },
    guest,
    AT,
    {
      calendar,
    },
  );
  if (!res.ok) throw new Error(res.error.message);
  return { state: res.report, event: res.events[0]! };
}
const filed = (): ReportState => filing().state;

/** In-memory projectors writing what the core computes, like the db/ ones. */
function memoryProjectors() {
  const clocks: StageClockRow[] = [];
  const outbox: OutboxRow[] = [];
  const projectors: Projector[] = [
    { name: 'clocks', project: async (_tx, c) => void clocks.push(...[stageClockRows(c.state).running!]) },
    {
      name: 'outbox',
      project: async (_tx, c) =>
        void outbox.push(
          ...outboxRows(
            {
              reportId: String(c.reportId),
              trackingId: c.trackingId,
              language: 'id',
              hasContact: true,
              accountId: null,
              institutionId: 7,
              path: [7],
            },
            c.events.map(({ seq, event }) => ({
              seq,
              action: event.type,
              fromStatus: event.from,
              toStatus: event.to,
              payload: event.payload,
            })),
            () => [{ id: 'lo-1', language: 'en', role: 'liaison_officer', institutionId: 7 }],
          ),
        ),
    },
  ];
  return { clocks, outbox, projectors };
}

describe('recordTransition', () => {
  const verify = (state: ReportState) => {
    const admin = { id: 'admin-1', role: 'national_admin' as const, institutionId: null };
    const res = applyAction(state, { type: 'verify', targets: [holder] }, admin, LATER, { calendar });
    if (!res.ok) throw new Error(res.error.message);
    return res;
  };

  it('appends after the last event and runs every registered projector with the seqs', async () => {
    const { state, event } = filing();
    const transitions = fakeTransitions();
    transitions.store.reports.set('LPR-1', { id: 41, state, updatedAt: AT, events: [{ seq: 1, event }] });
    const { clocks, outbox, projectors } = memoryProjectors();
    const next = verify(state);
    const res = await recordTransition(
      { transitions, projectors },
      { trackingId: 'LPR-1', expectedUpdatedAt: AT, state: next.report, events: next.events, now: LATER },
    );
    expect(res).toEqual({ ok: true, reportId: 41 });
    expect(clocks).toHaveLength(1);
    expect(clocks[0]!.stage).toBe('acknowledge');
    expect(clocks[0]!.nextAt).toEqual(reminderAt(next.report.clock!.dueAt));
    // The reporter by e-mail and SMS, the holder's liaison officer in-app and by e-mail; keys name report and seq 2.
    expect(outbox.map((o) => o.idempotencyKey).sort()).toEqual([
      'n.41.2.reporter.email',
      'n.41.2.reporter.sms',
      'n.41.2.u-lo-1.email',
      'n.41.2.u-lo-1.in_app',
    ]);
    expect(transitions.store.reports.get('LPR-1')!.events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses a stale version and writes nothing; an unknown report is a 404', async () => {
    const state = filed();
    const transitions = fakeTransitions();
    transitions.store.reports.set('LPR-1', { id: 41, state, updatedAt: LATER, events: [] });
    const { clocks, projectors } = memoryProjectors();
    const next = verify(state);
    const change = {
      trackingId: 'LPR-1',
      expectedUpdatedAt: AT,
      state: next.report,
      events: next.events,
      now: LATER,
    };
    const stale = await recordTransitionOrFail({ transitions, projectors }, change).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(DomainFailure);
    expect((stale as DomainFailure).error).toMatchObject({ code: 'CONFLICT', reason: 'stale' });
    expect(clocks).toHaveLength(0);
    expect(transitions.store.reports.get('LPR-1')!.state).toBe(state);
    const missing = await recordTransitionOrFail(
      { transitions, projectors },
      { ...change, trackingId: 'LPR-X' },
    ).catch((e: unknown) => e);
    expect((missing as DomainFailure).error.code).toBe('NOT_FOUND');
  });

  it('a failing projector leaves the report as it was', async () => {
    const state = filed();
    const transitions = fakeTransitions();
    transitions.store.reports.set('LPR-1', { id: 41, state, updatedAt: AT, events: [] });
    const next = verify(state);
    const boom: Projector = {
      name: 'boom',
      project: async () => {
        throw new Error('projection failed');
      },
    };
    await expect(
      recordTransition(
        { transitions, projectors: [boom] },
        { trackingId: 'LPR-1', expectedUpdatedAt: null, state: next.report, events: next.events, now: LATER },
      ),
    ).rejects.toThrow('projection failed');
    expect(transitions.store.reports.get('LPR-1')!.state.status).toBe('submitted');
  });
});
