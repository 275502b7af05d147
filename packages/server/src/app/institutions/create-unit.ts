/** Creating a unit (unit kerja, OPD, kecamatan, desa) under an institution or unit in the caller's scope. */
import {
  fail,
  failField,
  type InstitutionAdminStore,
  type InstitutionRecord,
  isRegionWithin,
  timeZoneOfRegion,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorFor } from './access';
import { audit } from './audit';
import { adminView, institutionNotFound } from './view-institution';

export interface NewUnitInput {
  name: string;
  regionCode?: string | undefined;
}

/**
 * Checks a region for a node under `parent`: it must exist and lie inside the parent's region (a district or
 * village of its pemda); under a central institution (no region) any region will do.
 */
export async function checkRegion(
  tx: Pick<InstitutionAdminStore, 'regionExists'>,
  regionCode: string,
  parent: Pick<InstitutionRecord, 'regionCode' | 'name'>,
  field = 'regionCode',
): Promise<void> {
  if (!(await tx.regionExists(regionCode))) failField(field, 'unknown', 'Kode wilayah tidak ditemukan.');
  if (parent.regionCode && !isRegionWithin(regionCode, parent.regionCode))
    failField(
      field,
      'outside_parent',
      `Wilayah ${regionCode} berada di luar wilayah ${parent.name} (${parent.regionCode}).`,
    );
}

/** Creates the unit and its audit row in one transaction; returns the administrator's view of it. */
export async function createUnit(
  deps: Pick<AppDeps, 'institutionAdmin'> & { now: Date },
  caller: Caller,
  parentId: number,
  input: NewUnitInput,
) {
  const { now } = deps;
  return deps.institutionAdmin.transaction(async (tx) => {
    // Lock the parent: a concurrent move or deactivation of it waits for this unit to exist, or this waits for it.
    const parent = await tx.node(parentId, true);
    if (!parent) return institutionNotFound();
    const actor = actorFor(caller, 'manage_units', parent.path);
    if (!parent.active) fail('CONFLICT', `${parent.name} tidak aktif; aktifkan dulu sebelum menambah unit.`);
    if (input.regionCode) await checkRegion(tx, input.regionCode, parent);
    if (await tx.siblingNameTaken(parent.id, input.name))
      failField('name', 'taken', `Sudah ada unit aktif bernama "${input.name}" di ${parent.name}.`);
    // A unit with its own region keeps that province's time zone (a ministry's office in Jayapura works on WIT);
    // otherwise it works on its parent's.
    const regionCode = input.regionCode ?? parent.regionCode;
    const timeZone = input.regionCode ? timeZoneOfRegion(input.regionCode) : parent.timeZone;
    const id = await tx.insertUnit({ parent, name: input.name, regionCode, timeZone, now });
    const node = (await tx.node(id)) ?? institutionNotFound();
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
    return adminView(tx, node);
  });
}
