/** Request and response schemas of the similar-reports search (duplicate search for the archive dialog). */
import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES } from '@pintu/core';

export const SimilarQuery = z.object({
  q: z
    .string()
    .trim()
    .min(3)
    .max(200)
    .optional()
    .openapi({ description: 'Search words or a trackingId instead of the report’s own title and body' }),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export type SimilarQuery = z.infer<typeof SimilarQuery>;

export const SimilarItem = z
  .object({
    trackingId: z.string(),
    title: z.string(),
    status: z.enum(REPORT_STATUSES),
    statusLabel: z.string(),
    holder: z.object({ id: z.number(), name: z.string() }).nullable(),
    isConfidential: z.boolean(),
    createdAt: z.string(),
    similarity: z.number().openapi({ description: 'Trigram similarity, 0–1 (1 for an exact trackingId)' }),
  })
  .strict()
  .openapi('SimilarReport');
export type SimilarItem = z.infer<typeof SimilarItem>;

export const SimilarPage = z
  .object({ trackingId: z.string(), items: z.array(SimilarItem) })
  .openapi('SimilarReports');
export type SimilarPage = z.infer<typeof SimilarPage>;
