/**
 * A program grievance's ladder (issue 15): it opens dispositioned at its lowest level's handler with that level's
 * deadline, and `raise_level` moves it up one level at a time — by every role, in every status, written by hand.
 */
import { describe, expect, it } from 'vitest';
import { reportFactOf } from '../indicators/report-fact';
import { applyAction } from '../lifecycle/apply-action';
import { custodyWorkingDays } from '../lifecycle/clock';
import { fakeWorkingDays } from '../lifecycle/fake-working-days';
import { allowedActions } from '../lifecycle/guards';
import type { Holder } from '../lifecycle/holder';
import { openReport } from '../lifecycle/open-report';
import type { ReportState } from '../lifecycle/state';
import { type Actor, ROLES, type Role } from '../policy/roles';
import { outboxRows } from '../projections/outbox';
import { REPORT_STATUSES } from '../report/report';

// A village unit under its city government, the city government, and the province (all WITA, East Kalimantan).
const PROVINCE: Holder = {
  institutionId: '64',
  ancestorIds: [],
  timeZone: 'Asia/Makassar',
  regionCode: '64',
};
const CITY: Holder = {
  institutionId: '6472',
  ancestorIds: [],
  timeZone: 'Asia/Makassar',
  regionCode: '64.72',
};
const VILLAGE: Holder = { ...CITY, institutionId: 'desa-1', ancestorIds: ['6472'] };
const calendar = fakeWorkingDays();
const wita = (local: string) => new Date(`${local}:00+08:00`);
const LEVELS = [
  { level: 'village' as const, deadlineDays: 14 },
  { level: 'regency' as const, deadlineDays: 14 },
  { level: 'province' as const, deadlineDays: 14 },
];

