/**
 * PROGRAMS (issue 15): a program channel such as a donor-funded grievance mechanism runs inside the one system with
 * its own area, categories, intake fields and a handler per level (village → regency/city → province), each level
 * with its own deadline. These are its configuration types; docs/programs.md describes them for people.
 */

/** The levels a program's grievance climbs, lowest first (the database CHECK uses the same list). */
export const PROGRAM_LEVELS = ['village', 'regency', 'province'] as const;
export type ProgramLevel = (typeof PROGRAM_LEVELS)[number];

/** The kinds of an extra intake field. */
export const PROGRAM_FIELD_TYPES = ['text', 'select', 'number'] as const;
export type ProgramFieldType = (typeof PROGRAM_FIELD_TYPES)[number];

/** The reporter's gender where given; null is "not given" (programs report sex-disaggregated figures). */
export const REPORTER_GENDERS = ['female', 'male'] as const;
export type ReporterGender = (typeof REPORTER_GENDERS)[number];

/**
 * Who handles a level: the village's own unit under its regency/city government (domain.md §3: villages may be
 * units of their pemda; created on first use), the regency/city or province government of the report's village, or
 * a named institution.
 */
export type ProgramHandlerRule =
  | { kind: 'village_unit' }
  | { kind: 'regional_government' }
  | { kind: 'institution'; code: string };

/** One level of a program: its handler and how many working days that level has to settle a grievance. */
export interface ProgramLevelConfig {
  level: ProgramLevel;
  handler: ProgramHandlerRule;
  deadlineDays: number;
}

/** A program's own category; it maps to a national category so routing and statistics keep working. */
export interface ProgramCategory {
  code: string;
  name: string;
  nameEn: string | null;
  categoryId: number;
}

/** An extra intake field of a program's form. */
export interface ProgramField {
  key: string;
  label: string;
  labelEn: string | null;
  type: ProgramFieldType;
  /** The choices of a `select` field. */
  options?: string[];
  required: boolean;
}

/** A program's whole configuration, as the admin sends it and the programs table stores it. */
export interface ProgramConfig {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  /** The owning institution, by code (`pemprov-64`). */
  ownerCode: string;
  /** Region codes whose villages form the area; a code covers every village under it. */
  areaRegionCodes: string[];
  categories: ProgramCategory[];
  fields: ProgramField[];
  /** One entry per configured level, lowest first, no level skipped between the lowest and the highest. */
  levels: ProgramLevelConfig[];
  countsInEvaluation: boolean;
  active: boolean;
  source: string | null;
}

/** A program grievance's place on its ladder, kept in the report's lifecycle state. */
export interface ProgramState {
  /** The program's id (as a string, like every id in the lifecycle state). */
  id: string;
  level: ProgramLevel;
  /** End of the current level's deadline, in the holder's time zone. */
  levelDueAt: Date;
  /** The program's levels when the grievance was filed: a later change of the program never rewrites a ladder. */
  levels: { level: ProgramLevel; deadlineDays: number }[];
  /**
   * Whether the report counts in its holders' normal evaluation, fixed at filing: turning it off later does not
   * change figures already published for past periods.
   */
  countsInEvaluation: boolean;
}

/** Whether a Kemendagri code names a village (four segments: `64.72.01.1001`). */
export function isVillageCode(code: string): boolean {
  return /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code);
}

/** Whether one of the area's codes covers the region (itself or a code above it). */
export function areaCovers(areaRegionCodes: readonly string[], regionCode: string): boolean {
  return areaRegionCodes.some((code) => regionCode === code || regionCode.startsWith(`${code}.`));
}

/** The regency/city code of a village (`64.72`), or its province (`64`). */
export function regionAncestor(villageCode: string, level: 'regency' | 'province'): string {
  const parts = villageCode.split('.');
  return level === 'province' ? parts[0]! : parts.slice(0, 2).join('.');
}

/** The level above, or null at the top of the program's ladder. */
export function nextProgramLevel(state: Pick<ProgramState, 'level' | 'levels'>): ProgramLevel | null {
  const i = state.levels.findIndex((l) => l.level === state.level);
  return i >= 0 && i + 1 < state.levels.length ? state.levels[i + 1]!.level : null;
}

/** Indonesian names of the levels, for the handler rule's display name. */
export const PROGRAM_LEVEL_LABELS: Record<ProgramLevel, { id: string; en: string }> = {
  village: { id: 'Desa/Kelurahan', en: 'Village' },
  regency: { id: 'Kabupaten/Kota', en: 'Regency/City' },
  province: { id: 'Provinsi', en: 'Province' },
};
