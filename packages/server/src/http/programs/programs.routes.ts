/** The program routes (issue 15): public reads, administration, the queue, the report and the village map. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { createProgram, listProgramsForAdmin, updateProgram } from '../../app/programs/manage-programs';
import { programQueue, programReport, programVillages } from '../../app/programs/program-report';
import { activeProgram, listPrograms, publicLevels } from '../../app/programs/read-programs';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { exportResponse } from '../stats/export-table';
import {
  presentAdmin,
  presentDetail,
  presentQueueItem,
  presentSummary,
  reportTable,
} from './programs.presenter';
import {
  AdminProgram,
  CodeParam,
  ListQuery,
  PeriodQuery,
  ProgramCreate,
  ProgramDetail,
  ProgramReport,
  ProgramSummary,
  ProgramUpdate,
  QueuePage,
  QueueQuery,
  VillageList,
} from './programs.schema';

const problem = (description: string) => ({
  content: {
    'application/problem+json': { schema: z.object({ title: z.string(), status: z.number() }).passthrough() },
  },
  description,
});
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const ADMIN_ERRORS = { 401: problem('Not signed in'), 403: problem('Not allowed'), 422: problem('Invalid') };
const READ_ERRORS = {
  401: problem('Not signed in'),
  403: problem('Not allowed'),
  404: problem('No such program'),
};
const tags = ['programs'];

const list = createRoute({
  method: 'get',
  path: '/api/v1/programs',
  tags,
  summary:
    'Active programs; with `regionCode`, those whose area covers that village (the report form offers them)',
  request: { query: ListQuery },
  responses: { 200: json(z.object({ items: z.array(ProgramSummary) }), 'Programs') },
});
const detail = createRoute({
  method: 'get',
  path: '/api/v1/programs/{code}',
  tags,
  summary: 'One active program: its categories, extra fields and levels with deadlines (its intake page)',
  request: { params: CodeParam },
  responses: { 200: json(ProgramDetail, 'The program'), 404: problem('No such program') },
});
const adminList = createRoute({
  method: 'get',
  path: '/api/v1/admin/programs',
  tags,
  summary: 'The programs the caller may configure (national admin: all; provincial admin: their province’s)',
  responses: { 200: json(z.object({ items: z.array(AdminProgram) }), 'Programs'), ...ADMIN_ERRORS },
});
const create = createRoute({
  method: 'post',
  path: '/api/v1/admin/programs',
  tags,
  summary: 'Create a program (national admin, or the provincial admin of the owner’s province)',
  request: { body: { content: { 'application/json': { schema: ProgramCreate } }, required: true } },
  responses: { 201: json(AdminProgram, 'Created'), 409: problem('Code taken'), ...ADMIN_ERRORS },
});
const update = createRoute({
  method: 'put',
  path: '/api/v1/admin/programs/{code}',
  tags,
  summary: 'Replace a program’s whole configuration (its code stays)',
  request: {
    params: CodeParam,
    body: { content: { 'application/json': { schema: ProgramUpdate } }, required: true },
  },
  responses: { 200: json(AdminProgram, 'Updated'), 404: problem('No such program'), ...ADMIN_ERRORS },
});
const queue = createRoute({
  method: 'get',
  path: '/api/v1/programs/{code}/queue',
  tags,
  summary:
    'The program’s queue: handlers see what they hold, owner admins, oversight and the national admin all',
  request: { params: CodeParam, query: QueueQuery },
  responses: { 200: json(QueuePage, 'A page, newest first'), ...READ_ERRORS },
});
const report = createRoute({
  method: 'get',
  path: '/api/v1/programs/{code}/report',
  tags,
  summary: 'The program report for a period: by category, level, village, status and gender; time to resolve',
  description:
    'Filed between `from` and `to` (local dates of the owner). `format=csv` for the periodic submission.',
  request: { params: CodeParam, query: PeriodQuery },
  responses: {
    200: {
      content: { 'application/json': { schema: ProgramReport }, 'text/csv': { schema: z.string() } },
      description: 'Figures',
    },
    ...READ_ERRORS,
  },
});
const villages = createRoute({
  method: 'get',
  path: '/api/v1/programs/{code}/villages',
  tags,
  summary:
    'Activity per village for the facilitators’ map (a facilitator sees the villages of their own filings)',
  request: { params: CodeParam, query: PeriodQuery.omit({ format: true }) },
  responses: { 200: json(VillageList, 'Villages'), ...READ_ERRORS },
});

/** Registers the program routes. */
export function programRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(list, async (c) => {
    const items = await listPrograms(c.get('deps'), c.req.valid('query').regionCode);
    return c.json({ items: items.map(presentSummary) }, 200);
  });
  app.openapi(detail, async (c) => {
    const deps = c.get('deps');
    const program = await activeProgram(deps, c.req.valid('param').code);
    return c.json(presentDetail(program, await publicLevels(deps, program)), 200);
  });
  app.openapi(adminList, async (c) => {
    const items = await listProgramsForAdmin(c.get('deps'), requireCaller(c));
    return c.json({ items: items.map(presentAdmin) }, 200);
  });
  app.openapi(create, async (c) => {
    const program = await createProgram(c.get('deps'), requireCaller(c), c.req.valid('json'));
    return c.json(presentAdmin(program), 201);
  });
  app.openapi(update, async (c) => {
    const { code } = c.req.valid('param');
    const program = await updateProgram(c.get('deps'), requireCaller(c), code, c.req.valid('json'));
    return c.json(presentAdmin(program), 200);
  });
  app.openapi(queue, async (c) => {
    const page = await programQueue(
      c.get('deps'),
      requireCaller(c),
      c.req.valid('param').code,
      c.req.valid('query'),
    );
    return c.json({ items: page.items.map(presentQueueItem), nextCursor: page.nextCursor }, 200, {
      'cache-control': 'no-store',
    });
  });
  // The CSV answer is a plain Response, outside the JSON schema's type (as the stats exports).
  app.openapi(report, (async (c: Context<AppEnv>) => {
    const { format, ...period } = PeriodQuery.parse(c.req.query());
    const { code } = CodeParam.parse(c.req.param());
    const figures = await programReport(c.get('deps'), requireCaller(c), code, period);
    if (format === 'csv') return exportResponse(reportTable(figures), 'csv');
    return c.json(figures, 200, { 'cache-control': 'no-store' });
  }) as never);
  app.openapi(villages, async (c) => {
    const items = await programVillages(
      c.get('deps'),
      requireCaller(c),
      c.req.valid('param').code,
      c.req.valid('query'),
    );
    return c.json({ items }, 200, { 'cache-control': 'no-store' });
  });
}
