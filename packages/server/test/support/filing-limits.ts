/** Filing limits for tests that are not about them: nothing is refused, flagged or seen as a repeat. */
import type { FilingLimit, FilingLimits } from '@pintu/core';

const none: FilingLimit = { max: 1_000_000, windowMinutes: 1, over: 'refuse' };

export const UNLIMITED_FILING: FilingLimits = {
  contact: none,
  address: { ...none, over: 'flag' },
  citizen: none,
  facilitator: none,
  repeatWindowMinutes: 0,
};
