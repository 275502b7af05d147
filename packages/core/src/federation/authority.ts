/**
 * Which Pintu instance handles a report (issue 13, ADR 0013): each instance is authoritative for the subtrees of the
 * institutions listed for it, by their codes (stable across instances; ids are not). The nearest listed ancestor of
 * the holder — or the holder itself — decides; an institution nobody lists is the default instance's (the national
 * one). Pure: the map comes in as data.
 */

/** One line of the authority map: `institutionCode`'s subtree is handled by instance `instance`. */
export interface AuthorityEntry {
  institutionCode: string;
  instance: string;
}

export interface AuthorityMap {
  entries: readonly AuthorityEntry[];
  /** The instance for every institution no entry covers, and for the national queue. */
  fallback: string;
}

/** Why a map cannot be used: a code listed twice (for two instances, or for one twice), or an empty name. */
export type AuthorityMapProblem =
  | { code: 'duplicate_institution'; institutionCode: string }
  | { code: 'empty'; field: 'institutionCode' | 'instance' | 'fallback' };

/** The problems of a map, none when it can be used. */
export function authorityMapProblems(map: AuthorityMap): AuthorityMapProblem[] {
  const problems: AuthorityMapProblem[] = [];
  if (map.fallback.trim() === '') problems.push({ code: 'empty', field: 'fallback' });
  const seen = new Set<string>();
  for (const e of map.entries) {
    if (e.institutionCode.trim() === '') problems.push({ code: 'empty', field: 'institutionCode' });
    if (e.instance.trim() === '') problems.push({ code: 'empty', field: 'instance' });
    if (seen.has(e.institutionCode))
      problems.push({ code: 'duplicate_institution', institutionCode: e.institutionCode });
    seen.add(e.institutionCode);
  }
  return problems;
}

/**
 * The instance authoritative for a holder whose path (codes, root first, the holder last) is `path`; an empty path
 * (the national queue, no holder yet) is the fallback's.
 */
export function authorityOf(path: readonly string[], map: AuthorityMap): string {
  const byCode = new Map(map.entries.map((e) => [e.institutionCode, e.instance]));
  for (let i = path.length - 1; i >= 0; i--) {
    const instance = byCode.get(path[i]!);
    if (instance !== undefined) return instance;
  }
  return map.fallback;
}

/**
 * When to try a message to a peer again after `attempts` failed tries (ADR 0013): 1 s, 2 s, 4 s … up to `capMs`,
 * ±10 % so that streams do not retry in step. Never "failed": a peer is a partner, and its backlog waits.
 */
export function nextFederationAttempt(attempts: number, now: Date, random: number, capMs: number): Date {
  const base = Math.min(capMs, 1000 * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  return new Date(now.getTime() + Math.round(base * (0.9 + 0.2 * random)));
}
