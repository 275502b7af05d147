/**
 * The route table of the authorization matrix (issue 16 §5): every route the server answers, with its access rule
 * (authz-rules.ts) and a valid request — a body zod accepts, so that what answers is the authorization, not the
 * validation. authz-matrix-a.test.ts fails when the app answers a route this table does not name, or the table names
 * one the app no longer has. This file holds the reports, accounts and reference routes; authz-routes-admin.ts the rest.
 */

import { ADMIN_ROUTES } from './authz-routes-admin';
import { type Ctx, get, type Req, type RouteEntry, send, target, uniq } from './authz-rules';
import { jpegWithGps, reportInput, uploadForm } from './fixtures';

const post = (path: string, body?: unknown) => send('POST', path, body);
const del = (path: string) => send('DELETE', path);
const trackingOf = (c: Ctx) => c.report!.trackingId;

/** A staff account of the holder, made by the national admin; with `two`, it holds two roles. */
async function staffTarget(c: Ctx, two = false): Promise<{ userId: string; grantId: number }> {
  const n = uniq();
  const made = await c.w.asAdmin('POST', '/api/v1/staff', {
    name: `Petugas Sasaran ${n}`,
    email: `sasaran.${n}.${process.pid}@pintu.test`,
    role: 'unit_operator',
    institutionId: c.w.ids.unit,
  });
  const userId = String(made.userId);
  if (!two) return { userId, grantId: 0 };
  const added = await c.w.asAdmin('POST', `/api/v1/staff/${userId}/grants`, {
    role: 'leadership',
    institutionId: c.w.ids.unit,
  });
  return { userId, grantId: Number(added.id) };
}

const upload = async (): Promise<Req> => {
  const form = uploadForm(await jpegWithGps(), 'foto.jpg', 'image/jpeg');
  return { method: 'POST', path: '/api/v1/attachments', form };
};

