/** The signed-in account as it sees itself: profile, grants with institution names, security state. */
import { type AccountProfile, fail } from '@pintu/core';
import type { Db } from '../../db/open';
import { postgresAccounts } from '../../db/postgres-accounts';
import type { AppDeps } from '../deps';
import type { Caller } from './caller';

export interface MeView extends AccountProfile {
  permissions: string[];
}

/** The account of the caller. */
export async function viewMe(deps: Pick<AppDeps, 'accounts'>, p: Caller): Promise<MeView> {
  const profile = await deps.accounts.profile(p.userId);
  if (!profile) return fail('NOT_FOUND', 'Akun tidak ditemukan.');
  return { ...profile, permissions: p.permissions };
}

/** @deprecated pass the deps: `viewMe(deps, p)` (kept for callers not yet moved to the ports). */
export function loadMe(db: Db, p: Caller): Promise<MeView> {
  return viewMe({ accounts: postgresAccounts(db) }, p);
}
