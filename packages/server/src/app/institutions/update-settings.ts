/** Updating an institution's settings (follow-up approval, default complexity per category), validated and audited. */

import type { Db } from '../../db/open';
import { existingCategories, loadNode, replaceSettings } from '../../db/postgres-institution-admin';
import { ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { actorFor } from './access';
import { audit } from './audit';
import { type StoredSettings, storedSettingsOf } from './settings';
import { institutionNotFound, presentAdmin } from './view-institution';

/**
 * Replaces the institution's settings with `input` (PUT: keys left out go back to being inherited). Category ids
 * must exist; the request's shape is checked by the route's zod schema before this runs.
 */
export async function updateInstitutionSettings(
  deps: { db: Db; now: Date },
  principal: Principal | null,
  id: number,
  input: StoredSettings,
) {
  const { db, now } = deps;
  return db.transaction(async (tx) => {
    const node = await loadNode(tx, id, true);
    if (!node) throw institutionNotFound();
    const actor = actorFor(principal, 'manage_settings', node.path);
    const categoryIds = Object.keys(input.defaultComplexity ?? {}).map(Number);
    const known = await existingCategories(tx, categoryIds);
    const unknown = categoryIds.filter((c) => !known.has(c));
    if (unknown.length)
      throw new ProblemError(
        'VALIDATION',
        'Kategori tidak ditemukan.',
        unknown.map((c) => ({
          field: `defaultComplexity.${c}`,
          code: 'unknown',
          message: `Kategori ${c} tidak ditemukan.`,
        })),
      );
    const before = storedSettingsOf(node.settings);
    // Only the keys this use case owns are replaced; a key left out is removed, so it is inherited again.
    await replaceSettings(
      tx,
      id,
      ['followUpRequiresApproval', 'defaultComplexity'],
      JSON.parse(JSON.stringify(input)),
    );
    const after = storedSettingsOf((await loadNode(tx, id))!.settings);
    await audit(tx, actor, id, 'update_settings', { before, after }, now);
    return presentAdmin(tx, (await loadNode(tx, id))!);
  });
}
