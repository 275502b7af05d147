/** Request and response schemas of the report routes; the limits come from core (domain.md §4). */
import { z } from '@hono/zod-openapi';
import { REPORT_LIMITS as L, REPORT_STATUSES, REPORT_TYPES } from '@pintu/core';
import { paging, regionCode, text } from '../fields';
import { Handling } from '../workflow/workflow.schema';

export const ReportInput = z
  .object({
    type: z.enum(REPORT_TYPES),
    title: text(L.titleMin, L.titleMax).openapi({ example: 'Jalan berlubang di Jalan Juanda Samarinda' }),
    body: text(L.bodyMin, L.bodyMax),
    incidentDate: z.iso.date().openapi({ example: '2026-11-20' }),
    location: z
      .object({
        regionCode,
        address: text(0, L.addressMax).optional(),
        lat: z.number().min(-90).max(90).optional(),
        lng: z.number().min(-180).max(180).optional(),
      })
      .strict(),
    categoryId: z.number().int().positive(),
    institutionId: z.number().int().positive().optional(),
    isAnonymous: z.boolean().default(false),
    isConfidential: z.boolean().default(false),
    attachmentIds: z.array(z.uuid()).max(L.attachmentsMax).default([]),
    reporter: z
      .object({
        name: text(2, L.nameMax),
        email: z.email().max(254).optional(),
        phone: z
          .string()
          .regex(/^(\+62|62|0)8\d{7,12}$/, 'Nomor ponsel Indonesia tidak valid (contoh 081234567890).')
          .optional(),
      })
      .strict()
      .optional(),
    language: z.enum(['id', 'en']).default('id'),
    /** A program's grievance (issue 15): through its page, or offered by the form where its area covers the village. */
    program: z
      .object({
        code: z.string().min(1).max(60),
        categoryCode: z.string().min(1).max(60),
        fields: z.record(z.string(), z.union([z.string().max(500), z.number(), z.null()])).default({}),
      })
      .strict()
      .optional()
      .openapi({
        description:
          'A program grievance: `location.regionCode` must be a village in the program’s area; the program ' +
          'category sets `categoryId`; `fields` follow the program’s field definitions.',
      }),
    /** Where given, for sex-disaggregated program figures; never shown with a report outside its handlers. */
    reporterGender: z.enum(['female', 'male']).optional(),
    /** Only with an API key: the app's own id for the report, unique per app (ADR 0012). */
    externalRef: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'API-key callers only: the app’s own reference, unique per app.' }),
    /** The web form's hidden field (docs/abuse.md): people leave it empty, form-filling bots do not. */
    website: z.string().max(500).optional().openapi({
      description:
        'Leave out or empty. A filing with it filled is accepted as usual but held for moderation as spam.',
    }),
  })
  .strict()
  .openapi('ReportInput');
export type ReportInput = z.infer<typeof ReportInput>;

export const ReportCreated = z
  .object({
    trackingId: z.string(),
    status: z.enum(REPORT_STATUSES),
    queue: z.enum(['national', 'institution']),
    institution: z.object({ id: z.number(), name: z.string() }).nullable(),
    dueAt: z.string().nullable(),
    accessCode: z
      .string()
      .openapi({ description: 'Shown once: keep it to follow, reply to and rate the report.' }),
    program: z
      .object({ code: z.string(), level: z.string(), levelDueAt: z.string() })
      .optional()
      .openapi({ description: 'A program grievance: the level that holds it and that level’s deadline' }),
  })
  .openapi('ReportCreated');

export const TrackingParam = z.object({
  trackingId: z
    .string()
    .regex(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/i, 'Tracking ID tidak valid.')
    .openapi({ param: { name: 'trackingId', in: 'path' }, example: 'LPR-8F3K-Q7MZ-2T9X' }),
});

export const AccessCodeHeader = z.object({
  'x-access-code': z.string().max(40).optional().openapi({ description: 'The access code given at filing.' }),
});

export const ReportListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  type: z.enum(REPORT_TYPES).optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  regionCode: regionCode.optional(),
  institutionId: z.coerce.number().int().positive().optional(),
  cursor: z.string().max(64).optional().openapi({
    description:
      'The `nextCursor` of the previous page: the next page by keyset, as fast at page 500 as at page 1 (lists without `q`; it wins over `page`).',
  }),
  ...paging,
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;

const Named = z.object({ id: z.number(), name: z.string() });

export const ReportView = z
  .object({
    trackingId: z.string(),
    type: z.enum(REPORT_TYPES),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    isAnonymous: z.boolean(),
    isConfidential: z.boolean(),
    title: z.string().nullable(),
    body: z.string().nullable(),
    incidentDate: z.string().nullable(),
    category: Named.extend({ code: z.string() }).nullable(),
    region: z.object({ code: z.string(), name: z.string() }).nullable(),
    address: z.string().nullable().optional(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable().optional(),
    institution: Named.nullable(),
    reporter: z.object({
      display: z.string(),
      name: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
    }),
    attachments: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        mime: z.string(),
        size: z.number(),
        url: z.string(),
        /** Reporter and staff views: withheld from publication by a handler (never in the public view). */
        withheld: z.boolean().optional(),
      }),
    ),
    dueAt: z.string().nullable().optional(),
    createdAt: z.string(),
    view: z.enum(['public', 'reporter', 'staff']),
    /** The staff view only: deadline, allowed actions, custody (http/workflow). */
    handling: Handling.optional(),
  })
  .openapi('Report');
export type ReportView = z.infer<typeof ReportView>;

export const ReportPage = z
  .object({
    items: z.array(ReportView),
    page: z.number(),
    pageSize: z.number(),
    total: z
      .number()
      .openapi({ description: 'Exact up to 1,000, estimated beyond (a search: capped at 1,000)' }),
    totalExact: z.boolean(),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'The next page’s `cursor`; null on the last page' }),
  })
  .openapi('ReportPage');
