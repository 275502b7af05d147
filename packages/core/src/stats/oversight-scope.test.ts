import { describe, expect, it } from 'vitest';
import { DomainFailure } from '../errors';
import { oversightFilterOf, requireOversight } from './oversight-scope';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainFailure) return e.error;
    throw e;
  }
  throw new Error('no failure');
};

describe('oversight scope', () => {
  it('refuses a caller without a staff or oversight grant', () => {
    expect(codeOf(() => requireOversight({ national: false, roots: [] }))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    expect(codeOf(() => oversightFilterOf({ national: false, roots: [] }))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
  });

  it('covers everything nationally, the own subtrees otherwise', () => {
    expect(oversightFilterOf({ national: true, roots: [] })).toEqual({ roots: null, within: null });
    expect(oversightFilterOf({ national: false, roots: [4] })).toEqual({ roots: [4], within: null });
  });

  it('narrows to an institution inside the scope only', () => {
    const own = { national: false, roots: [4] };
    expect(oversightFilterOf(own, { id: 9, path: [4, 9] })).toEqual({
      roots: [4],
      within: { institutionId: 9, subtree: true },
    });
    expect(oversightFilterOf(own, { id: 9, path: [4, 9], subtree: false }).within).toEqual({
      institutionId: 9,
      subtree: false,
    });
    expect(codeOf(() => oversightFilterOf(own, { id: 7, path: [7] }))).toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'Instansi itu berada di luar wilayah kewenangan Anda.',
    });
    expect(codeOf(() => oversightFilterOf(own, { id: 8, path: null }))).toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'query.institutionId', code: 'unknown', message: 'Instansi tidak ditemukan.' }],
    });
    expect(oversightFilterOf({ national: true, roots: [] }, { id: 7, path: [7] }).roots).toBeNull();
  });
});
