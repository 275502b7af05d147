/** Report shapes of /api/v1/reports and the reference lists, from the server's OpenAPI document. */
import type { ItemOf, RequestBody, ResponseBody, Schema } from '@pintu/api-types';

export type ReportView = Schema<'Report'>;
export type ReportType = ReportView['type'];
export type AttachmentView = ReportView['attachments'][number];
export type ReportPage = Schema<'ReportPage'>;
export type TimelineEvent = Schema<'TimelineEvent'>;
export type Timeline = Schema<'Timeline'>;
/** What filing a report sends (POST /api/v1/reports). */
export type NewReport = RequestBody<'/api/v1/reports'>;
/** The answer to filing a report; `institution` is null while it waits in the national verification queue. */
export type FiledReport = ResponseBody<'/api/v1/reports', 'post'>;
export type Region = ItemOf<'/api/v1/regions'>;

/**
 * A node of the category tree. The document leaves the items open (`{ [key]: unknown }`), so this is the shape
 * the server's category tree has (server db/postgres-reference.ts `categoryTree`).
 */
export interface Category {
  id: number;
  parentId: number | null;
  code: string;
  name: string;
  nameEn: string | null;
  children: Category[];
}

// Access codes are kept for the browser tab only (sessionStorage), never in the URL where history or referrers leak.
const codeKey = (trackingId: string) => `pintu.code.${trackingId}`;
export function rememberAccessCode(trackingId: string, code: string): void {
  try {
    sessionStorage.setItem(codeKey(trackingId), code);
  } catch {
    // storage blocked: the user types the code again
  }
}
export function recallAccessCode(trackingId: string): string | null {
  try {
    return sessionStorage.getItem(codeKey(trackingId));
  } catch {
    return null;
  }
}

/** A page's total as shown: exact, or "about N" where the server estimated it (beyond 10,000 matches). */
export function approx(
  t: (key: 'approx', o: { formatted: string }) => string,
  page: Pick<ReportPage, 'total' | 'totalExact'>,
  language: string,
): string {
  const formatted = page.total.toLocaleString(language);
  return page.totalExact ? formatted : t('approx', { formatted });
}
