/** Request and response schemas of institution administration. */
import { z } from '@hono/zod-openapi';
import { COMPLEXITY_CLASSES } from '@pintu/core';
import { paging, regionCode, text } from '../fields';

export const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: 'id', in: 'path' }, example: 42 }),
});

const unitName = text(3, 200).openapi({ example: 'Dinas Pekerjaan Umum dan Penataan Ruang' });

export const NewUnit = z
  .object({
    name: unitName,
    regionCode: regionCode.optional().openapi({
      description: 'A region inside the parent’s (a kecamatan or desa of its pemda); default: the parent’s',
    }),
  })
  .strict()
  .openapi('NewUnit');

export const InstitutionPatch = z
  .object({
    name: unitName.optional(),
    parentId: z.number().int().positive().optional().openapi({ description: 'Move under this institution' }),
    active: z
      .boolean()
      .optional()
      .openapi({ description: 'false deactivates (refused while reports are open)' }),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Isi paling sedikit satu kolom.' })
  .openapi('InstitutionPatch');

export const SkInput = z
  .object({
    number: text(3, 120).openapi({ example: '100.3.3.2/245/HK-KS/2024' }),
    date: z.iso.date().refine((d) => d >= '1945-08-17', 'Tanggal SK tidak valid.'),
    attachmentId: z
      .uuid()
      .openapi({ description: 'The decree as a PDF uploaded to POST /api/v1/attachments' }),
  })
  .strict()
  .openapi('SkInput');

export const SettingsInput = z
  .object({
    followUpRequiresApproval: z.boolean().optional().openapi({
      description:
        'Whether a unit operator’s follow-up waits for the liaison officer’s approval; absent = inherit',
    }),
    defaultComplexity: z
      .record(z.string().regex(/^[1-9]\d{0,9}$/, 'Kunci harus id kategori.'), z.enum(COMPLEXITY_CLASSES))
      .optional()
      .openapi({
        description: 'Category id → complexity class proposed on acknowledge',
        example: { '12': 'simple' },
      }),
  })
  .strict()
  .openapi('InstitutionSettingsInput');

const Settings = z.object({
  followUpRequiresApproval: z.boolean().optional(),
  defaultComplexity: z.record(z.string(), z.enum(COMPLEXITY_CLASSES)).optional(),
});

export const InstitutionAdmin = z
  .object({
    id: z.number(),
    code: z.string(),
    kind: z.string(),
    name: z.string(),
    parentId: z.number().nullable(),
    path: z.array(z.number()),
    regionCode: z.string().nullable(),
    timeZone: z.string(),
    active: z.boolean(),
    connected: z
      .boolean()
      .openapi({ description: 'Its institution (itself, or for a unit its owner) has an SK' }),
    sk: z
      .object({ number: z.string(), date: z.string(), attachmentId: z.string(), recordedAt: z.string() })
      .nullable(),
    settings: Settings,
    effectiveSettings: Settings.required(),
  })
  .openapi('InstitutionAdmin');

export const UnitList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      kind: z.string(),
      name: z.string(),
      regionCode: z.string().nullable(),
      timeZone: z.string(),
      active: z.boolean(),
      connected: z.boolean(),
      childCount: z.number(),
      openReports: z.number(),
    }),
  ),
});

export const UnitListQuery = z.object({ inactive: z.enum(['true', 'false']).default('false') });

export const AuditQuery = z.object({ page: paging.page, pageSize: paging.pageSize });

export const AuditPage = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      actorId: z.string(),
      actorRole: z.string(),
      actorInstitutionId: z.number().nullable(),
      at: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
  page: z.number(),
  pageSize: z.number(),
});
