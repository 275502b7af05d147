/** The signed-in account (`/api/v1/me`), shared by the layout and every feature; null when signed out. */
import type { Schema } from '@pintu/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, auth } from './client';

export type Me = Schema<'Me'>;

export const ME_KEY = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

// Reporter-side roles: a citizen files for themself, a facilitator on behalf of a villager.
const REPORTER_ROLES = new Set(['citizen', 'facilitator']);

/** True when the account holds any staff or oversight grant (a citizen's only grant is `citizen`). */
export function isStaff(me: Me | null | undefined): boolean {
  return !!me && me.grants.some((g) => !REPORTER_ROLES.has(g.role));
}

export function isFacilitator(me: Me | null | undefined): boolean {
  return !!me && me.grants.some((g) => g.role === 'facilitator');
}

export function useSignOut() {
  const qc = useQueryClient();
  return async () => {
    await auth.post('/sign-out').catch(() => undefined);
    qc.setQueryData(ME_KEY, null);
    qc.clear();
  };
}
