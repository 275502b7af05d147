/**
 * Forgetting the filing limits' marks once no window can count them (docs/abuse.md): they are keyed hashes of
 * contacts, addresses and accounts, kept no longer than the longest window needs (data minimisation, UU PDP).
 */
import type { FilingLimits } from '@pintu/core';
import type { AppDeps } from '../deps';

/** The longest window any limit or repeat detection looks back over, in minutes. */
export function longestWindowMinutes(limits: FilingLimits): number {
  return Math.max(
    limits.contact.windowMinutes,
    limits.address.windowMinutes,
    limits.citizen.windowMinutes,
    limits.facilitator.windowMinutes,
    limits.repeatWindowMinutes,
  );
}

/** Deletes the marks older than the longest window at `now`; returns how many. */
export function forgetFilingMarks(
  deps: Pick<AppDeps, 'moderation'>,
  limits: FilingLimits,
  now: Date,
): Promise<number> {
  return deps.moderation.forgetMarksBefore(new Date(now.getTime() - longestWindowMinutes(limits) * 60_000));
}
