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

/** A year's holiday file (packages/core/reference/holidays/<year>.json): checked field by field by the core. */
export const DecreeFile = z
  .object({})
  .passthrough()
  .openapi('HolidayDecreeFile', {
    description:
      "The project's holiday format: `year`; `sources` (ref, kind annual | revision | special, title, date, note); " +
      '`holidays` (date, name, kind, regionCode for a regional day, source = one of the refs). The days of the ' +
      'decrees listed become exactly these.',
    example: {
      year: 2027,
      sources: [
        {
          ref: 'SKB …/2026',
          kind: 'annual',
          title: 'SKB … tentang Hari Libur Nasional dan Cuti Bersama Tahun 2027',
          date: '2026-09-…',
          note: '',
        },
      ],
      holidays: [
        { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'national', source: 'SKB …/2026' },
      ],
    },
  });

const HolidayDay = Holiday.omit({ id: true }).extend({ regionCode: z.string().nullable().optional() });

export const DecreeResult = z
  .object({
    year: z.number(),
    dryRun: z.boolean(),
    decreed: z
      .boolean()
      .openapi({ description: 'Whether the year now has its annual decree (not provisional)' }),
    added: z.array(HolidayDay),
    renamed: z.array(HolidayDay),
    removed: z.array(HolidayDay),
    affected: z
      .array(z.object({ trackingId: z.string(), stage: z.string(), from: z.string(), to: z.string() }))
      .openapi({ description: 'Open deadlines the decree moved (or would move, on a dry run)' }),
  })
  .openapi('HolidayDecreeResult');
