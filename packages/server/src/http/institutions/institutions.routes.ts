/**
 * Institution administration: units (create, rename, move, deactivate), the SK record, settings, and the audit.
 * A coordinator manages its subtree; the national admin manages everything; everyone else gets 403.
 */
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import { createUnit } from '../../app/institutions/create-unit';
import { recordInstitutionSk } from '../../app/institutions/record-sk';
import { updateInstitution } from '../../app/institutions/update-institution';
import { updateInstitutionSettings } from '../../app/institutions/update-settings';
import { listInstitutionAudit, listUnits, viewInstitution } from '../../app/institutions/view-institution';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { problemResponse } from '../problem';
import {
  AuditPage,
  AuditQuery,
  IdParam,
  InstitutionAdmin,
  InstitutionPatch,
  NewUnit,
  SettingsInput,
  SkInput,
  UnitList,
  UnitListQuery,
} from './institutions.schema';

const errors = {
  403: problemResponse('Outside your scope'),
  404: problemResponse('No such institution'),
  409: problemResponse('Conflicts with the current state (open reports, active units, inactive parent)'),
  422: problemResponse('Invalid fields, named in `errors`'),
};
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { content: { 'application/json': { schema } }, description },
});
const created = <T extends z.ZodType>(schema: T, description: string) => ({
  201: { content: { 'application/json': { schema } }, description },
});

const tags = ['institution administration'];

const viewRoute = createRoute({
  method: 'get',
  path: '/api/v1/institutions/{id}/admin',
  tags,
  summary: 'An institution as its administrators see it: SK, settings stored and in force',
  request: { params: IdParam },
  responses: { ...ok(InstitutionAdmin, 'The institution'), ...errors },
});

const listUnitsRoute = createRoute({
  method: 'get',
  path: '/api/v1/institutions/{id}/units',
  tags,
  summary: 'The units directly below an institution, with their open reports',
  request: { params: IdParam, query: UnitListQuery },
  responses: { ...ok(UnitList, 'Units'), ...errors },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/api/v1/institutions/{id}/units',
  tags,
  summary: 'Create a unit (unit kerja, OPD, kecamatan, desa) under an institution or unit in your scope',
  request: { params: IdParam, ...jsonBody(NewUnit) },
  responses: { ...created(InstitutionAdmin, 'Created'), ...errors },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/v1/institutions/{id}',
  tags,
  summary: 'Rename, move (with its subtree) or deactivate / reactivate a unit',
  request: { params: IdParam, ...jsonBody(InstitutionPatch) },
  responses: { ...ok(InstitutionAdmin, 'Updated'), ...errors },
});

const skRoute = createRoute({
  method: 'put',
  path: '/api/v1/institutions/{id}/sk',
  tags,
  summary: 'Record the institution’s SK (number, date, PDF); the institution is connected from then on',
  request: { params: IdParam, ...jsonBody(SkInput) },
  responses: { ...ok(InstitutionAdmin, 'Recorded'), ...errors },
});

const settingsRoute = createRoute({
  method: 'put',
  path: '/api/v1/institutions/{id}/settings',
  tags,
  summary: 'Replace the institution’s settings (follow-up approval, default complexity per category)',
  request: { params: IdParam, ...jsonBody(SettingsInput) },
  responses: { ...ok(InstitutionAdmin, 'Updated'), ...errors },
});

const auditRoute = createRoute({
  method: 'get',
  path: '/api/v1/institutions/{id}/audit',
  tags,
  summary: 'Who changed what in the institution’s administration, newest first',
  request: { params: IdParam, query: AuditQuery },
  responses: { ...ok(AuditPage, 'Audit entries'), ...errors },
});

/** Registers the institution administration routes. */
export function institutionAdminRoutes(app: OpenAPIHono<AppEnv>): void {
  const noStore = { 'cache-control': 'no-store' };
  app.openapi(viewRoute, async (c) =>
    c.json(await viewInstitution(c.get('deps'), requireCaller(c), c.req.valid('param').id), 200, noStore),
  );
  app.openapi(listUnitsRoute, async (c) => {
    const inactive = c.req.valid('query').inactive === 'true';
    return c.json(
      await listUnits(c.get('deps'), requireCaller(c), c.req.valid('param').id, inactive),
      200,
      noStore,
    );
  });
  app.openapi(auditRoute, async (c) =>
    c.json(
      await listInstitutionAudit(
        c.get('deps'),
        requireCaller(c),
        c.req.valid('param').id,
        c.req.valid('query'),
      ),
      200,
      noStore,
    ),
  );
  app.openapi(createUnitRoute, async (c) => {
    const unit = await createUnit(
      c.get('deps'),
      requireCaller(c),
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json(unit, 201, { location: `/api/v1/institutions/${unit.id}` });
  });
  app.openapi(patchRoute, async (c) =>
    c.json(
      await updateInstitution(c.get('deps'), requireCaller(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
  app.openapi(skRoute, async (c) =>
    c.json(
      await recordInstitutionSk(
        c.get('deps'),
        requireCaller(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
  app.openapi(settingsRoute, async (c) =>
    c.json(
      await updateInstitutionSettings(
        c.get('deps'),
        requireCaller(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
}
