/**
 * Holiday administration: add, move and remove days off (national admin only). Each change recomputes the open
 * deadlines it affects and is recorded in `holiday_changes`; the response lists the deadlines it moved.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { addHoliday, deleteHoliday, moveHoliday } from '../../sla/manage-holidays';
import type { AppEnv } from '../context';
import { HolidayChangeResult, HolidayIdParam, HolidayInput, HolidayPatch } from './holidays.schema';

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': { schema: z.object({ title: z.string(), status: z.number() }).passthrough() },
  },
  description,
});
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

/** Registers the holiday administration routes. */
export function holidayAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(addRoute, async (c) => {
    const out = await addHoliday(c.var, c.var.principal, c.req.valid('json'));
    return c.json(out, 201, { location: `/api/v1/holidays/${out.holiday.id}` });
  });
  app.openapi(moveRoute, async (c) =>
    c.json(await moveHoliday(c.var, c.var.principal, c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(deleteRoute, async (c) =>
    c.json(await deleteHoliday(c.var, c.var.principal, c.req.valid('param').id), 200),
  );
}
