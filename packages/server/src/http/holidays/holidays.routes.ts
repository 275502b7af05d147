/**
 * Holiday administration: add, move and remove days off (national admin only). Each change recomputes the open
 * deadlines it affects and is recorded in `holiday_changes`; the response lists the deadlines it moved.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { enterDecree } from '../../app/sla/enter-decree';
import { addHoliday, deleteHoliday, moveHoliday } from '../../app/sla/manage-holidays';
import { requireCaller } from '../auth/require';
import { jsonBodyLimit } from '../body-limit';
import type { AppEnv } from '../context';
import { problemResponse } from '../problem';
import {
  DecreeFile,
  DecreeResult,
  HolidayChangeResult,
  HolidayIdParam,
  HolidayInput,
  HolidayPatch,
} from './holidays.schema';

const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not the national admin'),
  404: problemResponse('No such holiday'),
  409: problemResponse('That holiday already exists on that date'),
  422: problemResponse('Invalid fields, named in `errors`'),
};
const json = { 'application/json': { schema: HolidayChangeResult } };
const tags = ['holiday administration'];

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/holidays',
  tags,
  summary: 'Add a day off; open deadlines it affects are recomputed',
  request: { body: { content: { 'application/json': { schema: HolidayInput } }, required: true } },
  responses: { 201: { content: json, description: 'Added' }, ...errors },
});

const moveRoute = createRoute({
  method: 'patch',
  path: '/api/v1/holidays/{id}',
  tags,
  summary: 'Move (or correct) a day off; open deadlines it affects are recomputed',
  request: {
    params: HolidayIdParam,
    body: { content: { 'application/json': { schema: HolidayPatch } }, required: true },
  },
  responses: { 200: { content: json, description: 'Moved' }, ...errors },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/holidays/{id}',
  tags,
  summary: 'Remove a day off (it becomes a working day); open deadlines it affects are recomputed',
  request: { params: HolidayIdParam },
  responses: { 200: { content: json, description: 'Removed' }, ...errors },
});

const decreeRoute = createRoute({
  method: 'post',
  path: '/api/v1/holidays/decrees',
  tags,
  summary: "Enter a year's decree (holiday file): its days become the file's, open deadlines are recomputed",
  request: {
    query: z.object({
      dryRun: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true: check and compute what would change, store nothing' }),
    }),
    body: { content: { 'application/json': { schema: DecreeFile } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: DecreeResult } }, description: 'Entered' },
    ...errors,
  },
});

/** Registers the holiday administration routes. */
export function holidayAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  // A year's file is about 10 KB; regional days of every regency would still fit.
  app.on('POST', '/api/v1/holidays/decrees', jsonBodyLimit(512 * 1024));
  app.openapi(decreeRoute, async (c) => {
    const dryRun = c.req.valid('query').dryRun === 'true';
    return c.json(await enterDecree(c.get('deps'), requireCaller(c), c.req.valid('json'), dryRun), 200);
  });
  app.openapi(addRoute, async (c) => {
    const out = await addHoliday(c.get('deps'), requireCaller(c), c.req.valid('json'));
    return c.json(out, 201, { location: `/api/v1/holidays/${out.holiday.id}` });
  });
  app.openapi(moveRoute, async (c) =>
    c.json(
      await moveHoliday(c.get('deps'), requireCaller(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(deleteRoute, async (c) =>
    c.json(await deleteHoliday(c.get('deps'), requireCaller(c), c.req.valid('param').id), 200),
  );
}
