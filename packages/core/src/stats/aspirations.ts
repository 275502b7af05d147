/**
 * Aspirations as input for development planning (musrenbang). Confidential aspirations count in the groups but
 * never feed the terms (their words are content), and a term must occur in at least `MIN_REPORTS_PER_TERM` reports
 * so that a single report's words (a name, an address) cannot surface.
 */
export const MIN_REPORTS_PER_TERM = 3;

/** Aspirations filed in a period (by filing date in WIB), optionally within a region of any level. */
export interface AspirationQuery {
  period: { from: string; to: string };
  regionCode: string | undefined;
}

/** How many aspirations of a topic (top-level category) were filed in a province. */
export interface AspirationGroup {
  topic: string;
  regionCode: string;
  regionName: string;
  count: number;
}

/** A frequent term and in how many aspirations it occurs. */
export interface AspirationTerm {
  term: string;
  count: number;
}
