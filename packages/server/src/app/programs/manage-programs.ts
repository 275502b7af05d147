/**
 * Configuring programs (issue 15): the national admin any program, a provincial admin those owned and located in
 * their province (core programs/access.ts). Every check runs before anything is written; a refusal stores nothing.
 */
import {
  fail,
  INTAKE_INVALID_MESSAGE,
  mayAdministerPrograms,
  mayConfigureProgram,
  type ProgramConfig,
  type ProgramGrant,
  programConfigErrors,
  programReferenceErrors,
  type StoredProgram,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';

type Deps = Pick<AppDeps, 'programs'> & { now: Date };

const notAllowed = (): never =>
  fail(
    'NOT_ALLOWED',
    'Hanya admin nasional atau admin provinsi pemilik program yang boleh mengatur program ini.',
  );

/** The caller's grants with their institutions, as the program rules read them. */
export function programGrants(deps: Pick<AppDeps, 'programs'>, caller: Caller): Promise<ProgramGrant[]> {
  return deps.programs.grantsOf(caller.grants);
}

/** Checks a configuration for this caller: shape, references, then who may; returns the owner's id. */
async function checked(
  deps: Deps,
  caller: Caller,
  config: ProgramConfig,
  was?: StoredProgram,
): Promise<number> {
  const grants = await programGrants(deps, caller);
  if (!mayAdministerPrograms(grants)) notAllowed();
  // A provincial admin may change only a program that was already theirs, not take over another province's.
  if (was && !mayConfigureProgram(grants, was.owner, was.areaRegionCodes)) notAllowed();
  const shape = programConfigErrors(config);
  if (shape.length) fail('VALIDATION', INTAKE_INVALID_MESSAGE, shape);
  const refs = await deps.programs.references(config);
  const errors = programReferenceErrors(config, refs);
  if (errors.length) fail('VALIDATION', INTAKE_INVALID_MESSAGE, errors);
  if (!mayConfigureProgram(grants, refs.owner!, config.areaRegionCodes)) notAllowed();
  return refs.owner!.id;
}

/** Creates a program; 409 when its code is taken. */
export async function createProgram(
  deps: Deps,
  caller: Caller,
  config: ProgramConfig,
): Promise<StoredProgram> {
  const ownerId = await checked(deps, caller, config);
  if (!(await deps.programs.create(config, ownerId, caller.userId, deps.now)))
    fail('CONFLICT', `Kode program ${config.code} sudah dipakai.`, [
      { field: 'code', code: 'taken', message: 'Kode program sudah dipakai.' },
    ]);
  return (await deps.programs.find(config.code))!;
}

/** Replaces a program's whole configuration; its code never changes (it is in links already shared). */
export async function updateProgram(
  deps: Deps,
  caller: Caller,
  code: string,
  config: Omit<ProgramConfig, 'code'>,
): Promise<StoredProgram> {
  const was = await deps.programs.find(code);
  if (!was) fail('NOT_FOUND', 'Program tidak ditemukan.');
  const full = { ...config, code };
  const ownerId = await checked(deps, caller, full, was);
  await deps.programs.update(code, full, ownerId, deps.now);
  return (await deps.programs.find(code))!;
}

/** Every program the caller may configure (the national admin: all; a provincial admin: their province's). */
export async function listProgramsForAdmin(deps: Deps, caller: Caller): Promise<StoredProgram[]> {
  const grants = await programGrants(deps, caller);
  if (!mayAdministerPrograms(grants)) notAllowed();
  const all = await deps.programs.list({ activeOnly: false });
  return all.filter((p) => mayConfigureProgram(grants, p.owner, p.areaRegionCodes));
}
