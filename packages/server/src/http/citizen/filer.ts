/** Who files a report from the web: a facilitator account files for a villager, a citizen account for itself. */
import type { Principal } from '../../app/accounts/principal';
import type { Filer } from '../../app/reports/file-report';

export function filerOf(principal: Principal | null): Filer {
  const roles = new Set(principal?.grants.map((g) => g.role) ?? []);
  if (principal && roles.has('facilitator'))
    return { kind: 'facilitator', channel: 'web', userId: principal.userId };
  if (principal && roles.has('citizen')) return { kind: 'citizen', channel: 'web', userId: principal.userId };
  // Staff and signed-out callers file as guests: the access code is the report's only key.
  return { kind: 'guest', channel: 'web' };
}
