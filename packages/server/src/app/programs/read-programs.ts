/**
 * The public reads of programs (issue 15): the active programs (or those whose area covers a village, which the
 * normal report form offers), and one program with its categories, fields and levels — each level's handler as a
 * name a villager understands, never an internal id.
 */
import {
  fail,
  PROGRAM_LEVEL_LABELS,
  type ProgramLevel,
  type ProgramLevelConfig,
  type StoredProgram,
} from '@pintu/core';
import type { AppDeps } from '../deps';

type Deps = Pick<AppDeps, 'programs'>;

/** A level as the public sees it: its deadline and who handles it, in Indonesian and English. */
export interface PublicLevel extends ProgramLevelConfig {
  handlerName: string;
  handlerNameEn: string;
}

/** Active programs, or those whose area covers `regionCode`. */
export function listPrograms(deps: Deps, regionCode?: string): Promise<StoredProgram[]> {
  return regionCode ? deps.programs.covering(regionCode) : deps.programs.list({ activeOnly: true });
}

/** One active program, or 404. */
export async function activeProgram(deps: Deps, code: string): Promise<StoredProgram> {
  const program = await deps.programs.find(code);
  if (!program?.active) fail('NOT_FOUND', 'Program tidak ditemukan.');
  return program;
}

/** The display name of a level's handler rule. */
async function handlerName(deps: Deps, l: ProgramLevelConfig): Promise<{ id: string; en: string }> {
  const h = l.handler;
  if (h.kind === 'village_unit')
    return { id: 'Pemerintah Desa/Kelurahan setempat', en: "The village's own government" };
  if (h.kind === 'regional_government') {
    const label = PROGRAM_LEVEL_LABELS[l.level as ProgramLevel];
    return { id: `Pemerintah ${label.id} setempat`, en: `The local ${label.en.toLowerCase()} government` };
  }
  const inst = await deps.programs.handlerFor(l.level, h, '');
  return { id: inst?.name ?? h.code, en: inst?.name ?? h.code };
}

/** The program's levels with their handlers' display names. */
export async function publicLevels(deps: Deps, program: StoredProgram): Promise<PublicLevel[]> {
  return Promise.all(
    program.levels.map(async (l) => {
      const name = await handlerName(deps, l);
      return { ...l, handlerName: name.id, handlerNameEn: name.en };
    }),
  );
}
