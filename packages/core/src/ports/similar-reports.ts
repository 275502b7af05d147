/** The similar-reports port: duplicate candidates for a report, within the caller's inbox scope. */

export interface SimilarSource {
  id: number;
  /** A parent and its split children are one family, never "similar". */
  familyId: number;
  title: string;
  /** The opening of the body. */
  body: string;
}

export interface SimilarCandidate {
  trackingId: string;
  title: string;
  status: string;
  holderId: number | null;
  holderName: string | null;
  isConfidential: boolean;
  createdAt: string;
  similarity: number;
}

/** Where a caller may look: every report (national roles), or the subtrees of the grant institutions. */
export interface SimilarScope {
  national: boolean;
  roots: number[];
}

export interface SimilarReports {
  source(reportId: number): Promise<SimilarSource | null>;
  /** Up to `limit` similar reports in scope, best first; with `q`, matches of those words or that trackingId. */
  candidates(
    scope: SimilarScope,
    source: SimilarSource,
    q: string | undefined,
    limit: number,
  ): Promise<SimilarCandidate[]>;
}
