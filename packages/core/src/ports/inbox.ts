/** The staff inbox: the counts of every queue and one page of one, over the open reports in a scope. */
import type { InboxQueue, InboxScope, InboxSort } from '../inbox/queues';

export interface InboxFilter {
  categoryId?: number | undefined;
  regionCode?: string | undefined;
  type?: string | undefined;
  /** A unit (or institution) whose subtree the result is narrowed to. */
  unitId?: number | undefined;
  q?: string | undefined;
}

export interface InboxQuery extends InboxFilter {
  queue: InboxQueue;
  sort: InboxSort;
  page: number;
  pageSize: number;
}

/** One report of a queue's page; never any reporter field. */
export interface InboxRow {
  trackingId: string;
  type: string;
  title: string;
  status: string;
  holderId: number | null;
  holderName: string | null;
  holderPath: number[] | null;
  holderTimeZone: string | null;
  holderRegionCode: string | null;
  categoryId: number;
  categoryName: string | null;
  regionCode: string;
  regionName: string | null;
  dueAt: string | null;
  isAnonymous: boolean;
  isConfidential: boolean;
  unattended: boolean;
  createdAt: string;
}

export interface InboxPort {
  /** Counts of every queue and one page of `query.queue`, both under the same filters. */
  query(
    scope: InboxScope,
    query: InboxQuery,
    now: Date,
  ): Promise<{
    counts: Record<InboxQueue, number>;
    /** False where a queue held more than the adapter counts (a national scope's queues are counted to a cap). */
    countsExact: Record<InboxQueue, boolean>;
    rows: InboxRow[];
  }>;
  /** The path (root → itself) of an institution or unit, or null if there is none. */
  institutionPath(id: number): Promise<number[] | null>;
}
