/** The signed-in account as it sees itself: profile, grants with institution names, security state. */
import { type AccountProfile, fail } from '@pintu/core';
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
