/**
 * PATCH of an institution: rename, move to another parent (with its whole subtree), deactivate or reactivate. Every check runs before the first write, and all writes with their audit rows share one transaction,
 * so a refused change leaves nothing behind.
 */
import { type Actor, fail, failField, type InstitutionAdminStore, type InstitutionRecord } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorFor, allows, forbidden, strictlyBelowGrant } from './access';
import { audit } from './audit';
import { checkRegion } from './create-unit';
import { adminView, institutionNotFound } from './view-institution';

export interface InstitutionPatch {
  name?: string | undefined;
  parentId?: number | undefined;
  active?: boolean | undefined;
}

/** Applies the patch; returns the administrator's view of the node afterwards. */
export async function updateInstitution(
  deps: Pick<AppDeps, 'institutionAdmin'> & { now: Date },
  caller: Caller,
  id: number,
  patch: InstitutionPatch,
) {
  const { now } = deps;
  // Two crossing moves lock the same rows in opposite orders; the deadlock victim runs again and meets the cycle check.
  return deps.institutionAdmin.transaction(
    async (tx) => {
      const node = await tx.node(id, true);
      if (!node) return institutionNotFound();
      const actor = actorFor(caller, 'manage_units', node.path, strictlyBelowGrant(node));

      const moveTo = await checkMove(tx, actor, node, patch.parentId);
      const parent = moveTo ?? (node.parentId ? await tx.node(node.parentId) : null);
      const name = patch.name !== undefined && patch.name !== node.name ? patch.name : undefined;
      // A kecamatan stays inside its pemda: the node's region must lie inside the new parent's.
      if (moveTo && node.regionCode && moveTo.regionCode)
        await checkRegion(tx, node.regionCode, moveTo, 'parentId');
      if (parent && (name || moveTo) && (await tx.siblingNameTaken(parent.id, name ?? node.name, node.id)))
        failField('name', 'taken', `Sudah ada unit aktif bernama "${name ?? node.name}" di ${parent.name}.`);
      if (patch.active === false && node.active) await checkDeactivation(tx, node);
      if (patch.active === true && !node.active && parent && !parent.active)
        failField('active', 'parent_inactive', `Aktifkan dulu ${parent.name}.`);

      if (name) {
        await tx.rename(id, name);
        await audit(tx, actor, id, 'rename', { before: { name: node.name }, after: { name } }, now);
      }
      if (moveTo) {
        await tx.moveSubtree(node, moveTo, now);
        await audit(
          tx,
          actor,
          id,
          'move',
          {
            before: { parentId: node.parentId, path: node.path },
            after: { parentId: moveTo.id, path: [...moveTo.path, node.id] },
          },
          now,
        );
      }
      if (patch.active !== undefined && patch.active !== node.active) {
        await tx.setActive(id, patch.active);
        await audit(
          tx,
          actor,
          id,
          patch.active ? 'reactivate' : 'deactivate',
          { before: { active: node.active }, after: { active: patch.active } },
          now,
        );
      }
      return adminView(tx, (await tx.node(id)) ?? institutionNotFound());
    },
    { retryTransient: true },
  );
}

/** The new parent, if the patch moves the node; refuses cycles, inactive parents and parents out of scope. */
async function checkMove(
  tx: InstitutionAdminStore,
  actor: Actor,
  node: InstitutionRecord,
  parentId: number | undefined,
): Promise<InstitutionRecord | null> {
  if (parentId === undefined || parentId === node.parentId) return null;
  const parent = await tx.node(parentId, true);
  if (!parent) return failField('parentId', 'unknown', 'Instansi tujuan tidak ditemukan.');
  // The destination must be in the scope of the same grant that allowed touching the node.
  if (!allows(actor, 'manage_units', parent.path))
    forbidden('Instansi tujuan berada di luar wilayah kewenangan Anda.');
  if (parent.path.includes(node.id))
    failField(
      'parentId',
      'cycle',
      'Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau ke salah satu unit di bawahnya.',
    );
  if (!parent.active) failField('parentId', 'inactive', `${parent.name} tidak aktif.`);
  return parent;
}

/** Deactivation is refused while the subtree still has active units or holds open reports. */
async function checkDeactivation(tx: InstitutionAdminStore, node: InstitutionRecord): Promise<void> {
  const [units, open] = await Promise.all([tx.countActiveDescendants(node.id), tx.countOpenReports(node.id)]);
  if (open > 0)
    fail(
      'CONFLICT',
      `${node.name} masih memegang ${open} laporan terbuka; disposisikan atau selesaikan laporan itu dulu.`,
      [{ field: 'active', code: 'open_reports', message: `${open} laporan terbuka.` }],
    );
  if (units > 0)
    fail(
      'CONFLICT',
      `${node.name} masih memiliki ${units} unit aktif di bawahnya; nonaktifkan unit itu dulu.`,
      [{ field: 'active', code: 'active_units', message: `${units} unit aktif.` }],
    );
}
