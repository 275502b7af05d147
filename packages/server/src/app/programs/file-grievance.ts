/**
 * What filing a program grievance adds to intake (issue 15): the program and its category, a village inside its
 * area, the extra fields against their definitions, and the lowest level's handler (a village unit is created the
 * first time). Field-level errors are collected with intake's own; nothing is written here but that unit.
 */
import {
  areaCovers,
  type CheckedInstitution,
  type FieldError,
  isVillageCode,
  type NewReport,
  type ProgramColumns,
  programFieldErrors,
} from '@pintu/core';
import type { AppDeps } from '../deps';

/** A grievance's program part as the user sent it. */
export interface GrievanceInput {
  code: string;
  categoryCode: string;
  fields: Record<string, string | number | null>;
}

/** What intake needs to open and write a grievance. */
export interface PreparedGrievance {
  /** The lowest level's handler: the report opens dispositioned there. */
  institution: CheckedInstitution;
  /** For core openReport. */
  opening: NonNullable<NewReport['program']>;
  /** The national category the program category maps to. */
  categoryId: number;
  /** The program columns of the row (level and its deadline filled in from the opened state). */
  columns: Omit<ProgramColumns, 'level' | 'levelDueAt'>;
  code: string;
}

const err = (field: string, code: string, message: string): FieldError => ({ field, code, message });

/**
 * Checks the program part, adding its errors to `errors`; the handler is looked up (or its unit created) only when
 * the whole filing is otherwise valid, so a refused filing creates nothing.
 */
export async function prepareGrievance(
  deps: Pick<AppDeps, 'programs'>,
  input: GrievanceInput,
  regionCode: string,
  errors: FieldError[],
): Promise<PreparedGrievance | null> {
  const program = await deps.programs.find(input.code);
  if (!program?.active) {
    errors.push(err('program.code', 'unknown', 'Program tidak ditemukan atau tidak aktif.'));
    return null;
  }
  // A grievance is handled first by its village: the place must be a village, and inside the program's area.
  if (!isVillageCode(regionCode))
    errors.push(err('location.regionCode', 'not_village', 'Pilih desa/kelurahan tempat kejadian.'));
  else if (!areaCovers(program.areaRegionCodes, regionCode))
    errors.push(
      err('location.regionCode', 'outside_area', `Desa ini berada di luar wilayah program ${program.name}.`),
    );
  const category = program.categories.find((c) => c.code === input.categoryCode);
  if (!category) errors.push(err('program.categoryCode', 'unknown', 'Kategori program tidak ditemukan.'));
  errors.push(...programFieldErrors(program.fields, input.fields));
  if (errors.length > 0 || !category) return null;

  const lowest = program.levels[0]!;
  const institution = await deps.programs.handlerFor(lowest.level, lowest.handler, regionCode);
  if (!institution?.active) {
    errors.push(err('location.regionCode', 'no_handler', 'Belum ada penangan program untuk desa ini.'));
    return null;
  }
  return {
    institution,
    opening: {
      id: String(program.id),
      levels: program.levels.map((l) => ({ level: l.level, deadlineDays: l.deadlineDays })),
      countsInEvaluation: program.countsInEvaluation,
    },
    categoryId: category.categoryId,
    columns: { programId: program.id, category: category.code, fields: input.fields },
    code: program.code,
  };
}
