/**
 * The route table, group c (authz-routes.ts): regional apps and their keys, webhooks, an app's own API, Open311, open
 * data, the SMS gateway and the API's documentation.
 */
import {
  type Ctx,
  get,
  type PolicyRule,
  policy,
  type RouteEntry,
  send,
  target,
  uniq,
  unit,
} from './authz-rules';

const keyTarget = async (c: Ctx) =>
  String(
    (
      await c.w.asDeveloper('POST', `/api/v1/integration/apps/${c.w.app.id}/keys`, {
        name: `kunci ${uniq()}`,
        permissions: ['reports:read'],
      })
    ).id,
  );
const webhook = () => ({ url: 'https://hooks.example.id/pintu', eventTypes: ['report.status_changed'] });
const endpointTarget = async (c: Ctx) =>
  String((await c.w.asDeveloper('POST', `/api/v1/integration/apps/${c.w.app.id}/webhooks`, webhook())).id);

const apps = (extra: Partial<PolicyRule> = {}) => policy('manage_api_keys', { denied: 404, ...extra });
const hooks = () => apps({ admin: true, keys: 'own_app' });

const OPEN311 = '/open311/v2';
export const APP_ROUTES: RouteEntry[] = [
  // Apps and keys: manage_api_keys on the app's institution (developer, coordinator); a key never manages them.
  {
    key: 'GET /api/v1/integration/apps',
    group: 'c',
    rule: apps({ subject: 'own_grant', admin: true, denied: 403 }),
    keys: true,
    request: () => get('/api/v1/integration/apps'),
  },
  {
    key: 'POST /api/v1/integration/apps',
    group: 'c',
    rule: apps({ denied: 403 }),
    keys: true,
    ok: [201],
    request: (c) => {
      const n = uniq();
      return send('POST', '/api/v1/integration/apps', {
        name: `Aplikasi ${n}`,
        slug: `authz-app-${n}`,
        institutionId: unit(c),
        contactName: 'Tim Diskominfo',
        contactEmail: 'tim@diskominfo.test',
      });
    },
  },
  {
    key: 'GET /api/v1/integration/apps/:appId',
    group: 'c',
    rule: apps(),
    keys: true,
    request: (c) => get(`/api/v1/integration/apps/${c.w.app.id}`),
  },
  {
    key: 'PATCH /api/v1/integration/apps/:appId',
    group: 'c',
    rule: apps(),
    keys: true,
    request: (c) => send('PATCH', `/api/v1/integration/apps/${c.w.app.id}`, { contactName: `Tim ${uniq()}` }),
  },
  {
    key: 'GET /api/v1/integration/apps/:appId/keys',
    group: 'c',
    rule: apps(),
    keys: true,
    request: (c) => get(`/api/v1/integration/apps/${c.w.app.id}/keys`),
  },
  {
    key: 'POST /api/v1/integration/apps/:appId/keys',
    group: 'c',
    rule: apps(),
    keys: true,
    ok: [201],
    request: (c) =>
      send('POST', `/api/v1/integration/apps/${c.w.app.id}/keys`, {
        name: `kunci ${uniq()}`,
        permissions: ['reports:read'],
      }),
  },
  ...(['rotate', 'revoke'] as const).map(
    (verb): RouteEntry => ({
      key: `POST /api/v1/integration/keys/:keyId/${verb}`,
      group: 'c',
      rule: apps(),
      keys: true,
      request: async (c) =>
        send('POST', `/api/v1/integration/keys/${await target(c, 'key', () => keyTarget(c))}/${verb}`, {}),
    }),
  ),
  // Webhooks: the app's institution's developers, the national admin (ADR 0004), or the app's own key.
  {
    key: 'POST /api/v1/integration/apps/:appId/webhooks',
    group: 'c',
    rule: hooks(),
    keys: true,
    ok: [201],
    request: (c) => send('POST', `/api/v1/integration/apps/${c.w.app.id}/webhooks`, webhook()),
  },
  {
    key: 'GET /api/v1/integration/apps/:appId/webhooks',
    group: 'c',
    rule: hooks(),
    keys: true,
    request: (c) => get(`/api/v1/integration/apps/${c.w.app.id}/webhooks`),
  },
  ...(
    [
      ['GET', '', undefined],
      ['PATCH', '', { description: 'Diubah' }],
      ['POST', '/rotate-secret', undefined],
      ['POST', '/test', undefined],
      ['GET', '/deliveries', undefined],
    ] as const
  ).map(
    ([method, tail, body]): RouteEntry => ({
      key: `${method} /api/v1/integration/webhooks/:endpointId${tail}`,
      group: 'c',
      rule: hooks(),
      keys: true,
      request: (c) => send(method, `/api/v1/integration/webhooks/${c.w.app.endpointId}${tail}`, body),
    }),
  ),
  {
    key: 'DELETE /api/v1/integration/webhooks/:endpointId',
    group: 'c',
    rule: hooks(),
    keys: true,
    request: async (c) =>
      send('DELETE', `/api/v1/integration/webhooks/${await target(c, 'endpoint', () => endpointTarget(c))}`),
  },
  {
    key: 'POST /api/v1/integration/deliveries/:deliveryId/replay',
    group: 'c',
    rule: hooks(),
    keys: true,
    request: (c) => send('POST', `/api/v1/integration/deliveries/${c.w.app.deliveryId}/replay`),
  },
  // An app's own API: its key only; a report in the app's institution's scope, else 404.
  {
    key: 'GET /api/v1/integration/reports',
    group: 'c',
    rule: { kind: 'api_key' },
    keys: true,
    request: () => get('/api/v1/integration/reports'),
  },
  {
    key: 'GET /api/v1/integration/reports/:trackingId',
    group: 'c',
    rule: { kind: 'api_key', action: 'view', staff: true },
    keys: true,
    perReport: true,
    request: (c) => get(`/api/v1/integration/reports/${c.report!.trackingId}`),
  },
  {
    key: 'POST /api/v1/integration/reports/:trackingId/actions',
    group: 'c',
    rule: { kind: 'api_key', action: 'hold' },
    keys: true,
    perReport: true,
    request: async (c) => {
      const trackingId = c.allowed ? await c.w.freshReport(c.report!.kind) : c.report!.trackingId;
      const version = (await c.w.t.deps.integration.reportVersion(trackingId))!.version;
      return {
        ...send('POST', `/api/v1/integration/reports/${trackingId}/actions`, {
          action: 'hold',
          question: 'Di RT berapa lokasinya?',
        }),
        headers: { 'if-match': `"${version}"` },
      };
    },
  },
  // Open311 reads are the public's and never show a confidential report; a filing needs a key in its form.
  {
    key: `GET ${OPEN311}/:file`,
    group: 'c',
    rule: { kind: 'public' },
    documentedAs: ['discovery', 'services', 'requests'].map((f) => `GET ${OPEN311}/${f}.{format}`),
    request: () => get(`${OPEN311}/requests.json`),
  },
  {
    key: `GET ${OPEN311}/services/:file`,
    group: 'c',
    rule: { kind: 'public' },
    documentedAs: [`GET ${OPEN311}/services/{service_code}.{format}`],
    request: () => get(`${OPEN311}/services/infrastruktur.jalan-kabupaten.json`),
  },
  ...(['requests', 'tokens'] as const).map(
    (what): RouteEntry => ({
      key: `GET ${OPEN311}/${what}/:file`,
      group: 'c',
      rule: { kind: 'open_record' },
      perReport: true,
      documentedAs: [
        `GET ${OPEN311}/${what}/{${what === 'requests' ? 'service_request_id' : 'token'}}.{format}`,
      ],
      request: (c) => get(`${OPEN311}/${what}/${c.report!.trackingId}.json`),
    }),
  ),
  {
    key: `POST ${OPEN311}/:file`,
    group: 'c',
    // GeoReport v2 answers a missing api_key 403.
    rule: { kind: 'api_key', without: 403 },
    documentedAs: [`POST ${OPEN311}/requests.{format}`],
    request: (c) => {
      const form = new URLSearchParams({
        service_code: 'infrastruktur.jalan-kabupaten',
        address_id: '64.72.01',
        description: 'Lubang besar di depan pasar sudah tiga minggu tidak diperbaiki pemerintah.',
      });
      if (c.caller.key) form.set('api_key', c.caller.key.raw);
      return { method: 'POST', path: `${OPEN311}/requests.json`, form };
    },
  },
  {
    key: 'OPTIONS /open311/*',
    group: 'c',
    rule: { kind: 'public' },
    documentedAs: [],
    request: () => send('OPTIONS', `${OPEN311}/requests.json`),
  },
  { key: 'ALL /open311/*', group: 'c', rule: { kind: 'middleware' } },
  {
    key: 'GET /api/v1/open-data/reports',
    group: 'c',
    rule: { kind: 'public' },
    request: () => get('/api/v1/open-data/reports?from=2024-01-01&to=2024-07-15'),
  },
  {
    key: 'GET /api/v1/open-data/aggregates',
    group: 'c',
    rule: { kind: 'public' },
    request: () => get('/api/v1/open-data/aggregates'),
  },
  {
    key: 'GET /api/v1/open-data',
    group: 'c',
    rule: { kind: 'public' },
    request: () => get('/api/v1/open-data'),
  },
  ...(['GET', 'HEAD'] as const).map(
    (method): RouteEntry => ({
      key: `${method} /open-data/:file`,
      group: 'c',
      rule: { kind: 'public' },
      documentedAs: [],
      request: () => send(method, '/open-data/reports.jsonl'),
    }),
  ),
  { key: 'ALL /api/v1/open-data', group: 'c', rule: { kind: 'middleware' } },
  { key: 'ALL /api/v1/open-data/*', group: 'c', rule: { kind: 'middleware' } },
  { key: 'ALL /open-data/*', group: 'c', rule: { kind: 'middleware' } },
  // Kannel's webhook: the gateway's shared secret, which no caller of the matrix holds.
  {
    key: 'GET /api/v1/channels/sms/kannel',
    group: 'c',
    rule: { kind: 'secret' },
    documentedAs: [],
    request: () => get('/api/v1/channels/sms/kannel?from=081234567890&to=1708&text=CEK&id=authz'),
  },
  ...['/api/openapi.json', '/api/docs', '/api/docs/init.js'].map(
    (path): RouteEntry => ({
      key: `GET ${path}`,
      group: 'c',
      rule: { kind: 'public' },
      documentedAs: [],
      request: () => get(path),
    }),
  ),
  {
    key: 'GET /api/docs/:asset',
    group: 'c',
    rule: { kind: 'public' },
    documentedAs: [],
    request: () => get('/api/docs/swagger-ui.css'),
  },
];