function filed(countsInEvaluation = true): ReportState {
  const result = openReport(
    {
      id: 'p-1',
      type: 'complaint',
      reporterId: 'guest:p-1',
      requested: VILLAGE,
      program: { id: '7', levels: LEVELS, countsInEvaluation },
    },
    { id: 'fac-1', role: 'facilitator', institutionId: null },
    wita('2024-07-01T09:00'),
    { calendar },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

const staff = (role: Role, institutionId: string | null): Actor => ({ id: `${role}-x`, role, institutionId });

describe('a program grievance', () => {
  it('opens dispositioned at the village unit with the acknowledge clock and the level deadline (WITA)', () => {
    const r = filed();
    expect(r.status).toBe('dispositioned');
    expect(r.holder.institutionId).toBe('desa-1');
    expect(r.dispositionedAt).toEqual(wita('2024-07-01T09:00'));
    expect(r.clock?.stage).toBe('acknowledge');
    // Monday 1 July + 14 working days = end of Friday 19 July, WITA.
    expect(r.program).toMatchObject({ id: '7', level: 'village', countsInEvaluation: true });
    expect(r.program?.levelDueAt.toISOString()).toBe('2024-07-19T15:59:59.999Z');
  });

  it('is raised by the coordinator or liaison officer of its holder, or the national admin, in dispositioned or in_progress', () => {
    const base = filed();
    const inProgress = applyAction(
      base,
      { type: 'acknowledge', complexity: 'simple', message: 'Diterima' },
      staff('liaison_officer', 'desa-1'),
      wita('2024-07-02T09:00'),
      { calendar },
    );
    if (!inProgress.ok) throw new Error(inProgress.error.message);
    const action = { type: 'raise_level' as const, reason: 'Perlu kabupaten', target: CITY };
    for (const report of [base, inProgress.report])
      for (const role of ROLES) {
        const actor = staff(role, role === 'national_admin' || role === 'system' ? null : 'desa-1');
        const ok = ['national_admin', 'coordinator', 'liaison_officer'].includes(role);
        const res = applyAction(report, action, actor, wita('2024-07-03T09:00'), { calendar });
        expect(res.ok ? 'ok' : res.error.code, `${role} on ${report.status}`).toBe(ok ? 'ok' : 'NOT_ALLOWED');
        expect(allowedActions(report, actor, { calendar }).includes('raise_level')).toBe(ok);
      }
    // Out of scope: another institution's coordinator may not.
    const other = applyAction(base, action, staff('coordinator', 'elsewhere'), wita('2024-07-03T09:00'), {
      calendar,
    });
    expect(other.ok ? 'ok' : other.error.code).toBe('NOT_ALLOWED');
  });

  it('moves to the next level as a new custody, not a hop, with the next level deadline; the event says from/to', () => {
    const at = wita('2024-07-04T10:00');
    const res = applyAction(
      filed(),
      { type: 'raise_level', reason: 'Perlu kabupaten', target: CITY },
      staff('coordinator', '6472'),
      at,
      { calendar },
    );
    if (!res.ok) throw new Error(res.error.message);
    const r = res.report;
    expect(r).toMatchObject({ status: 'dispositioned', hops: 0, dispositionedAt: at, acknowledgedAt: null });
    expect(r.holder.institutionId).toBe('6472');
    expect(r.clock?.stage).toBe('acknowledge');
    expect(r.program?.level).toBe('regency');
    // Thursday 4 July + 14 working days = end of Wednesday 24 July, WITA.
    expect(r.program?.levelDueAt.toISOString()).toBe('2024-07-24T15:59:59.999Z');
    expect(res.events[0]).toMatchObject({
      type: 'raise_level',
      from: 'dispositioned',
      to: 'dispositioned',
      payload: { fromLevel: 'village', toLevel: 'regency', targetId: '6472', heldWorkingDays: 3 },
    });
    // The village unit's custody is closed with its 3 working days (ADR 0009).
    expect(custodyWorkingDays(r, at, calendar)).toEqual([
      { institutionId: 'desa-1', workingDays: 3 },
      { institutionId: '6472', workingDays: 0 },
    ]);
    // The new holder's staff and the reporter hear of it as a disposition.
    const rows = outboxRows(
      {
        reportId: '1',
        trackingId: 'p-1',
        language: 'id',
        hasContact: true,
        accountId: null,
        institutionId: 6472,
        path: [6472],
      },
      [
        {
          seq: 2,
          action: 'raise_level',
          fromStatus: 'dispositioned',
          toStatus: 'dispositioned',
          payload: {},
        },
      ],
      () => [{ id: 'u1', language: 'id', role: 'liaison_officer', institutionId: 6472 }],
    );
    expect(rows.map((row) => row.template)).toEqual([
      'dispositioned',
      'dispositioned',
      'new_disposition',
      'new_disposition',
    ]);
  });

  it('cannot be raised above its highest level, nor in any other status', () => {
    const up = (r: ReportState, target: Holder) => {
      const res = applyAction(
        r,
        { type: 'raise_level', reason: 'naik', target },
        staff('national_admin', null),
        wita('2024-07-05T09:00'),
        { calendar },
      );
      if (!res.ok) throw new Error(res.error.message);
      return res.report;
    };
    const top = up(up(filed(), CITY), PROVINCE);
    expect(top.program?.level).toBe('province');
    const res = applyAction(
      top,
      { type: 'raise_level', reason: 'naik', target: CITY },
      staff('national_admin', null),
      wita('2024-07-05T10:00'),
      { calendar },
    );
    expect(res.ok ? 'ok' : res.error.reason).toBe('no_higher_level');
    for (const status of REPORT_STATUSES.filter((s) => s !== 'dispositioned' && s !== 'in_progress')) {
      const r = { ...filed(), status };
      const out = applyAction(
        r,
        { type: 'raise_level', reason: 'naik', target: CITY },
        staff('national_admin', null),
        wita('2024-07-05T10:00'),
        { calendar },
      );
      expect(out.ok ? 'ok' : out.error.code, status).toBe('INVALID_TRANSITION');
    }
  });

  it('refuses a payload without a reason or with the same holder as target', () => {
    const res = applyAction(
      filed(),
      { type: 'raise_level', reason: '', target: VILLAGE },
      staff('national_admin', null),
      wita('2024-07-05T10:00'),
      { calendar },
    );
    expect(res.ok ? [] : res.error.fields?.map((f) => f.field)).toEqual(['reason']);
    const same = applyAction(
      filed(),
      { type: 'raise_level', reason: 'x', target: VILLAGE },
      staff('national_admin', null),
      wita('2024-07-05T10:00'),
      { calendar },
    );
    expect(same.ok ? [] : same.error.fields?.map((f) => f.field)).toEqual(['target']);
  });

  it('counts for no institution when its program is kept out of the evaluation', () => {
    expect(reportFactOf(filed(true), calendar).institutionId).toBe('desa-1');
    expect(reportFactOf(filed(false), calendar)).toMatchObject({ institutionId: null, bucket: null });
  });
});
