/**
 * The routing suggestion ("no wrong door"): which institutions should handle a report about a category in a region,
 * best first — the institution the category's routing rule names, then the regency/city and the provincial
 * government of the place. Pure: the caller looks the codes up and keeps the active ones, in this order.
 */

/** A category's routing rule (categories.routing): the level of government, or a named central institution. */
export interface CategoryRouting {
  level: 'regency' | 'province' | 'central';
  /** The code of the central institution, for `level: 'central'`. */
  institution?: string;
}

/** Why an institution is suggested: the category's rule names it, or it governs the place. */
export type RoutingReason = 'category' | 'region';

export interface RoutingCandidate {
  code: string;
  reason: RoutingReason;
}

/** The institution code of a region's government: `pemprov-64`, `pemda-64.72`. */
export function regionalGovernmentCode(regionCode: string): string {
  return regionCode.includes('.') ? `pemda-${regionCode}` : `pemprov-${regionCode}`;
}

/**
 * The candidate institution codes for a region and the routing rule of its category (the subtopic's, else its
 * topic's; null when neither has one), best first, each code once with the reason it first appeared for.
 */
export function routingCandidates(regionCode: string, routing: CategoryRouting | null): RoutingCandidate[] {
  const regency = regionCode.length >= 5 ? regionalGovernmentCode(regionCode.slice(0, 5)) : null;
  const province = regionalGovernmentCode(regionCode.slice(0, 2));
  const wanted: RoutingCandidate[] = [];
  if (routing?.level === 'central' && routing.institution)
    wanted.push({ code: routing.institution, reason: 'category' });
  if (routing?.level === 'province') wanted.push({ code: province, reason: 'category' });
  if (regency) wanted.push({ code: regency, reason: routing?.level === 'regency' ? 'category' : 'region' });
  wanted.push({ code: province, reason: 'region' });
  const seen = new Set<string>();
  return wanted.filter((w) => !seen.has(w.code) && seen.add(w.code));
}
