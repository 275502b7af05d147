/** Shared zod field builders for request schemas. */
import { z } from '@hono/zod-openapi';

/** A trimmed text field counted in characters (code points, as PostgreSQL counts), with no NUL bytes. */
export function text(min: number, max: number) {
  return z
    .string()
    .trim()
    .refine((s) => !s.includes('\u0000'), { message: 'Karakter NUL tidak diizinkan.' })
    .refine((s) => [...s].length >= min, { message: `Minimal ${min} karakter.` })
    .refine((s) => [...s].length <= max, { message: `Maksimal ${max} karakter.` });
}

/** A Kemendagri region code: province "64", regency "64.72", district "64.72.01", village "64.72.01.1001". */
export const regionCode = z
  .string()
  .regex(/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/, 'Kode wilayah Kemendagri tidak valid.')
  .openapi({ example: '64.72' });

/** Page and page size query parameters. */
export const paging = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** On a deadline shown to staff: set when it is provisional (it counts through a year without its holiday decree). */
export const DueNotice = z
  .object({ year: z.number(), id: z.string(), en: z.string() })
  .nullable()
  .openapi({
    description:
      'Non-null when the deadline counts through a year whose SKB 3 Menteri is not entered: only weekends and the ' +
      'fixed-date holidays are known, so it may move when the decree is entered. `id`/`en`: the sentence to show.',
  });
