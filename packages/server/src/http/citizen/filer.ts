/**
 * Who files a report from the web: a facilitator account files for a villager, a citizen account for itself; with
 * the client's address, which the filing limits count for a guest (docs/abuse.md).
 */
import type { Caller } from '../../app/accounts/caller';
import type { FilingCaller } from '../../app/reports/file-report';

export function filerOf(caller: Caller | null, externalRef?: string, address?: string | null): FilingCaller {
  if (caller?.app)
    return { kind: 'app', channel: `integration:${caller.app.slug}`, app: caller.app, externalRef };
  const roles = new Set(caller?.grants.map((g) => g.role) ?? []);
  if (caller && roles.has('facilitator'))
    return { kind: 'facilitator', channel: 'web', userId: caller.userId };
  if (caller && roles.has('citizen')) return { kind: 'citizen', channel: 'web', userId: caller.userId };
  // Staff and signed-out callers file as guests: the access code is the report's only key.
  return { kind: 'guest', channel: 'web', address };
}
