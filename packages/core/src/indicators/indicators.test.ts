import { describe, expect, it } from 'vitest';
import { fakeWorkingDays } from '../lifecycle/fake-working-days';
import type { ReportStatus } from '../report/report';
import { DEFAULT_GRADE_SCALE, GRADE_LABELS_ID, gradeFor } from './grade';
import {
  averageFollowUpSpeed,
  computeIndicators,
  countStatuses,
  followUpWorkingDays,
  type IndicatorRow,
  percentage,
  selectRows,
} from './indicators';

const calendar = fakeWorkingDays(['2024-06-20']);
const wib = (local: string) => new Date(`${local}:00+07:00`);
const DISPOSITIONED = wib('2024-06-03T10:00');

function rows(n: number, status: ReportStatus, extra: Partial<IndicatorRow> = {}): IndicatorRow[] {
  const acknowledged = status === 'in_progress' || status === 'awaiting_reporter' || status === 'resolved';
  return Array.from({ length: n }, () => ({
    status,
    dispositionedAt: DISPOSITIONED,
    acknowledgedAt: acknowledged ? wib('2024-06-04T10:00') : null,
    firstFollowUpAt: status === 'awaiting_reporter' || status === 'resolved' ? wib('2024-06-05T10:00') : null,
    resolvedAt: status === 'resolved' ? wib('2024-06-10T10:00') : null,
    holderId: 'inst-a',
    ...extra,
  }));
}

/** 92 received: 49 resolved, 20 in process, 12 not followed up, 6 on hold, 5 archived; plus 4 never dispositioned. */
const KNOWN: IndicatorRow[] = [
  ...rows(49, 'resolved'),
  ...rows(10, 'in_progress'),
  ...rows(10, 'awaiting_reporter'),
  ...rows(12, 'dispositioned'),
  ...rows(6, 'on_hold'),
  ...rows(5, 'archived'),
  ...rows(4, 'submitted', { dispositionedAt: null }),
];

describe('indicators on a known data set', () => {
  const result = computeIndicators(KNOWN, { calendar });

  it('counts received reports by state, the parts adding up to received', () => {
    expect(countStatuses(KNOWN)).toEqual({
      received: 92,
      resolved: 49,
      inProcess: 20,
      notFollowedUp: 12,
      onHold: 6,
      archived: 5,
    });
  });

  it('gives a completion rate of 49 / 92 → 53.26 and a follow-up rate of 69 / 92 → 75.00', () => {
    expect(result.completionRate).toBe(53.26);
    expect(result.followUpRate).toBe(75);
  });

  it('averages the follow-up speed over reports with a follow-up: Monday → Wednesday is 2 working days', () => {
    expect(result.averageFollowUpSpeed).toBe(2);
  });

  it('grades on completion rate by default: 53.26 is Sedang', () => {
    expect(result.grade).toBe('sedang');
    expect(GRADE_LABELS_ID[result.grade!]).toBe('Sedang');
  });

  it('grades on a configured basis and thresholds', () => {
    const onFollowUp = { ...DEFAULT_GRADE_SCALE, basis: 'followUpRate' as const };
    expect(computeIndicators(KNOWN, { calendar, gradeScale: onFollowUp }).grade).toBe('baik');
    const strict = {
      basis: 'completionRate' as const,
      bands: [{ min: 60, grade: 'baik' as const }],
      fallback: 'kurang' as const,
    };
    expect(computeIndicators(KNOWN, { calendar, gradeScale: strict }).grade).toBe('kurang');
  });
});

describe('percentage and rounding', () => {
  it.each([
    [49, 92, 53.26],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [1, 8, 12.5],
    [1, 32, 3.13],
    [92, 92, 100],
    [0, 5, 0],
  ])('%i of %i → %d', (part, whole, want) => {
    expect(percentage(part, whole)).toBe(want);
  });

  it('has no rate and no grade when nothing was received', () => {
    const none = computeIndicators(rows(3, 'submitted', { dispositionedAt: null }), { calendar });
    expect(none).toMatchObject({
      received: 0,
      completionRate: null,
      followUpRate: null,
      averageFollowUpSpeed: null,
      grade: null,
    });
  });
});

describe('grade thresholds', () => {
  it.each([
    [100, 'sangat_baik'],
    [90, 'sangat_baik'],
    [89.99, 'baik'],
    [75, 'baik'],
    [74.99, 'sedang'],
    [50, 'sedang'],
    [49.99, 'kurang'],
    [0, 'kurang'],
  ] as const)('%d → %s', (value, grade) => {
    expect(gradeFor(value)).toBe(grade);
  });
});

describe('average follow-up speed', () => {
  const row = (
    dispositionedAt: Date,
    firstFollowUpAt: Date | null,
    extra: Partial<IndicatorRow> = {},
  ): IndicatorRow => ({
    status: 'awaiting_reporter',
    dispositionedAt,
    acknowledgedAt: dispositionedAt,
    firstFollowUpAt,
    resolvedAt: null,
    ...extra,
  });

  it('counts working days, skipping weekends and holidays, to one decimal', () => {
    const data = [
      row(wib('2024-06-03T10:00'), wib('2024-06-05T10:00')), // Mon → Wed: 2
      row(wib('2024-06-07T10:00'), wib('2024-06-10T08:00')), // Fri → Mon: 1
      row(wib('2024-06-19T10:00'), wib('2024-06-21T10:00')), // Wed → Fri over the holiday: 1
      row(wib('2024-06-19T10:00'), null), // no follow-up yet: not counted
    ];
    expect(averageFollowUpSpeed(data, calendar)).toBe(1.3);
  });

  it('refuses a follow-up dated before the disposition: it belongs to an earlier holder, not 0 days', () => {
    const early = row(wib('2024-06-05T10:00'), wib('2024-06-04T10:00'));
    expect(() => followUpWorkingDays(early, calendar)).toThrow(/precedes the disposition/);
    expect(() => averageFollowUpSpeed([early], calendar)).toThrow();
  });

  it('counts in the holder’s time zone', () => {
    const at = [new Date('2024-06-03T16:30:00Z'), new Date('2024-06-03T17:10:00Z')] as const;
    expect(averageFollowUpSpeed([row(...at)], calendar)).toBe(1); // WIB: Monday 23:30 → Tuesday 00:10
    expect(averageFollowUpSpeed([row(...at, { timeZone: 'Asia/Makassar' })], calendar)).toBe(0);
  });
});

describe('selection by institution and period (by disposition date)', () => {
  const data: IndicatorRow[] = [
    ...rows(2, 'resolved', { holderId: 'inst-a', holderAncestorIds: [] }),
    ...rows(3, 'resolved', { holderId: 'unit-a1', holderAncestorIds: ['inst-a'] }),
    ...rows(4, 'resolved', { holderId: 'inst-b', holderAncestorIds: [] }),
    ...rows(1, 'resolved', { holderId: 'inst-a', dispositionedAt: wib('2024-07-01T00:00') }),
  ];

  it('takes the institution alone or with its subtree', () => {
    expect(selectRows(data, { institutionId: 'inst-a' })).toHaveLength(3);
    expect(selectRows(data, { institutionId: 'inst-a', includeSubtree: true })).toHaveLength(6);
  });

  it('takes a half-open period [from, to)', () => {
    const june = { from: wib('2024-06-01T00:00'), to: wib('2024-07-01T00:00') };
    expect(selectRows(data, { institutionId: 'inst-a', period: june })).toHaveLength(2);
    expect(computeIndicators(data, { calendar, period: june }).received).toBe(9);
  });
});
