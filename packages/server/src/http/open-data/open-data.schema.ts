/** Query and answer shapes of the open-data API (issue 15, docs/open-data.md), with their OpenAPI names. */
import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES, REPORT_TYPES } from '@pintu/core';
import { OPEN_PAGE_DEFAULT, OPEN_PAGE_MAX } from '../../app/open-data/list-open-reports';

const province = z
  .string()
  .regex(/^\d{2}$/, 'Kode provinsi: 2 angka, mis. 64.')
  .openapi({ example: '64' });
const regency = z
  .string()
  .regex(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota: 64.72 (tidak lebih rinci).')
  .openapi({ example: '64.72' });
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Bulan: YYYY-MM.')
  .openapi({ example: '2026-11' });

// Strict: a misspelt filter (`regency_code=`) is refused by name rather than silently ignored.
export const OpenReportsQuery = z
  .object({
    from: z.iso.date().optional().openapi({ description: 'First day (WIB) of creation, included.' }),
    to: z.iso.date().optional().openapi({ description: 'Last day (WIB) of creation, included.' }),
    province: province.optional(),
    regency: regency.optional(),
    category: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{0,99}$/,
        'Kode kategori, mis. infrastruktur atau infrastruktur.jalan-kabupaten.',
      )
      .optional()
      .openapi({ description: 'A category code; its subcategories are included.' }),
    type: z.enum(REPORT_TYPES).optional(),
    status: z.enum(REPORT_STATUSES).optional(),
    cursor: z.string().optional().openapi({ description: 'The `next` of the previous page.' }),
    limit: z.coerce.number().int().min(1).max(OPEN_PAGE_MAX).default(OPEN_PAGE_DEFAULT),
  })
  .strict();

export const OpenReportRow = z
  .object({
    tracking_id: z.string(),
    parent_tracking_id: z.string().nullable(),
    url: z.string(),
    type: z.string(),
    type_label_id: z.string(),
    type_label_en: z.string(),
    status: z.string(),
    status_label_id: z.string(),
    status_label_en: z.string(),
    category_code: z.string(),
    category_name: z.string(),
    category_name_en: z.string().nullable(),
    topic_code: z.string(),
    topic_name: z.string(),
    topic_name_en: z.string().nullable(),
    created_date: z.string(),
    incident_month: z.string(),
    province_code: z.string(),
    province_name: z.string().nullable(),
    regency_code: z.string().nullable(),
    regency_name: z.string().nullable(),
    institution_code: z.string().nullable(),
    institution_name: z.string().nullable(),
    dispositioned_date: z.string().nullable(),
    first_follow_up_date: z.string().nullable(),
    resolved_date: z.string().nullable(),
    archive_reason: z.string().nullable(),
    rating: z.number().nullable(),
    channel: z.string(),
    attachment_urls: z.array(z.string()),
  })
  .openapi('OpenReportRow');

export const OpenReportPage = z
  .object({ items: z.array(OpenReportRow), next: z.string().nullable() })
  .openapi('OpenReportPage');

export const OpenAggregatesQuery = z
  .object({
    from: month.optional().openapi({ description: 'First month; default 11 months before `to`.' }),
    to: month.optional().openapi({ description: 'Last month; default this month.' }),
    province: province.optional(),
    regency: regency.optional(),
  })
  .strict();

export const OpenAggregates = z
  .object({
    from: z.string(),
    to: z.string(),
    rule: z.object({ id: z.string(), en: z.string() }),
    cells: z.array(
      z.object({
        month: z.string(),
        province_code: z.string(),
        province_name: z.string().nullable(),
        regency_code: z.string().nullable(),
        regency_name: z.string().nullable(),
        topic_code: z.string(),
        topic_name: z.string(),
        status: z.string(),
        reports: z.number(),
      }),
    ),
    totals: z.array(
      z.object({
        month: z.string(),
        province_code: z.string(),
        province_name: z.string().nullable(),
        reports: z.number().nullable(),
      }),
    ),
  })
  .openapi('OpenAggregates');

const OpenFile = z.object({
  name: z.string(),
  mediaType: z.string(),
  format: z.string(),
  title_id: z.string(),
  title_en: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  rows: z.number().nullable(),
  url: z.string(),
});

export const OpenDataIndex = z
  .object({
    generatedAt: z.string().nullable(),
    licence: z.object({ id: z.string(), title: z.string(), url: z.string() }),
    rule: z.object({ id: z.string(), en: z.string() }),
    temporal: z.object({ start: z.string(), end: z.string() }).nullable(),
    files: z.array(OpenFile),
    dictionary: z.array(
      z.object({
        table: z.string(),
        field: z.string(),
        type: z.string(),
        nullable: z.boolean(),
        description_id: z.string(),
        description_en: z.string(),
      }),
    ),
  })
  .openapi('OpenDataIndex');

export const PublicationInput = z
  .object({
    withheld: z.boolean().openapi({ description: 'true: withhold from publication; false: publish.' }),
  })
  .strict()
  .openapi('AttachmentPublicationInput');

export const PublicationState = z
  .object({ id: z.string(), withheld: z.boolean(), withheldAt: z.string().nullable() })
  .openapi('AttachmentPublication');
