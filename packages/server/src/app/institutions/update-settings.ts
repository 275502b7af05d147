/** Updating an institution's settings (follow-up approval, default complexity per category), validated and audited. */

import { fail } from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorFor } from './access';
import { audit } from './audit';
import { type StoredSettings, storedSettingsOf } from './settings';
import { adminView, institutionNotFound } from './view-institution';

/**
 * Replaces the institution's settings with `input` (PUT: keys left out go back to being inherited). Category ids
 * must exist; the request's shape is checked by the route's zod schema before this runs.
 */
export async function updateInstitutionSettings(
  deps: Pick<AppDeps, 'institutionAdmin'> & { now: Date },
  caller: Caller,
  id: number,
  input: StoredSettings,
) {
  const { now } = deps;
  return deps.institutionAdmin.transaction(async (tx) => {
    const node = await tx.node(id, true);
    if (!node) return institutionNotFound();
    const actor = actorFor(caller, 'manage_settings', node.path);
    const categoryIds = Object.keys(input.defaultComplexity ?? {}).map(Number);
    const known = await tx.existingCategories(categoryIds);
    const unknown = categoryIds.filter((c) => !known.has(c));
    if (unknown.length)
      fail(
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
    await tx.replaceSettings(
      id,
      ['followUpRequiresApproval', 'defaultComplexity'],
      JSON.parse(JSON.stringify(input)),
    );
    const after = storedSettingsOf(((await tx.node(id)) ?? institutionNotFound()).settings);
    await audit(tx, actor, id, 'update_settings', { before, after }, now);
    return adminView(tx, (await tx.node(id)) ?? institutionNotFound());
  });
}
