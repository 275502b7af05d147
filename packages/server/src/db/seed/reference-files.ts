/** Reads the reference data files shipped in packages/core/reference, validated on load. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { COMPLEXITY_CLASSES } from '@pintu/core';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const read = (rel: string): unknown =>
  JSON.parse(readFileSync(require.resolve(`@pintu/core/reference/${rel}`), 'utf8'));

const centralSchema = z.object({
  institutions: z.array(
    z.object({
      code: z.string().regex(/^[a-z0-9-]+$/),
      kind: z.enum(['ministry', 'agency', 'soe', 'other']),
      name: z.string().min(3),
      nameEn: z.string().optional(),
      acronym: z.string().optional(),
    }),
  ),
});
export type CentralInstitution = z.infer<typeof centralSchema>['institutions'][number];

/** The central ministries, agencies and state-owned enterprises. */
export function loadCentralInstitutions(): CentralInstitution[] {
  return centralSchema.parse(read('institutions/central.json')).institutions;
}

export interface CategoryNode {
  code: string;
  name: string;
  nameEn?: string | undefined;
  defaultComplexity?: (typeof COMPLEXITY_CLASSES)[number] | undefined;
  routing?: { level: 'regency' | 'province' | 'central'; institution?: string | undefined } | undefined;
  children?: CategoryNode[] | undefined;
}
const categorySchema: z.ZodType<CategoryNode> = z.lazy(() =>
  z.object({
    code: z.string().min(2),
    name: z.string().min(2),
    nameEn: z.string().optional(),
    defaultComplexity: z.enum(COMPLEXITY_CLASSES).optional(),
    routing: z
      .object({ level: z.enum(['regency', 'province', 'central']), institution: z.string().optional() })
      .optional(),
    children: z.array(categorySchema).optional(),
  }),
);

/** The category tree (topic → subtopic). */
export function loadCategoryTree(): CategoryNode[] {
  const file = read('categories/categories.json') as { categories?: unknown } | unknown[];
  const list = Array.isArray(file) ? file : file.categories;
  return z.array(categorySchema).parse(list);
}
