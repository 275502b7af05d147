/**
 * One public report as open data publishes it (API pages, reports.csv, reports.jsonl): the one place that decides
 * its fields, from a record the port already stripped of everything personal and confidential. Field names are
 * snake_case, the same in JSON and CSV, so one data dictionary describes both (dictionary.ts).
 */
import {
  channelFamily,
  type OpenReportRecord,
  type ReportStatus,
  STATUS_LABELS_EN,
  STATUS_LABELS_ID,
} from '@pintu/core';

export const TYPE_LABELS: Record<string, { id: string; en: string }> = {
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  aspiration: { id: 'Aspirasi', en: 'Aspiration' },
  information_request: { id: 'Permintaan Informasi', en: 'Information request' },
};

export interface OpenReportRow {
  tracking_id: string;
  parent_tracking_id: string | null;
  url: string;
  type: string;
  type_label_id: string;
  type_label_en: string;
  status: string;
  status_label_id: string;
  status_label_en: string;
  category_code: string;
  category_name: string;
  category_name_en: string | null;
  topic_code: string;
  topic_name: string;
  topic_name_en: string | null;
  created_date: string;
  incident_month: string;
  province_code: string;
  province_name: string | null;
  regency_code: string | null;
  regency_name: string | null;
  institution_code: string | null;
  institution_name: string | null;
  dispositioned_date: string | null;
  first_follow_up_date: string | null;
  resolved_date: string | null;
  archive_reason: string | null;
  rating: number | null;
  channel: string;
  attachment_urls: string[];
}

/** The columns of reports.csv, in order (attachment_urls joined by spaces). */
export const REPORT_COLUMNS = [
  'tracking_id',
  'parent_tracking_id',
  'url',
  'type',
  'type_label_id',
  'type_label_en',
  'status',
  'status_label_id',
  'status_label_en',
  'category_code',
  'category_name',
  'category_name_en',
  'topic_code',
  'topic_name',
  'topic_name_en',
  'created_date',
  'incident_month',
  'province_code',
  'province_name',
  'regency_code',
  'regency_name',
  'institution_code',
  'institution_name',
  'dispositioned_date',
  'first_follow_up_date',
  'resolved_date',
  'archive_reason',
  'rating',
  'channel',
  'attachment_urls',
] as const satisfies readonly (keyof OpenReportRow)[];

/** The row of a record; links are absolute on `baseUrl` (the instance's public address). */
export function openRowOf(r: OpenReportRecord, baseUrl: string): OpenReportRow {
  const status = r.status as ReportStatus;
  const type = TYPE_LABELS[r.type] ?? { id: r.type, en: r.type };
  const report = `${baseUrl}/api/v1/reports/${r.trackingId}`;
  return {
    tracking_id: r.trackingId,
    parent_tracking_id: r.parentTrackingId,
    url: `${baseUrl}/reports/${r.trackingId}`,
    type: r.type,
    type_label_id: type.id,
    type_label_en: type.en,
    status: r.status,
    status_label_id: STATUS_LABELS_ID[status] ?? r.status,
    status_label_en: STATUS_LABELS_EN[status] ?? r.status,
    category_code: r.categoryCode,
    category_name: r.categoryName,
    category_name_en: r.categoryNameEn,
    topic_code: r.topicCode,
    topic_name: r.topicName,
    topic_name_en: r.topicNameEn,
    created_date: r.createdDate,
    incident_month: r.incidentMonth,
    province_code: r.provinceCode,
    province_name: r.provinceName,
    regency_code: r.regencyCode,
    regency_name: r.regencyName,
    institution_code: r.institutionCode,
    institution_name: r.institutionName,
    dispositioned_date: r.dispositionedDate,
    first_follow_up_date: r.firstFollowUpDate,
    resolved_date: r.resolvedDate,
    archive_reason: r.archiveReason,
    rating: r.rating,
    channel: channelFamily(r.channel),
    attachment_urls: r.attachments.map((a) => `${report}/attachments/${a.id}`),
  };
}

/** One cell of aggregates.csv: a count of 5 or more, rounded to a multiple of 5 (small-counts.ts). */
export interface OpenCountRow {
  month: string;
  province_code: string;
  province_name: string | null;
  regency_code: string | null;
  regency_name: string | null;
  topic_code: string;
  topic_name: string;
  status: string;
  reports: number;
}

export const COUNT_COLUMNS = [
  'month',
  'province_code',
  'province_name',
  'regency_code',
  'regency_name',
  'topic_code',
  'topic_name',
  'status',
  'reports',
] as const satisfies readonly (keyof OpenCountRow)[];

/** One province-month total of aggregates-totals.csv: every report of it, null when fewer than 5. */
export interface OpenTotalRow {
  month: string;
  province_code: string;
  province_name: string | null;
  reports: number | null;
}

export const TOTAL_COLUMNS = [
  'month',
  'province_code',
  'province_name',
  'reports',
] as const satisfies readonly (keyof OpenTotalRow)[];
