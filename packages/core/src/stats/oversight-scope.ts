/**
 * Who may see the oversight lists (overdue reports, silent institutions) and of which institutions: the national
 * admin and national oversight everything, institution staff and scoped oversight their own subtrees, optionally
 * narrowed to one institution inside them.
 */
import { fail, failField } from '../errors';

/** The caller's reach: everything (`national`) or the subtrees of `roots` (the staff inbox scope). */
export interface OversightAccess {
  national: boolean;
  roots: readonly number[];
}

/** The institutions an oversight list covers: `roots` subtrees (null: all), narrowed to `within` when set. */
export interface OversightFilter {
  roots: readonly number[] | null;
  within: { institutionId: number; subtree: boolean } | null;
}

/** Fails with NOT_ALLOWED unless the caller has a staff or oversight grant somewhere. */
export function requireOversight(access: OversightAccess): void {
  if (!access.national && access.roots.length === 0)
    fail('NOT_ALLOWED', 'Hanya untuk petugas instansi, pengawas, dan admin nasional.');
}

/**
 * The filter of the caller's scope, narrowed to `institution` when asked: `path` is that institution's path (root
 * → node) or null when it does not exist (a field failure); outside the caller's subtrees is NOT_ALLOWED.
 */
export function oversightFilterOf(
  access: OversightAccess,
  institution?: { id: number; path: readonly number[] | null; subtree?: boolean | undefined },
): OversightFilter {
  requireOversight(access);
  const roots = access.national ? null : access.roots;
  if (institution === undefined) return { roots, within: null };
  const { path } = institution;
  if (path === null) return failField('query.institutionId', 'unknown', 'Instansi tidak ditemukan.');
  if (!access.national && !path.some((id) => access.roots.includes(id)))
    fail('NOT_ALLOWED', 'Instansi itu berada di luar wilayah kewenangan Anda.');
  return { roots, within: { institutionId: institution.id, subtree: institution.subtree !== false } };
}
