/**
 * The open-data port (issue 15, docs/open-data.md): the public reports as rows with nothing personal or
 * confidential in them, and the exact counts the aggregates publish by the small-count rule. No method returns a
 * confidential report, a reporter, a text the reporter wrote, an address, a point, a village or a district, a
 * program's fields or a reporter's gender.
 */

/** Which public reports: each filter optional; dates are days in WIB (Asia/Jakarta), both ends included. */
export interface OpenReportFilter {
  from?: string | undefined;
  to?: string | undefined;
  provinceCode?: string | undefined;
  regencyCode?: string | undefined;
  /** A category code; its subcategories are included. */
  category?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
}

/** Where a page ends: the last row's creation instant (microseconds, UTC) and tracking id. */
export interface OpenReportCursor {
  createdAt: string;
  trackingId: string;
}

export interface OpenReportRecord {
  trackingId: string;
  /** The split parent, when this report is one of its children. */
  parentTrackingId: string | null;
  type: string;
  status: string;
  categoryCode: string;
  categoryName: string;
  categoryNameEn: string | null;
  topicCode: string;
  topicName: string;
  topicNameEn: string | null;
  /** Days in WIB. */
  createdDate: string;
  /** YYYY-MM. */
  incidentMonth: string;
  provinceCode: string;
  provinceName: string | null;
  /** Null when the report names only a province. */
  regencyCode: string | null;
  regencyName: string | null;
  /** The holder, as the institution a unit belongs to (a unit can be a village office). */
  institutionCode: string | null;
  institutionName: string | null;
  dispositionedDate: string | null;
  firstFollowUpDate: string | null;
  resolvedDate: string | null;
  archiveReason: string | null;
  rating: number | null;
  channel: string;
  /** Only those not withheld from publication. */
  attachments: { id: string; kind: string; mime: string; size: number }[];
  cursor: OpenReportCursor;
}

/** One cell of the aggregates with its exact count and cell key (never published as they are). */
export interface OpenCountCell {
  /** YYYY-MM, creation month in WIB. */
  month: string;
  provinceCode: string;
  provinceName: string | null;
  regencyCode: string | null;
  regencyName: string | null;
  topicCode: string;
  topicName: string;
  status: string;
  exact: number;
  key: number;
}

export interface OpenCountFilter {
  /** YYYY-MM, both ends included. */
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
  provinceCode?: string | undefined;
}

export interface OpenDataStore {
  /** Up to `limit` public reports after `after`, in (creation instant, tracking id) order. */
  reports(
    filter: OpenReportFilter,
    after: OpenReportCursor | null,
    limit: number,
  ): Promise<OpenReportRecord[]>;
  /**
   * Every report (confidential ones too) counted by creation month, province, regency, topic and status, with
   * each cell's key: the sum of its reports' keys, a report's key being the first 16 bits of
   * md5(`secret` ‖ tracking id). Ordered by month and province.
   */
  counts(filter: OpenCountFilter, secret: string): Promise<OpenCountCell[]>;
  /** The first and last creation months of any report, or null when there are none. */
  span(): Promise<{ first: string; last: string } | null>;
  /**
   * Withholds an attachment of a report from publication (`at`) or publishes it again (null); null when the
   * report has no such attachment. Withholding again keeps the first instant.
   */
  setAttachmentWithheld(
    trackingId: string,
    attachmentId: string,
    at: Date | null,
  ): Promise<{ id: string; withheldAt: string | null } | null>;
}
