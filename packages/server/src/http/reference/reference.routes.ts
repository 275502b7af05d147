/** Reference data: regions, institutions, categories, holidays, and the routing suggestion. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { provisionalNotice } from '@pintu/core';
import * as repo from '../../db/postgres-reference';
import type { AppEnv } from '../context';
import { paging, regionCode } from '../fields';
import { ProblemError } from '../problem';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { content: { 'application/json': { schema } }, description },
});

const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number(),
  parentCode: z.string().nullable(),
});
const Institution = z
  .object({
    id: z.number(),
    code: z.string(),
    kind: z.string(),
    name: z.string(),
    acronym: z.string().nullable(),
    regionCode: z.string().nullable(),
    timeZone: z.string(),
    parentId: z.number().nullable(),
    connected: z.boolean(),
    childCount: z.number(),
  })
  .openapi('Institution');

const regionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/regions',
  tags: ['reference'],
  summary:
    'Regions (provinsi, kabupaten/kota, kecamatan, desa/kelurahan): children of a parent, or a name search',
  request: {
    query: z.object({
      parent: regionCode.optional(),
      level: z.coerce.number().int().min(1).max(4).optional(),
      q: z.string().trim().min(2).max(100).optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }),
  },
  responses: json(z.object({ items: z.array(Region.extend({ path: z.string().optional() })) }), 'Regions'),
});

const institutionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/institutions',
  tags: ['reference'],
  summary: 'Institutions: top level (or the children of `parent`), filtered by kind, region or a name search',
  request: {
    query: z.object({
      q: z.string().trim().min(2).max(100).optional(),
      kind: z.string().max(40).optional(),
      parent: z.coerce.number().int().positive().optional(),
      regionCode: regionCode.optional(),
      all: z.enum(['true', 'false']).optional().openapi({ description: 'every level, not just the top' }),
      page: paging.page,
      pageSize: z.coerce.number().int().min(1).max(1000).default(1000),
    }),
  },
  responses: json(
    z.object({ items: z.array(Institution), total: z.number(), page: z.number(), pageSize: z.number() }),
    'Institutions',
  ),
});

const institutionRoute = createRoute({
  method: 'get',
  path: '/api/v1/institutions/{id}',
  tags: ['reference'],
  summary: 'One institution with its ancestors and children',
  request: {
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .positive()
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: json(
    Institution.extend({ ancestors: z.array(Institution), children: z.array(Institution) }),
    'The institution',
  ),
});

const categoriesRoute = createRoute({
  method: 'get',
  path: '/api/v1/categories',
  tags: ['reference'],
  summary: 'The category tree (topic → subtopic)',
  responses: json(z.object({ items: z.array(z.record(z.string(), z.unknown())) }), 'Category tree'),
});

const holidaysRoute = createRoute({
  method: 'get',
  path: '/api/v1/holidays',
  tags: ['reference'],
  summary: 'Days off (national holidays, cuti bersama, regional) of a year',
  request: {
    query: z.object({
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      regionCode: regionCode.optional(),
    }),
  },
  responses: json(
    z.object({
      items: z.array(
        z.object({
          id: z
            .number()
            .nullable()
            .openapi({
              description:
                'For PATCH/DELETE /api/v1/holidays/{id} (national admin); null for a fixed-date holiday that no ' +
                'decree entered lists (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec are off in every year regardless)',
            }),
          date: z.string(),
          name: z.string(),
          kind: z.string(),
          regionCode: z.string().nullable(),
          source: z.string(),
        }),
      ),
      calendar: z
        .object({
          year: z.number(),
          decreed: z.boolean(),
          notice: z.object({ id: z.string(), en: z.string() }).nullable(),
          decrees: z.array(
            z.object({
              ref: z.string(),
              kind: z.string(),
              title: z.string(),
              date: z.string(),
              note: z.string(),
            }),
          ),
        })
        .optional()
        .openapi({
          description:
            'With `year`: its decrees, and whether it is decreed. A year without its annual SKB is provisional: ' +
            'only weekends and the fixed-date holidays (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec) are known to be off.',
        }),
    }),
    'Holidays',
  ),
});

const suggestRoute = createRoute({
  method: 'get',
  path: '/api/v1/routing/suggest',
  tags: ['reference'],
  summary: 'Routing suggestion: region + category → candidate institutions, best first',
  request: {
    query: z.object({ regionCode, categoryId: z.coerce.number().int().positive() }),
  },
  responses: json(
    z.object({
      items: z.array(z.object({ institution: Institution, reason: z.string() })),
    }),
    'Candidate institutions',
  ),
});

/** Registers the reference routes. */
export function referenceRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(regionsRoute, async (c) =>
    c.json({ items: await repo.listRegions(c.get('deps').db, c.req.valid('query')) }, 200),
  );
  app.openapi(institutionsRoute, async (c) =>
    c.json(await repo.listInstitutions(c.get('deps').db, c.req.valid('query')), 200),
  );
  app.openapi(institutionRoute, async (c) => {
    const found = await repo.getInstitution(c.get('deps').db, c.req.valid('param').id);
    if (!found) throw new ProblemError('NOT_FOUND', 'Instansi tidak ditemukan.');
    return c.json(found, 200);
  });
  app.openapi(categoriesRoute, async (c) =>
    c.json({ items: (await repo.categoryTree(c.get('deps').db)) as Record<string, unknown>[] }, 200),
  );
  app.openapi(holidaysRoute, async (c) => {
    const query = c.req.valid('query');
    const items = await repo.listHolidays(c.get('deps').db, query);
    if (!query.year) return c.json({ items }, 200);
    const decreed = c.get('deps').calendar.decreedYears().has(query.year);
    const calendar = {
      year: query.year,
      decreed,
      notice: decreed ? null : provisionalNotice(query.year),
      decrees: await repo.listDecrees(c.get('deps').db, query.year),
    };
    return c.json({ items, calendar }, 200);
  });
  app.openapi(suggestRoute, async (c) => {
    const { regionCode: code, categoryId } = c.req.valid('query');
    return c.json({ items: await repo.suggestInstitutions(c.get('deps').db, code, categoryId) }, 200);
  });
}
