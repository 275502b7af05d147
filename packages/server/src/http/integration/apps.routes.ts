/** The developer's routes of the integration API (ADR 0012): apps and their keys, for signed-in developers. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { IntegrationApp } from '@pintu/core';
import { listApps, managedApp, registerApp, updateApp } from '../../app/integration/manage-apps';
import { createKey, type KeyView, listKeys, revokeKey, rotateKey } from '../../app/integration/manage-keys';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { fieldError, ProblemError, zodFieldErrors } from '../problem';
import {
  AppIdParam,
  AppInput,
  AppPatchInput,
  AppView,
  CreatedKeyView,
  KeyIdParam,
  KeyInput,
  KeyView as KeySchema,
  RotateInput,
} from './integration.schema';

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z.object({ title: z.string(), status: z.number(), code: z.string() }).passthrough(),
    },
  },
  description,
});
const errors = {
  401: problemResponse('Not signed in'),
  403: problemResponse('No `manage_api_keys` on the institution'),
  404: problemResponse('No such app or key'),
  422: problemResponse('Invalid fields, named in `errors`'),
};
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An app as JSON. */
export function presentApp(a: IntegrationApp): z.infer<typeof AppView> {
  return {
    id: a.id,
    name: a.name,
    slug: a.slug,
    channel: `integration:${a.slug}`,
    institutionId: a.institutionId,
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    createdAt: a.createdAt.toISOString(),
    disabledAt: iso(a.disabledAt),
  };
}

function presentKey(k: KeyView): z.infer<typeof KeySchema> {
  return {
    id: k.id,
    appId: k.appId,
    prefix: k.prefix,
    name: k.name,
    permissions: k.permissions,
    rateLimit: k.rateLimit,
    expiresAt: iso(k.expiresAt),
    revokedAt: iso(k.revokedAt),
    rotatedFrom: k.rotatedFrom,
    lastUsedAt: iso(k.lastUsedAt),
    createdAt: k.createdAt.toISOString(),
    status: k.status,
  };
}

const tags = ['integration: developer'];
const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ tags, ...r });

const listAppsRoute = route({
  method: 'get',
  path: '/api/v1/integration/apps',
  summary: 'The integration apps the caller may manage',
  responses: { 200: { ...json(z.object({ items: z.array(AppView) })), description: 'Apps' }, ...errors },
});
const createAppRoute = route({
  method: 'post',
  path: '/api/v1/integration/apps',
  summary: 'Register a regional app for an institution',
  request: { body: { ...json(AppInput), required: true } },
  responses: {
    201: { ...json(AppView), description: 'Registered' },
    409: problemResponse('Slug taken'),
    ...errors,
  },
});
const getAppRoute = route({
  method: 'get',
  path: '/api/v1/integration/apps/{appId}',
  summary: 'One app',
  request: { params: AppIdParam },
  responses: { 200: { ...json(AppView), description: 'The app' }, ...errors },
});
const patchAppRoute = route({
  method: 'patch',
  path: '/api/v1/integration/apps/{appId}',
  summary: 'Change an app’s name or contact, or disable it (its keys stop at once)',
  request: { params: AppIdParam, body: { ...json(AppPatchInput), required: true } },
  responses: { 200: { ...json(AppView), description: 'Changed' }, ...errors },
});
const listKeysRoute = route({
  method: 'get',
  path: '/api/v1/integration/apps/{appId}/keys',
  summary: 'The app’s keys with their status (never the key itself)',
  request: { params: AppIdParam },
  responses: { 200: { ...json(z.object({ items: z.array(KeySchema) })), description: 'Keys' }, ...errors },
});
const createKeyRoute = route({
  method: 'post',
  path: '/api/v1/integration/apps/{appId}/keys',
  summary: 'Create an API key: the answer shows it once',
  request: { params: AppIdParam, body: { ...json(KeyInput), required: true } },
  responses: { 201: { ...json(CreatedKeyView), description: 'Created' }, ...errors },
});
const rotateKeyRoute = route({
  method: 'post',
  path: '/api/v1/integration/keys/{keyId}/rotate',
  summary: 'Rotate a key: a successor now, the old key live until the end of the overlap',
  request: { params: KeyIdParam },
  responses: {
    201: { ...json(CreatedKeyView), description: 'Rotated' },
    409: problemResponse('Key not live'),
    ...errors,
  },
});
const revokeKeyRoute = route({
  method: 'post',
  path: '/api/v1/integration/keys/{keyId}/revoke',
  summary: 'Revoke a key at once',
  request: { params: KeyIdParam },
  responses: { 200: { ...json(KeySchema), description: 'Revoked' }, ...errors },
});

const NO_STORE = { 'cache-control': 'no-store' };

/** Registers the developer's app and key routes. */
export function integrationAppRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listAppsRoute, async (c) => {
    const apps = await listApps(c.get('deps'), requireCaller(c));
    return c.json({ items: apps.map(presentApp) }, 200);
  });
  app.openapi(createAppRoute, async (c) => {
    const created = await registerApp(c.get('deps'), requireCaller(c), c.req.valid('json'));
    return c.json(presentApp(created), 201, { location: `/api/v1/integration/apps/${created.id}` });
  });
  app.openapi(getAppRoute, async (c) => {
    const { app: found } = await managedApp(c.get('deps'), requireCaller(c), c.req.valid('param').appId);
    return c.json(presentApp(found), 200);
  });
  app.openapi(patchAppRoute, async (c) => {
    const patch = c.req.valid('json');
    const updated = await updateApp(c.get('deps'), requireCaller(c), c.req.valid('param').appId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.contactName !== undefined ? { contactName: patch.contactName } : {}),
      ...(patch.contactEmail !== undefined ? { contactEmail: patch.contactEmail } : {}),
      ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
    });
    return c.json(presentApp(updated), 200);
  });
  app.openapi(listKeysRoute, async (c) => {
    const keys = await listKeys(c.get('deps'), requireCaller(c), c.req.valid('param').appId);
    return c.json({ items: keys.map(presentKey) }, 200, NO_STORE);
  });
  app.openapi(createKeyRoute, async (c) => {
    const body = c.req.valid('json');
    const created = await createKey(c.get('deps'), requireCaller(c), c.req.valid('param').appId, {
      name: body.name,
      permissions: body.permissions,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : undefined,
      rateLimit: body.rateLimit,
    });
    return c.json({ ...presentKey(created), key: created.key }, 201, NO_STORE);
  });
  app.openapi(rotateKeyRoute, async (c) => {
    // The body is optional (`{}` when absent): validated here rather than by the route's required validator.
    const raw = await c.req.text();
    let body: unknown = {};
    try {
      body = raw.trim() ? JSON.parse(raw) : {};
    } catch {
      throw fieldError('body', 'malformed_json', 'Isi permintaan bukan JSON yang valid.');
    }
    const result = RotateInput.safeParse(body);
    if (!result.success)
      throw new ProblemError('VALIDATION', 'Periksa kembali isian.', zodFieldErrors(result.error));
    const parsed = result.data;
    const r = await rotateKey(
      c.get('deps'),
      requireCaller(c),
      c.req.valid('param').keyId,
      parsed.overlapHours,
    );
    return c.json(
      {
        ...presentKey(r),
        key: r.key,
        previous: { id: r.previous.id, expiresAt: r.previous.expiresAt.toISOString() },
      },
      201,
      NO_STORE,
    );
  });
  app.openapi(revokeKeyRoute, async (c) => {
    const k = await revokeKey(c.get('deps'), requireCaller(c), c.req.valid('param').keyId);
    return c.json(presentKey(k), 200, NO_STORE);
  });
}
