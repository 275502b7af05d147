import { describe, expect, it } from 'vitest';
import { DomainFailure } from '../errors';
import { recentBacklogFrom, statsPeriodOf, statsTodayOf } from './period';

const now = new Date('2024-06-20T18:00:00Z'); // 21 June 01:00 WIB

const failureOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainFailure) return e.error;
    throw e;
  }
  throw new Error('no failure');
};

describe('statistics period', () => {
  it('is the year to date in WIB by default', () => {
    expect(statsTodayOf(now)).toBe('2024-06-21');
    expect(statsPeriodOf({}, now)).toEqual({ from: '2024-01-01', to: '2024-06-21' });
    expect(statsPeriodOf({ to: '2023-03-05' }, now)).toEqual({ from: '2023-01-01', to: '2023-03-05' });
    expect(statsPeriodOf({ from: '2024-07-01' }, now)).toEqual({ from: '2024-07-01', to: '2024-07-01' });
  });

  it('names the field of a bad date', () => {
    expect(failureOf(() => statsPeriodOf({ to: '2024-02-30' }, now))).toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'query.to', code: 'invalid_date' }],
    });
    expect(failureOf(() => statsPeriodOf({ from: '2024-05-02', to: '2024-05-01' }, now))).toMatchObject({
      code: 'VALIDATION',
      message: 'Tanggal awal tidak boleh setelah tanggal akhir.',
      fields: [{ field: 'query.from', code: 'after_to' }],
    });
  });

  it('starts the recent backlog 30 days back, never before the period', () => {
    expect(recentBacklogFrom({ from: '2024-01-01', to: '2024-06-21' }, '2024-06-21')).toBe('2024-05-22');
    expect(recentBacklogFrom({ from: '2024-06-01', to: '2024-06-21' }, '2024-06-21')).toBe('2024-06-01');
  });
});
