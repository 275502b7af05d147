/** Request and response schemas of holiday administration (national admin only). */
import { z } from '@hono/zod-openapi';
import { regionCode, text } from '../fields';

const KINDS = ['national', 'cuti_bersama', 'special', 'regional'] as const;
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal harus berformat YYYY-MM-DD.')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: 'Tanggal tidak valid.',
    },
  )
  .openapi({ example: '2024-04-10' });

const fields = {
  date: isoDate,
  name: text(3, 200).openapi({ example: 'Hari Raya Idul Fitri 1445 H' }),
  kind: z.enum(KINDS),
  regionCode: regionCode.nullable().optional().openapi({ description: 'Required for a regional holiday' }),
  source: text(3, 500).openapi({ example: 'SKB 3 Menteri No. 855/2023, 3/2023, 4/2023' }),
};

const regionalNeedsRegion = (h: { kind?: string; regionCode?: string | null }) =>
  h.kind === undefined || (h.kind === 'regional') === (h.regionCode != null);
const regionMessage = {
  message: 'Hari libur daerah perlu kode wilayah; yang lain tidak.',
  path: ['regionCode'],
};

export const HolidayInput = z
  .object(fields)
  .strict()
  .refine(regionalNeedsRegion, regionMessage)
  .openapi('HolidayInput');
export type HolidayInput = z.infer<typeof HolidayInput>;

export const HolidayPatch = z
  .object(fields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Isi paling sedikit satu kolom.' })
  .openapi('HolidayPatch');
export type HolidayPatch = z.infer<typeof HolidayPatch>;

export const HolidayIdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: 'id', in: 'path' }, example: 7 }),
});

const Holiday = z
  .object({
    id: z.number(),
    date: z.string(),
    name: z.string(),
    kind: z.enum(KINDS),
    regionCode: z.string().nullable(),
    source: z.string(),
  })
  .openapi('Holiday');

export const HolidayChangeResult = z
  .object({
    holiday: Holiday,
    affected: z
      .array(z.object({ trackingId: z.string(), stage: z.string(), from: z.string(), to: z.string() }))
      .openapi({ description: 'Open deadlines the change moved' }),
  })
  .openapi('HolidayChangeResult');