/** Reports, their workflow, accounts, a citizen's own data, reference data, sign-in. */
const REPORT_ROUTES: RouteEntry[] = [
  {
    key: 'GET /api/health',
    group: 'a',
    rule: { kind: 'public' },
    keys: true,
    documentedAs: [],
    request: () => get('/api/health'),
  },
  // better-auth's own routes are public (sign-in, sessions); a key is not for them.
  {
    key: 'GET /api/auth/*',
    group: 'a',
    rule: { kind: 'public' },
    documentedAs: [],
    request: () => get('/api/auth/get-session'),
  },
  {
    key: 'POST /api/auth/*',
    group: 'a',
    rule: { kind: 'public' },
    documentedAs: [],
    // From an address of its own each: better-auth limits these per client address.
    request: () => ({
      ...post('/api/auth/request-password-reset', {
        email: `tidak.ada.${uniq()}@example.id`,
        redirectTo: '/',
      }),
      headers: { 'x-forwarded-for': `10.77.${uniq() % 250}.${1 + (uniq() % 250)}` },
    }),
  },
  { key: 'GET /api/v1/me', group: 'a', rule: { kind: 'account' }, request: () => get('/api/v1/me') },
  {
    key: 'POST /api/v1/staff',
    group: 'a',
    rule: { kind: 'policy', action: 'manage_staff', subject: 'unit' },
    ok: [201],
    request: (c) => {
      const n = uniq();
      return post('/api/v1/staff', {
        name: `Petugas Baru ${n}`,
        email: `baru.${n}.${process.pid}@pintu.test`,
        role: 'liaison_officer',
        institutionId: c.w.ids.unit,
      });
    },
  },
  {
    key: 'GET /api/v1/staff',
    group: 'a',
    rule: { kind: 'policy', action: 'manage_staff', subject: 'unit' },
    request: (c) => get(`/api/v1/staff?institutionId=${c.w.ids.unit}`),
  },
  // Another's account is 404 out of reach, so the route tells nobody which accounts exist.
  {
    key: 'POST /api/v1/staff/:userId/grants',
    group: 'a',
    rule: { kind: 'policy', action: 'manage_staff', subject: 'unit', denied: 404 },
    ok: [201],
    request: async (c) => {
      const { userId } = await target(c, 'staff', () => staffTarget(c));
      return post(`/api/v1/staff/${userId}/grants`, { role: 'leadership', institutionId: c.w.ids.unit });
    },
  },
  {
    key: 'DELETE /api/v1/staff/:userId/grants/:grantId',
    group: 'a',
    rule: { kind: 'policy', action: 'manage_staff', subject: 'unit', denied: 404 },
    request: async (c) => {
      const { userId, grantId } = await target(c, 'staff2', () => staffTarget(c, true));
      return del(`/api/v1/staff/${userId}/grants/${grantId}`);
    },
  },
  {
    key: 'DELETE /api/v1/staff/:userId',
    group: 'a',
    rule: { kind: 'policy', action: 'manage_staff', subject: 'unit' },
    request: async (c) => del(`/api/v1/staff/${(await target(c, 'staff', () => staffTarget(c))).userId}`),
  },
  {
    key: 'GET /api/v1/me/reports',
    group: 'a',
    rule: { kind: 'account' },
    request: () => get('/api/v1/me/reports'),
  },
  {
    key: 'GET /api/v1/me/data',
    group: 'a',
    rule: { kind: 'account' },
    request: () => get('/api/v1/me/data'),
  },
  // A wrong password: an allowed citizen gets as far as the password check (422), and keeps the account.
  {
    key: 'POST /api/v1/me/erase',
    group: 'a',
    rule: { kind: 'citizen_account' },
    ok: [422],
    request: () => post('/api/v1/me/erase', { password: 'bukan-kata-sandinya' }),
  },
  {
    key: 'GET /api/v1/regions',
    group: 'a',
    rule: { kind: 'public' },
    keys: true,
    request: () => get('/api/v1/regions?parent=64'),
  },
  {
    key: 'GET /api/v1/institutions',
    group: 'a',
    rule: { kind: 'public' },
    keys: true,
    request: () => get('/api/v1/institutions?regionCode=64.72'),
  },
  {
    key: 'GET /api/v1/institutions/:id',
    group: 'a',
    rule: { kind: 'public' },
    keys: true,
    request: (c) => get(`/api/v1/institutions/${c.w.ids.unit}`),
  },
  {
    key: 'GET /api/v1/categories',
    group: 'a',
    rule: { kind: 'public' },
    keys: true,
    request: () => get('/api/v1/categories'),
  },
  {
    key: 'GET /api/v1/holidays',
    group: 'a',
    rule: { kind: 'public' },
    request: () => get('/api/v1/holidays?year=2024'),
  },
  {
    key: 'GET /api/v1/routing/suggest',
    group: 'a',
    rule: { kind: 'public' },
    request: (c) => get(`/api/v1/routing/suggest?regionCode=64.72&categoryId=${c.w.ids.roads}`),
  },
  // Anyone files: staff and signed-out callers as guests (http/citizen/filer.ts), a key as its app.
  {
    key: 'POST /api/v1/reports',
    group: 'a',
    rule: { kind: 'public' },
    keys: true,
    ok: [201],
    request: (c) => post('/api/v1/reports', reportInput(c.w.ids.roads)),
  },
  {
    key: 'GET /api/v1/reports',
    group: 'a',
    rule: { kind: 'public' },
    request: () => get('/api/v1/reports?pageSize=100'),
  },
  {
    key: 'GET /api/v1/reports/:trackingId',
    group: 'a',
    rule: { kind: 'report', action: 'view', outsider: 'staff_404_if_confidential' },
    perReport: true,
    accessCode: true,
    request: (c) => get(`/api/v1/reports/${trackingOf(c)}`),
  },
  {
    key: 'GET /api/v1/reports/:trackingId/attachments/:id',
    group: 'a',
    rule: { kind: 'report', action: 'view', outsider: 'public_unless_confidential' },
    perReport: true,
    accessCode: true,
    request: (c) => get(`/api/v1/reports/${trackingOf(c)}/attachments/${c.report!.attachmentId}`),
  },
  // The lifecycle's every action is action-matrix-*.test.ts; here the one any handler may take in any status.
  {
    key: 'POST /api/v1/reports/:trackingId/actions',
    group: 'a',
    rule: { kind: 'report', action: 'comment_internal', outsider: 'refused' },
    perReport: true,
    accessCode: true,
    request: (c) =>
      post(`/api/v1/reports/${trackingOf(c)}/actions`, {
        action: 'comment_internal',
        message: 'Cek ke kecamatan.',
      }),
  },
  {
    key: 'GET /api/v1/reports/:trackingId/events',
    group: 'a',
    rule: { kind: 'report', action: 'view', outsider: 'public_unless_confidential' },
    perReport: true,
    accessCode: true,
    request: (c) => get(`/api/v1/reports/${trackingOf(c)}/events`),
  },
  {
    key: 'POST /api/v1/reports/:trackingId/reveal-identity',
    group: 'a',
    rule: { kind: 'report', action: 'reveal_identity', outsider: 'refused' },
    perReport: true,
    discloses: true,
    request: (c) =>
      post(`/api/v1/reports/${trackingOf(c)}/reveal-identity`, {
        reason: 'Permintaan penyidik Ombudsman nomor 12/2024 atas dugaan maladministrasi.',
      }),
  },
  {
    key: 'GET /api/v1/oversight/identity-reveals',
    group: 'a',
    rule: { kind: 'policy', action: 'view_reveal_log', subject: 'own_grant' },
    request: () => get('/api/v1/oversight/identity-reveals'),
  },
  {
    key: 'POST /api/v1/attachments',
    group: 'a',
    rule: { kind: 'public' },
    keys: true,
    ok: [201],
    request: upload,
  },
  {
    key: 'GET /api/v1/reports/:trackingId/similar',
    group: 'a',
    rule: { kind: 'report', action: 'view', staff: true, outsider: 'refused', denied: 404 },
    perReport: true,
    request: (c) => get(`/api/v1/reports/${trackingOf(c)}/similar`),
  },
  // An allowed caller publishes again what is published (nothing the other routes are asked about changes); a
  // refused one asks to withhold, which the snapshot would see if it got through.
  {
    key: 'POST /api/v1/reports/:trackingId/attachments/:id/publication',
    group: 'a',
    rule: { kind: 'report', action: 'comment_internal', outsider: 'refused', denied: 404 },
    perReport: true,
    request: (c) =>
      post(`/api/v1/reports/${trackingOf(c)}/attachments/${c.report!.attachmentId}/publication`, {
        withheld: !c.allowed,
      }),
  },
  {
    key: 'GET /api/v1/notifications',
    group: 'a',
    rule: { kind: 'account' },
    request: () => get('/api/v1/notifications'),
  },
  {
    key: 'POST /api/v1/notifications/read-all',
    group: 'a',
    rule: { kind: 'account' },
    request: () => post('/api/v1/notifications/read-all'),
  },
  {
    key: 'POST /api/v1/notifications/:id/read',
    group: 'a',
    rule: { kind: 'owner' },
    request: (c) => post(`/api/v1/notifications/${c.w.notificationId}/read`),
  },
  // The moderation queue (docs/abuse.md): the national admin's.
  {
    key: 'GET /api/v1/moderation/reports',
    group: 'a',
    rule: { kind: 'policy', action: 'moderate_reports', subject: 'national' },
    request: () => get('/api/v1/moderation/reports'),
  },
  // Middleware of every request: security headers, CSP, the request's deps and caller, auth, idempotency.
  { key: 'ALL /*', group: 'a', rule: { kind: 'middleware' } },
  { key: 'ALL /api/*', group: 'a', rule: { kind: 'middleware' } },
];

/** Every route the server answers, with its rule. */
export const ROUTES: RouteEntry[] = [...REPORT_ROUTES, ...ADMIN_ROUTES];
