/** A program's configuration and a grievance's extra fields: field-level errors, and who may configure. */
import { describe, expect, it } from 'vitest';
import { mayConfigureProgram, programViewOf } from './access';
import { areaCovers, isVillageCode, type ProgramConfig } from './program';
import { programConfigErrors, programFieldErrors, programReferenceErrors } from './validate-program';

const config = (over: Partial<ProgramConfig> = {}): ProgramConfig => ({
  code: 'fcpf-cf-kaltim',
  name: 'FCPF Carbon Fund Kalimantan Timur',
  nameEn: null,
  description: null,
  ownerCode: 'pemprov-64',
  areaRegionCodes: ['64'],
  categories: [{ code: 'lahan', name: 'Lahan', nameEn: 'Land', categoryId: 1 }],
  fields: [
    {
      key: 'kelompok',
      label: 'Kelompok',
      labelEn: null,
      type: 'select',
      options: ['MHA', 'KT'],
      required: true,
    },
    { key: 'luas', label: 'Luas (ha)', labelEn: null, type: 'number', required: false },
  ],
  levels: [
    { level: 'village', handler: { kind: 'village_unit' }, deadlineDays: 14 },
    { level: 'regency', handler: { kind: 'regional_government' }, deadlineDays: 14 },
    { level: 'province', handler: { kind: 'institution', code: 'pemprov-64' }, deadlineDays: 14 },
  ],
  countsInEvaluation: true,
  active: true,
  source: null,
  ...over,
});
const fields = (c: ProgramConfig) => programConfigErrors(c).map((e) => `${e.field}:${e.code}`);

describe('programConfigErrors', () => {
  it('accepts a well-formed configuration', () => expect(fields(config())).toEqual([]));

  it('names the handler of the level above a missing one', () => {
    const c = config();
    expect(fields({ ...c, levels: [c.levels[0]!, c.levels[2]!] })).toEqual([
      'levels.1.handler:level_missing',
    ]);
  });

  it('refuses levels out of order or repeated, a village unit above the village, and no levels', () => {
    const c = config();
    expect(fields({ ...c, levels: [c.levels[1]!, c.levels[0]!] })).toEqual(['levels.1.level:order']);
    expect(fields({ ...c, levels: [c.levels[0]!, c.levels[0]!] })).toEqual(['levels.1.level:order']);
    expect(fields({ ...c, levels: [{ ...c.levels[1]!, handler: { kind: 'village_unit' } }] })).toEqual([
      'levels.0.handler:invalid',
    ]);
    expect(fields({ ...c, levels: [] })).toEqual(['levels:required']);
  });

  it('refuses a bad code, deadline, select without options and repeated keys', () => {
    const c = config({
      code: 'FCPF!',
      fields: [
        { key: 'a', label: 'A', labelEn: null, type: 'select', required: false },
        { key: 'a', label: 'A', labelEn: null, type: 'text', required: false },
      ],
    });
    c.levels[0]!.deadlineDays = 0;
    expect(fields(c)).toEqual([
      'code:invalid',
      'fields.0.options:required',
      'fields.1:duplicate',
      'levels.0.deadlineDays:invalid',
    ]);
  });
});

describe('programReferenceErrors', () => {
  it('names each unknown owner, region, national category and handler institution', () => {
    const errors = programReferenceErrors(config({ areaRegionCodes: ['64', '99'] }), {
      ownerExists: false,
      regionCodes: new Set(['64']),
      categoryIds: new Set([2]),
      institutionCodes: new Set(),
    });
    expect(errors.map((e) => e.field)).toEqual([
      'ownerCode',
      'areaRegionCodes.1',
      'categories.0.categoryId',
      'levels.2.handler.code',
    ]);
  });
});

describe('programFieldErrors', () => {
  const defs = config().fields;
  it('checks required, type, options and unknown keys under program.fields.<key>', () => {
    expect(programFieldErrors(defs, { kelompok: 'MHA', luas: 2.5 })).toEqual([]);
    const errors = programFieldErrors(defs, { luas: 'dua', lain: 'x' });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'program.fields.lain:unknown',
      'program.fields.kelompok:required',
      'program.fields.luas:invalid',
    ]);
    expect(programFieldErrors(defs, { kelompok: 'X' })[0]?.code).toBe('invalid');
  });
});

describe('area and access', () => {
  it('covers the villages under an area code', () => {
    expect(areaCovers(['64'], '64.72.01.1001')).toBe(true);
    expect(areaCovers(['64.72'], '64.02.01.2001')).toBe(false);
    expect(areaCovers(['6'], '64.72')).toBe(false);
    expect(isVillageCode('64.72.01.1001')).toBe(true);
    expect(isVillageCode('64.72')).toBe(false);
  });

  const province = (code: string, id = 1) => ({
    role: 'coordinator' as const,
    institution: { id, kind: 'provincial_government', regionCode: code, path: [id] },
  });
  const owner = { id: 1, path: [1], regionCode: '64' };

  it('lets the national admin configure any program and a provincial admin only its own province', () => {
    expect(mayConfigureProgram([{ role: 'national_admin', institution: null }], owner, ['64'])).toBe(true);
    expect(mayConfigureProgram([province('64')], owner, ['64.72'])).toBe(true);
    expect(mayConfigureProgram([province('63')], owner, ['64'])).toBe(false);
    expect(mayConfigureProgram([province('64')], owner, ['64', '63.01'])).toBe(false);
    const regency = {
      role: 'coordinator' as const,
      institution: { id: 5, kind: 'regency_government', regionCode: '64.72', path: [5] },
    };
    expect(mayConfigureProgram([regency], { ...owner, regionCode: '64.72' }, ['64.72'])).toBe(false);
  });

  it('shows all grievances to owner admins, oversight and the national admin, handlers their subtree', () => {
    expect(programViewOf([province('64')], owner)).toEqual({ all: true });
    expect(programViewOf([{ role: 'oversight', institution: null }], owner)).toEqual({ all: true });
    const liaison = {
      role: 'liaison_officer' as const,
      institution: { id: 9, kind: 'unit', regionCode: '64.72', path: [5, 9] },
    };
    expect(programViewOf([liaison], owner)).toEqual({ all: false, subtrees: [9] });
    expect(programViewOf([{ role: 'citizen', institution: null }], owner)).toBeNull();
  });
});
