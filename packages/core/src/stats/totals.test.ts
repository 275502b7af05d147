import { describe, expect, it } from 'vitest';
import { COUNTER_COLUMNS } from './counters';
import { sumTotals, TOTAL_KEYS, totalKeyOf, zeroTotals } from './totals';

describe('rollup totals', () => {
  it('name every counter column, in column order', () => {
    expect(TOTAL_KEYS).toEqual(COUNTER_COLUMNS.map(totalKeyOf));
    expect(Object.keys(zeroTotals()).sort()).toEqual([...TOTAL_KEYS].sort());
  });

  it('add up the counters only', () => {
    const a = { ...zeroTotals(), received: 3, resolved: 1, key: 'x' };
    const b = { ...zeroTotals(), received: 2, followUpDays: 7 };
    expect(sumTotals([a, b])).toEqual({ ...zeroTotals(), received: 5, resolved: 1, followUpDays: 7 });
    expect(sumTotals([])).toEqual(zeroTotals());
  });
});
