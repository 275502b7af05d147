/**
 * A page of the public reports as open data (`GET /api/v1/open-data/reports`): keyset paging in creation order, so
 * a harvester that follows `next` sees every report once even while new ones arrive. A page past the end is an
 * empty page without `next`; a cursor that is not one of ours, or filters that contradict, are refused field by
 * field.
 */
import { type FieldError, fail, type OpenDataStore, type OpenReportCursor } from '@pintu/core';
import { type OpenReportRow, openRowOf } from './open-rows';

export const OPEN_PAGE_MAX = 1000;
export const OPEN_PAGE_DEFAULT = 100;

export interface OpenReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  province?: string | undefined;
  regency?: string | undefined;
  category?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface OpenReportPage {
  items: OpenReportRow[];
  /** The cursor of the next page; null on the last one. */
  next: string | null;
}

/** A cursor as the client holds it: opaque base64url of `<instant>|<trackingId>`. */
export function encodeCursor(c: OpenReportCursor): string {
  return Buffer.from(`${c.createdAt}|${c.trackingId}`).toString('base64url');
}

const CURSOR_TEXT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([A-Za-z0-9._-]{3,64})$/;

/** The cursor a client sent, or null when it is not one this server gave out. */
export function decodeCursor(text: string): OpenReportCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const m = CURSOR_TEXT.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!m || Number.isNaN(Date.parse(m[1]!))) return null;
  return { createdAt: m[1]!, trackingId: m[2]! };
}

/** The filters' own consistency, one entry per field (their shapes are the route's schema). */
function check(q: OpenReportQuery): FieldError[] {
  const errors: FieldError[] = [];
  if (q.from && q.to && q.from > q.to)
    errors.push({ field: 'to', code: 'before_from', message: 'to sebelum from. / to is before from.' });
  if (q.province && q.regency && !q.regency.startsWith(`${q.province}.`))
    errors.push({
      field: 'regency',
      code: 'outside_province',
      message: 'Kabupaten/kota tidak di provinsi itu. / The regency is not in that province.',
    });
  if (q.cursor !== undefined && !decodeCursor(q.cursor))
    errors.push({
      field: 'cursor',
      code: 'invalid_cursor',
      message:
        'Kursor tidak dikenal; mulai dari halaman pertama. / Unknown cursor; start from the first page.',
    });
  return errors;
}

/** One page of public reports after the cursor. */
export async function listOpenReports(
  deps: { openData: OpenDataStore },
  q: OpenReportQuery,
  baseUrl: string,
): Promise<OpenReportPage> {
  const errors = check(q);
  if (errors.length) fail('VALIDATION', 'Periksa parameter data terbuka. / Check the query.', errors);
  const after = q.cursor === undefined ? null : decodeCursor(q.cursor);
  const filter = {
    from: q.from,
    to: q.to,
    provinceCode: q.province,
    regencyCode: q.regency,
    category: q.category,
    type: q.type,
    status: q.status,
  };
  // One row more than asked tells whether there is a next page without a count.
  const rows = await deps.openData.reports(filter, after, q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => openRowOf(r, baseUrl)),
    next: rows.length > q.limit && last ? encodeCursor(last.cursor) : null,
  };
}
