/** Reading an institution as its administrators see it: SK, settings (stored and in force), units, audit. */

import {
  type InstitutionNode,
  latestSk,
  listAudit,
  listChildren,
  loadNode,
  loadPath,
  type Q,
} from '../../db/postgres-institution-admin';
import { ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { actorFor } from './access';
import { resolveSettings, storedSettingsOf } from './settings';

export const institutionNotFound = () => new ProblemError('NOT_FOUND', 'Instansi tidak ditemukan.');

/** The administrator's view of a node. */
export async function presentAdmin(q: Q, node: InstitutionNode) {
  const [sk, path] = await Promise.all([latestSk(q, node.id), loadPath(q, node.path)]);
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
export type InstitutionAdminView = Awaited<ReturnType<typeof presentAdmin>>;

/** A node the caller may read as staff (any role with `view` in its subtree), or 403/404. */
async function readable(deps: { db: Q }, principal: Principal | null, id: number): Promise<InstitutionNode> {
  const node = await loadNode(deps.db, id);
  if (!node) throw institutionNotFound();
  actorFor(principal, 'view', node.path);
  return node;
}

/** GET /institutions/{id}/admin: the node with its SK and settings. */
export async function viewInstitution(deps: { db: Q }, principal: Principal | null, id: number) {
  return presentAdmin(deps.db, await readable(deps, principal, id));
}

/** GET /institutions/{id}/units: the units directly below, with open reports and connection. */
export async function listUnits(
  deps: { db: Q },
  principal: Principal | null,
  id: number,
  includeInactive: boolean,
) {
  await readable(deps, principal, id);
  return { items: await listChildren(deps.db, id, includeInactive) };
}

/** GET /institutions/{id}/audit: who changed what, newest first. */
export async function listInstitutionAudit(
  deps: { db: Q },
  principal: Principal | null,
  id: number,
  page: { page: number; pageSize: number },
) {
  await readable(deps, principal, id);
  const items = await listAudit(deps.db, id, page.pageSize, (page.page - 1) * page.pageSize);
  return { items, page: page.page, pageSize: page.pageSize };
}
