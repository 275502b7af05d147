/** Creating a unit (unit kerja, OPD, kecamatan, desa) under an institution or unit in the caller's scope. */
import { isRegionWithin, timeZoneOfRegion } from '@pintu/core';
import type { Db } from '../../db/open';
import {
  type InstitutionNode,
  insertUnit,
  loadNode,
  regionExists,
  siblingNameTaken,
} from '../../db/postgres-institution-admin';
import { fieldError, ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { actorFor } from './access';
import { audit } from './audit';
import { institutionNotFound, presentAdmin } from './view-institution';

export interface NewUnitInput {
  name: string;
  regionCode?: string | undefined;
}

/**
 * Checks a region for a node under `parent`: it must exist and lie inside the parent's region (a district or
 * village of its pemda); under a central institution (no region) any region will do.
 */
export async function checkRegion(
  q: Pick<Db, 'execute'>,
  regionCode: string,
  parent: Pick<InstitutionNode, 'regionCode' | 'name'>,
  field = 'regionCode',
): Promise<void> {
  if (!(await regionExists(q, regionCode)))
    throw fieldError(field, 'unknown', 'Kode wilayah tidak ditemukan.');
  if (parent.regionCode && !isRegionWithin(regionCode, parent.regionCode))
    throw fieldError(
      field,
      'outside_parent',
      `Wilayah ${regionCode} berada di luar wilayah ${parent.name} (${parent.regionCode}).`,
    );
}

/** Creates the unit and its audit row in one transaction; returns the administrator's view of it. */
export async function createUnit(
  deps: { db: Db; now: Date },
  principal: Principal | null,
  parentId: number,
  input: NewUnitInput,
) {
  const { db, now } = deps;
  return db.transaction(async (tx) => {
    // Lock the parent: a concurrent move or deactivation of it waits for this unit to exist, or this waits for it.
    const parent = await loadNode(tx, parentId, true);
    if (!parent) throw institutionNotFound();
    const actor = actorFor(principal, 'manage_units', parent.path);
    if (!parent.active)
      throw new ProblemError('CONFLICT', `${parent.name} tidak aktif; aktifkan dulu sebelum menambah unit.`);
    if (input.regionCode) await checkRegion(tx, input.regionCode, parent);
    if (await siblingNameTaken(tx, parent.id, input.name))
      throw fieldError('name', 'taken', `Sudah ada unit aktif bernama "${input.name}" di ${parent.name}.`);
    // A unit with its own region keeps that province's time zone (a ministry's office in Jayapura works on WIT);
    // otherwise it works on its parent's.
    const regionCode = input.regionCode ?? parent.regionCode;
    const timeZone = input.regionCode ? timeZoneOfRegion(input.regionCode) : parent.timeZone;
    const id = await insertUnit(tx, { parent, name: input.name, regionCode, timeZone, now });
    const node = (await loadNode(tx, id))!;
    await audit(
      tx,
      actor,
      id,
      'create_unit',
      {
        before: null,
        after: { parentId: parent.id, name: node.name, regionCode, timeZone, path: node.path },
      },
      now,
    );
    return presentAdmin(tx, node);
  });
}
