/** The routing suggestion's rule, as the reference route uses it: the category's level, then the place. */
import { routingCandidates } from '@pintu/core';
import { describe, expect, it } from 'vitest';

describe('routing suggestion rule (core)', () => {
  it('puts the central institution a category names before the governments of the place', () => {
    expect(routingCandidates('64.72.01', { level: 'central', institution: 'kemen-pupr' })).toEqual([
      { code: 'kemen-pupr', reason: 'category' },
      { code: 'pemda-64.72', reason: 'region' },
      { code: 'pemprov-64', reason: 'region' },
    ]);
  });
});
