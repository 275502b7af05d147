/** Reading an institution as its administrators see it: SK, settings (stored and in force), units, audit. */
import { fail, type InstitutionAdminStore, type InstitutionRecord } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorFor } from './access';
import { resolveSettings, storedSettingsOf } from './settings';

type ViewDeps = Pick<AppDeps, 'institutionAdmin'>;

export const institutionNotFound = (): never => fail('NOT_FOUND', 'Instansi tidak ditemukan.');

/** The administrator's view of a node. */
export async function adminView(store: InstitutionAdminStore, node: InstitutionRecord) {
  const [sk, path] = await Promise.all([store.latestSk(node.id), store.pathNodes(node.path)]);
  return {
    id: node.id,
    code: node.code,
    kind: node.kind,
    name: node.name,
    parentId: node.parentId,
    path: node.path,
    regionCode: node.regionCode,
    timeZone: node.timeZone,
    active: node.active,
    connected: node.connected,
    sk,
    settings: storedSettingsOf(node.settings),
    effectiveSettings: resolveSettings(path),
  };
}
export type InstitutionAdminView = Awaited<ReturnType<typeof adminView>>;

/** A node the caller may read as staff (any role with `view` in its subtree), or 403/404. */
async function readable(deps: ViewDeps, caller: Caller, id: number): Promise<InstitutionRecord> {
  const node = await deps.institutionAdmin.node(id);
  if (!node) return institutionNotFound();
  actorFor(caller, 'view', node.path);
  return node;
}

/** GET /institutions/{id}/admin: the node with its SK and settings. */
export async function viewInstitution(deps: ViewDeps, caller: Caller, id: number) {
  return adminView(deps.institutionAdmin, await readable(deps, caller, id));
}

/** GET /institutions/{id}/units: the units directly below, with open reports and connection. */
export async function listUnits(deps: ViewDeps, caller: Caller, id: number, includeInactive: boolean) {
  await readable(deps, caller, id);
  return { items: await deps.institutionAdmin.listChildren(id, includeInactive) };
}

/** GET /institutions/{id}/audit: who changed what, newest first. */
export async function listInstitutionAudit(
  deps: ViewDeps,
  caller: Caller,
  id: number,
  page: { page: number; pageSize: number },
) {
  await readable(deps, caller, id);
  const items = await deps.institutionAdmin.listAudit(id, page.pageSize, (page.page - 1) * page.pageSize);
  return { items, page: page.page, pageSize: page.pageSize };
}
