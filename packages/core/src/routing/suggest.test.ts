import { describe, expect, it } from 'vitest';
import { regionalGovernmentCode, routingCandidates } from './suggest';

describe('routingCandidates', () => {
  it('without a rule: the regency/city government, then the province', () =>
    expect(routingCandidates('64.72.01', null)).toEqual([
      { code: 'pemda-64.72', reason: 'region' },
      { code: 'pemprov-64', reason: 'region' },
    ]));

  it('a regency rule names the regency for the category', () =>
    expect(routingCandidates('64.72.01.1001', { level: 'regency' })).toEqual([
      { code: 'pemda-64.72', reason: 'category' },
      { code: 'pemprov-64', reason: 'region' },
    ]));

  it('a province rule puts the province first, once', () =>
    expect(routingCandidates('64.72', { level: 'province' })).toEqual([
      { code: 'pemprov-64', reason: 'category' },
      { code: 'pemda-64.72', reason: 'region' },
    ]));

  it('a central rule puts the named institution first', () =>
    expect(
      routingCandidates('31.71', { level: 'central', institution: 'kemenkes' }).map((c) => c.code),
    ).toEqual(['kemenkes', 'pemda-31.71', 'pemprov-31']));

  it('a province code has no regency', () =>
    expect(routingCandidates('64', null)).toEqual([{ code: 'pemprov-64', reason: 'region' }]));

  it('names regional governments by region code', () => {
    expect(regionalGovernmentCode('64')).toBe('pemprov-64');
    expect(regionalGovernmentCode('64.72')).toBe('pemda-64.72');
  });
});
