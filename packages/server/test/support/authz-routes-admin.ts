/**
 * The route table, continued (authz-routes.ts): institution administration, the inbox, the calendar, statistics,
 * programs, audit, backup and federation (group b); authz-routes-apps.ts has group c.
 */
import type { PolicyAction } from '@pintu/core';
import { identityDocument } from '../../src/security/instance-identity';
import { generateInstanceKeys, keyFingerprint } from '../../src/security/instance-keys';
import { APP_ROUTES } from './authz-routes-apps';
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
import { programConfig } from './authz-world';
import { uploadForm } from './fixtures';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
    'trailer << /Root 1 0 R >>\n%%EOF\n',
);

async function pdfTarget(c: Ctx): Promise<string> {
  const res = await c.w.t.upload(uploadForm(PDF, 'sk.pdf', 'application/pdf'));
  return String((await res.json()).id);
}

/** A day off far from every deadline of the world, made by the national admin. */
async function holidayTarget(c: Ctx): Promise<number> {
  const n = uniq();
  const date = new Date(Date.UTC(2031, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const made = await c.w.asAdmin('POST', '/api/v1/holidays', holiday(date, n));
  return Number((made.holiday as { id: number }).id);
}
const holiday = (date: string, n: number) => ({
  date,
  name: `Libur uji ${n}`,
  kind: 'national',
  source: 'Keppres uji',
});

function peerDocument() {
  const keys = generateInstanceKeys();
  const n = uniq();
  const document = identityDocument(
    keys.secretKey,
    { slug: `rekan-${n}`, name: `Pintu rekan ${n}`, baseUrl: `https://rekan-${n}.example`, handles: [] },
    1_721_000_000,
  );
  return { document, fingerprint: keyFingerprint(keys.publicKey) };
}

const institutionAdmin = (action: PolicyAction, extra: Partial<PolicyRule> = {}) =>
  policy(action, { admin: true, ...extra });
const stat = (name: string, query = ''): RouteEntry => ({
  key: `GET /api/v1/stats/${name}`,
  group: 'b',
  rule: { kind: 'public' },
  request: (c) =>
    get(`/api/v1/stats/${name}?from=2024-01-01&to=2024-07-15${query.replace('{unit}', String(unit(c)))}`),
});
const program = (need: 'administer' | 'configure' | 'view' | 'villages') =>
  ({ kind: 'program', need }) as const;
const GROUP_B: RouteEntry[] = [
  {
    key: 'GET /api/v1/institutions/:id/admin',
    group: 'b',
    rule: institutionAdmin('view'),
    request: (c) => get(`/api/v1/institutions/${unit(c)}/admin`),
  },
  {
    key: 'GET /api/v1/institutions/:id/units',
    group: 'b',
    rule: institutionAdmin('view'),
    request: (c) => get(`/api/v1/institutions/${unit(c)}/units`),
  },
  {
    key: 'GET /api/v1/institutions/:id/audit',
    group: 'b',
    rule: institutionAdmin('view'),
    request: (c) => get(`/api/v1/institutions/${unit(c)}/audit`),
  },
  {
    key: 'POST /api/v1/institutions/:id/units',
    group: 'b',
    rule: institutionAdmin('manage_units'),
    ok: [201],
    request: (c) => send('POST', `/api/v1/institutions/${unit(c)}/units`, { name: `Seksi Uji ${uniq()}` }),
  },
  // A scoped administrator renames units strictly below its grant, never the node it is granted on.
  {
    key: 'PATCH /api/v1/institutions/:id',
    group: 'b',
    rule: institutionAdmin('manage_units', { belowGrant: true }),
    request: (c) =>
      send('PATCH', `/api/v1/institutions/${unit(c)}`, { name: `Dinas PU (matriks) ${uniq()}` }),
  },
  // An SK is recorded on an institution, never a unit: asked about Samarinda itself.
  {
    key: 'PUT /api/v1/institutions/:id/sk',
    group: 'b',
    rule: institutionAdmin('record_sk', { subject: 'samarinda' }),
    request: async (c) =>
      send('PUT', `/api/v1/institutions/${c.w.ids.samarinda}/sk`, {
        number: '100.3.3.2/245/HK-KS/2024',
        date: '2024-07-01',
        attachmentId: await target(c, 'pdf', () => pdfTarget(c)),
      }),
  },
  {
    key: 'PUT /api/v1/institutions/:id/settings',
    group: 'b',
    rule: institutionAdmin('manage_settings'),
    request: (c) =>
      send('PUT', `/api/v1/institutions/${unit(c)}/settings`, { followUpRequiresApproval: true }),
  },
  {
    key: 'GET /api/v1/inbox',
    group: 'b',
    rule: policy('view', { subject: 'own_grant' }),
    request: () => get('/api/v1/inbox?queue=in_progress'),
  },
  {
    key: 'POST /api/v1/holidays/decrees',
    group: 'b',
    rule: policy('manage_holidays', { subject: 'national' }),
    request: () =>
      send('POST', '/api/v1/holidays/decrees?dryRun=true', {
        year: 2031,
        sources: [{ ref: 'SKB UJI/2030', kind: 'annual', title: 'Keputusan uji', date: '2030-11-30' }],
        holidays: [{ date: '2031-01-01', name: 'Tahun Baru 2031', kind: 'national', source: 'SKB UJI/2030' }],
      }),
  },
  {
    key: 'POST /api/v1/holidays',
    group: 'b',
    rule: policy('manage_holidays', { subject: 'national' }),
    ok: [201],
    request: () => {
      const n = uniq();
      return send('POST', '/api/v1/holidays', holiday(`2032-0${1 + (n % 9)}-1${n % 10}`, n));
    },
  },
  {
    key: 'PATCH /api/v1/holidays/:id',
    group: 'b',
    rule: policy('manage_holidays', { subject: 'national' }),
    request: async (c) =>
      send('PATCH', `/api/v1/holidays/${await target(c, 'day', () => holidayTarget(c))}`, {
        name: `Diubah ${uniq()}`,
      }),
  },
  {
    key: 'DELETE /api/v1/holidays/:id',
    group: 'b',
    rule: policy('manage_holidays', { subject: 'national' }),
    request: async (c) =>
      send('DELETE', `/api/v1/holidays/${await target(c, 'day', () => holidayTarget(c))}`),
  },
  // Statistics are public figures (aggregates; confidential reports count, never show); the lists are staff's.
  stat('summary', '&institutionId={unit}'),
  stat('rankings'),
  stat('trends', '&institutionId={unit}'),
  stat('by-category'),
  stat('by-region'),
  stat('aspirations'),
  { ...stat('overdue'), rule: policy('view_overdue', { subject: 'own_grant' }) },
  { ...stat('silent-institutions'), rule: policy('view_overdue', { subject: 'own_grant' }) },
  {
    key: 'GET /api/v1/stats/institutions/:id/evaluation.pdf',
    group: 'b',
    rule: { kind: 'public' },
    request: (c) =>
      get(`/api/v1/stats/institutions/${c.w.ids.samarinda}/evaluation.pdf?from=2024-01-01&to=2024-07-15`),
  },
  {
    key: 'GET /api/v1/programs',
    group: 'b',
    rule: { kind: 'public' },
    request: () => get('/api/v1/programs'),
  },
  {
    key: 'GET /api/v1/programs/:code',
    group: 'b',
    rule: { kind: 'public' },
    request: () => get('/api/v1/programs/fcpf-cf-kaltim'),
  },
  {
    key: 'GET /api/v1/admin/programs',
    group: 'b',
    rule: program('administer'),
    request: () => get('/api/v1/admin/programs'),
  },
  {
    key: 'POST /api/v1/admin/programs',
    group: 'b',
    rule: program('configure'),
    ok: [201],
    request: (c) =>
      send('POST', '/api/v1/admin/programs', programConfig(`uji-authz-${uniq()}`, c.w.ids.roads)),
  },
  {
    key: 'PUT /api/v1/admin/programs/:code',
    group: 'b',
    rule: program('configure'),
    request: (c) => {
      const { code, ...config } = programConfig(c.w.programCode, c.w.ids.roads);
      return send('PUT', `/api/v1/admin/programs/${code}`, config);
    },
  },
  ...(['queue', 'report', 'villages'] as const).map(
    (what): RouteEntry => ({
      key: `GET /api/v1/programs/:code/${what}`,
      group: 'b',
      rule: program(what === 'villages' ? 'villages' : 'view'),
      request: (c) => get(`/api/v1/programs/${c.w.programCode}/${what}`),
    }),
  ),
  {
    key: 'GET /api/v1/audit/checkpoints',
    group: 'b',
    rule: { kind: 'public' },
    request: () => get('/api/v1/audit/checkpoints'),
  },
  {
    key: 'POST /api/v1/audit/verify',
    group: 'b',
    rule: { kind: 'national', roles: ['national_admin', 'oversight'] },
    request: () => send('POST', '/api/v1/audit/verify'),
  },
  // The test app has no backup service: the national admin is let through to "none can be made here" (409).
  {
    key: 'POST /api/v1/admin/backups',
    group: 'b',
    rule: { kind: 'national', roles: ['national_admin'] },
    ok: [409],
    request: () => send('POST', '/api/v1/admin/backups'),
  },
  {
    key: 'GET /api/v1/federation',
    group: 'b',
    rule: policy('manage_federation', { subject: 'national' }),
    request: () => get('/api/v1/federation'),
  },
  {
    key: 'GET /api/v1/federation/identity',
    group: 'b',
    rule: policy('manage_federation', { subject: 'national' }),
    request: () => get('/api/v1/federation/identity'),
  },
  {
    key: 'POST /api/v1/federation/peers',
    group: 'b',
    rule: policy('manage_federation', { subject: 'national' }),
    ok: [201],
    request: () => send('POST', '/api/v1/federation/peers', peerDocument()),
  },
  // Only a trusted peer's signature lets a message in; no caller of the matrix is one.
  {
    key: 'POST /api/v1/federation/messages',
    group: 'b',
    rule: { kind: 'secret' },
    request: () =>
      send('POST', '/api/v1/federation/messages', { type: 'events', trackingId: 'LPR-AAAA-AAAA-AAAA' }),
  },
];

export const ADMIN_ROUTES: RouteEntry[] = [...GROUP_B, ...APP_ROUTES];
