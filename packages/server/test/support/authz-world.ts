/**
 * The world the authorization matrix asks its questions in (issue 16 §5): a unit below Kota Samarinda holds three
 * reports — normal, anonymous, confidential — whose reporter is a citizen account and whose filer a facilitator;
 * every caller of the API is signed in once, with staff of each institution role granted on the holder, on its
 * ancestor (Samarinda) and on another institution (Balikpapan), oversight nationally, for the province and for
 * another province, and two regional apps' API keys (the holder's and another institution's).
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Actor,
  applyAction,
  type Holder,
  type LifecycleAction,
  openReport,
  type PolicySubject,
  type ProgramGrant,
  type ReportState,
  type Role,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Caller } from '../../src/app/accounts/caller';
import { callerActors } from '../../src/app/workflow/callers';
import { smsChannelOf } from '../../src/channels/sms/settings';
import { institutionsById } from '../../src/db/postgres-workflow';
import { createApp } from '../../src/http/app';
import { dumpOpenData } from '../../src/open-data/dump';
import { jpegWithGps, refIds, uploadForm } from './fixtures';
import { createKey, registerApp } from './integration-fixtures';
import { signInAs } from './sessions';
import { startTestApp, type TestApp } from './test-app';
import { createUnit, storeReportState } from './workflow-fixtures';

/** Monday 15 July 2024, 10:00 WITA. */
export const WORLD_NOW = new Date('2024-07-15T02:00:00Z');
export const ACCESS_CODE = 'AUTZ-AUTZ-AUTZ-AUTZ';
const WRONG_CODE = 'AAAA-BBBB-CCCC-DDDD';
export const SMS_SECRET = 'rahasia-gateway-matriks';

export const REPORT_KINDS = ['normal', 'anonymous', 'confidential'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What must never reach an audience that may not see it: the reporter's contact, name and a confidential text. */
export interface Secrets {
  name: string;
  email: string;
  phone: string;
  /** A word in the title and the body. */
  text: string;
}

export interface WorldReport {
  kind: ReportKind;
  trackingId: string;
  attachmentId: string;
  subject: PolicySubject;
  secrets: Secrets;
}

/** One caller: how it calls, and who it is for the core (its actors as the session resolves them). */
export interface AuthzCaller {
  label: string;
  headers: Record<string, string>;
  userId: string | null;
  roles: Role[];
  actors: Actor[];
  /** The program rules' view of its grants (core programs/access.ts). */
  programGrants: ProgramGrant[];
  /** A guest holding the report's access code (`own`) or a wrong one. */
  guest?: 'own' | 'wrong';
  /** A regional app's key: its app and institution. */
  key?: { appId: string; institutionId: number; raw: string };
}

export interface World {
  t: TestApp;
  callers: AuthzCaller[];
  reports: Record<ReportKind, WorldReport>;
  ids: Awaited<ReturnType<typeof refIds>> & { unit: number; other: number; otherProvince: number };
  subjects: { unit: PolicySubject; samarinda: PolicySubject };
  /** The holder's app (its key is a caller), its webhook endpoint and a delivery of it. */
  app: { id: string; endpointId: string; deliveryId: string };
  /** The reporter's in-app notification. */
  notificationId: number;
  /** A program owned by the province, covering Samarinda. */
  programCode: string;
  /** A fresh copy of a report, for an allowed action that changes its status. */
  freshReport(kind: ReportKind): Promise<string>;
  /** Sends a JSON request as the national admin, expecting 2xx; for building fresh targets. */
  asAdmin(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** Same, as the holder's developer (apps, keys, webhooks). */
  asDeveloper(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
}

const STAFF_ROLES = ['coordinator', 'liaison_officer', 'unit_operator', 'leadership', 'developer'] as const;
const KEY_PERMISSIONS = ['reports:file', 'reports:read', 'reports:act', 'webhooks:manage'];

const secretsOf = (kind: ReportKind): Secrets => {
  const tag = { normal: 'Q7XNORM', anonymous: 'Z3PANON', confidential: 'K9RCONF' }[kind];
  const n = REPORT_KINDS.indexOf(kind);
  return {
    name: `Rahmawati ${tag}`,
    email: `pelapor.${tag.toLowerCase()}@example.id`,
    phone: `08137777000${n}`,
    text: `RAHASIA${tag}`,
  };
};

async function idOf(t: TestApp, code: string): Promise<number> {
  const res = await t.deps.db.execute(sql`select id from institutions where code = ${code}`);
  return Number((res.rows[0] as { id: number }).id);
}

/** The caller as the session middleware resolves it: the grants (province oversight widened) and permissions. */
async function sessionCaller(t: TestApp, userId: string): Promise<Caller> {
  const res = await t.deps.db.execute(
    sql`select token from sessions where user_id = ${userId} order by created_at desc limit 1`,
  );
  const token = String((res.rows[0] as { token: string }).token);
  const found = await t.deps.sessions.accountOfSession(token, new Date());
  if (!found) throw new Error(`no session for ${userId}`);
  return found.account;
}

async function signedIn(
  t: TestApp,
  label: string,
  role: Role,
  institutionId: number | null,
  permissions: string[] = [],
): Promise<AuthzCaller> {
  const who = await signInAs(t, { role, institutionId, permissions, name: `Uji ${label}` });
  const caller = await sessionCaller(t, who.userId);
  return {
    label,
    headers: who.headers,
    userId: who.userId,
    roles: caller.grants.map((g) => g.role),
    actors: callerActors(caller),
    programGrants: await t.deps.programs.grantsOf(caller.grants),
  };
}

/** In progress at the unit: filed by the facilitator for the citizen, verified, acknowledged. */
function inProgressAt(t: TestApp, holder: Holder, reporter: string, facilitator: string): ReportState {
  const calendar = t.deps.calendar.get();
  const day = (n: number) => new Date(Date.parse('2024-07-01T01:00:00Z') + n * 86_400_000);
  const staff = (role: Role): Actor => ({ id: `fixture-${role}`, role, institutionId: holder.institutionId });
  const filer: Actor = { id: facilitator, role: 'facilitator', institutionId: null };
  const opened = openReport(
    { id: 'authz', type: 'complaint', reporterId: reporter, requested: holder },
    filer,
    day(0),
    { calendar },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const steps: [LifecycleAction, Actor][] = [
    [{ type: 'verify', targets: [holder] }, staff('coordinator')],
    [{ type: 'acknowledge', complexity: 'no_field_exam', message: 'Kami proses.' }, staff('liaison_officer')],
  ];
  let state = opened.report;
  for (const [i, [action, actor]] of steps.entries()) {
    const r = applyAction(state, action, actor, day(i + 1), { calendar });
    if (!r.ok) throw new Error(`${action.type}: ${r.error.message}`);
    state = r.report;
  }
  return state;
}

/**
 * PGlite, or PostgreSQL with `PINTU_AUTHZ_ENGINE=postgres` (and TEST_DATABASE_URL, which vitest.config.ts sets
 * whenever a local server answers — so it cannot be the switch without doubling every run).
 */
const ENGINE = process.env.PINTU_AUTHZ_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export async function setUpWorld(): Promise<World> {
  const t = await startTestApp({ now: WORLD_NOW.toISOString(), engine: ENGINE });
  const db = t.deps.db;
  const sms = await smsChannelOf(
    {
      SMS_INBOUND_SECRET: SMS_SECRET,
      SMS_INBOUND_REGION: '64',
      SMS_INBOUND_CATEGORY: 'infrastruktur.jalan-kabupaten',
      SMS_INBOUND_FLOOD_MAX: 1000,
      SMS_INBOUND_FLOOD_WINDOW_S: 3600,
    },
    db,
  );
  // Webhook hosts resolve to a public address, so registration passes its SSRF check without DNS.
  const resolveHost = async () => [{ address: '93.184.216.34', family: 4 as const }];
  // The daily open-data files, written once the reports exist: their privacy is asked like every other read.
  const openDataConfig = {
    dir: join(mkdtempSync(join(tmpdir(), 'pintu-authz-')), 'open-data'),
    cellKeySecret: 'uji-kunci-sel',
    contactEmail: 'data@pintu.test',
  };
  t.app = createApp(Object.assign({}, t.deps, { sms, resolveHost, openDataConfig }));

  const ref = await refIds(db);
  const unit = await createUnit(db, ref.samarinda, 'pemda-64.72-authz', 'Dinas PU (matriks otorisasi)');
  const other = await idOf(t, 'pemda-64.71');
  const otherProvince = await idOf(t, 'pemprov-94');
  const ids = { ...ref, unit, other, otherProvince };
  const holders = await institutionsById(db, [unit, ref.samarinda]);
  const holder = holders.get(unit)!.holder;
  const subjects = {
    unit: { holder },
    samarinda: { holder: holders.get(ref.samarinda)!.holder },
  };

  const plan: [string, Role, number | null, string[]?][] = [
    ['citizen (reporter)', 'citizen', null],
    ['citizen (other)', 'citizen', null],
    ['facilitator (filer)', 'facilitator', null],
    ['facilitator (other)', 'facilitator', null],
    ['national_admin', 'national_admin', null],
    ['national_admin (reveal)', 'national_admin', null, ['reveal_identity']],
    ['coordinator @province', 'coordinator', ref.kaltim],
    ['oversight (national)', 'oversight', null],
    ['oversight @province', 'oversight', ref.kaltim],
    ['oversight @other province', 'oversight', otherProvince],
    ...STAFF_ROLES.flatMap((role): [string, Role, number][] => [
      [`${role} @holder`, role, unit],
      [`${role} @ancestor`, role, ref.samarinda],
      [`${role} @other`, role, other],
    ]),
  ];
  const signed = await Promise.all(plan.map(([label, role, inst, p]) => signedIn(t, label, role, inst, p)));
  const by = (label: string) => signed.find((c) => c.label === label)!;
  const none = { userId: null, roles: [], actors: [], programGrants: [] };
  const callers: AuthzCaller[] = [
    { label: 'anonymous', headers: {}, ...none },
    { label: 'guest (access code)', headers: { 'x-access-code': ACCESS_CODE }, guest: 'own', ...none },
    { label: 'guest (wrong code)', headers: { 'x-access-code': WRONG_CODE }, guest: 'wrong', ...none },
    ...signed,
  ];

  // The regional apps: the holder's, and another institution's; each key a caller acting as `integration`.
  for (const [where, inst, slug] of [
    ['holder', unit, 'authz-holder'],
    ['other', other, 'authz-other'],
  ] as const) {
    const developer = by(`developer @${where}`).headers;
    const app = await registerApp(t, developer, inst, slug);
    const { key } = await createKey(t, developer, app.id, {
      permissions: KEY_PERMISSIONS,
      rateLimit: 100_000,
    });
    // The first use of a key stamps its last use: done here, so the matrix's refusals find nothing to stamp.
    await t.app.request('/api/health', { headers: { authorization: `Bearer ${key}` } });
    callers.push({
      label: `api key @${where}`,
      headers: { authorization: `Bearer ${key}` },
      userId: null,
      roles: ['integration'],
      actors: [{ id: `app:${app.id}`, role: 'integration', institutionId: String(inst) }],
      programGrants: [],
      key: { appId: app.id, institutionId: inst, raw: key },
    });
  }

  const json = (headers: Record<string, string>) => async (method: string, path: string, body?: unknown) => {
    const res = await t.app.request(path, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const asAdmin = json(by('national_admin').headers);
  const asDeveloper = json(by('developer @holder').headers);
  const appId = callers.find((c) => c.label === 'api key @holder')!.key!.appId;
  const endpoint = await asDeveloper('POST', `/api/v1/integration/apps/${appId}/webhooks`, {
    url: 'https://hooks.example.id/pintu',
    eventTypes: ['report.status_changed'],
  });
  const delivery = await asDeveloper('POST', `/api/v1/integration/webhooks/${endpoint.id}/test`);

  const reporter = by('citizen (reporter)').userId!;
  const state = inProgressAt(t, holder, reporter, by('facilitator (filer)').userId!);
  const photo = async () => {
    const res = await t.upload(uploadForm(await jpegWithGps(), 'foto.jpg', 'image/jpeg'));
    return String((await res.json()).id);
  };
  const store = async (kind: ReportKind) => {
    const s = secretsOf(kind);
    const attachmentId = await photo();
    const { trackingId } = await storeReportState(db, state, {
      categoryId: ref.roads,
      accessCode: ACCESS_CODE,
      isAnonymous: kind === 'anonymous',
      isConfidential: kind === 'confidential',
      reporterSealed: t.deps.sealer.seal({ name: s.name, email: s.email, phone: s.phone }),
      reporterAccountId: reporter,
      title: `Pungutan liar di loket ${s.text}`,
      body: `Petugas loket meminta uang tambahan ${s.text} untuk mempercepat surat keterangan usaha kami.`,
      attachmentIds: [attachmentId],
      at: WORLD_NOW,
    });
    return {
      kind,
      trackingId,
      attachmentId,
      subject: { holder, reporterId: reporter, facilitatorId: state.facilitatorId },
      secrets: s,
    };
  };
  const reports = {} as Record<ReportKind, WorldReport>;
  for (const kind of REPORT_KINDS) reports[kind] = await store(kind);

  // An in-app notification of the reporter's, as the delivery worker leaves it.
  const outbox = await db.execute(sql`insert into notification_outbox (idempotency_key, report_id, event_seq,
      recipient_kind, recipient_user_id, audience_role, channel, template, payload, status, next_attempt_at, created_at)
    select 'authz-notice', id, 1, 'user', ${reporter}, 'reporter', 'in_app', 'follow_up_posted', '{}'::jsonb, 'sent',
      ${WORLD_NOW.toISOString()}, ${WORLD_NOW.toISOString()} from reports where tracking_id = ${reports.normal.trackingId}
    returning id`);
  const notice =
    await db.execute(sql`insert into notifications (user_id, outbox_id, tracking_id, template, title,
      body, created_at)
    values (${reporter}, ${(outbox.rows[0] as { id: number }).id}, ${reports.normal.trackingId}, 'follow_up_posted',
      'Tindak lanjut', 'Ada tindak lanjut laporan Anda.', ${WORLD_NOW.toISOString()}) returning id`);

  await dumpOpenData({
    openData: t.deps.openData,
    dir: openDataConfig.dir,
    secret: openDataConfig.cellKeySecret,
    now: WORLD_NOW,
    baseUrl: t.publicUrl,
    publisher: 'Pintu (uji)',
    contactEmail: openDataConfig.contactEmail,
  });

  const programCode = 'uji-authz';
  await asAdmin('POST', '/api/v1/admin/programs', programConfig(programCode, ref.roads));

  return {
    t,
    callers,
    reports,
    ids,
    subjects,
    app: { id: appId, endpointId: String(endpoint.id), deliveryId: String(delivery.id) },
    notificationId: Number((notice.rows[0] as { id: number }).id),
    programCode,
    freshReport: async (kind) => (await store(kind)).trackingId,
    asAdmin,
    asDeveloper,
  };
}

/** A valid program owned by the province and located in Samarinda (programs-admin.test.ts). */
export function programConfig(code: string, categoryId: number) {
  return {
    code,
    name: `Program uji ${code}`,
    ownerCode: 'pemprov-64',
    areaRegionCodes: ['64.72'],
    categories: [{ code: 'jalan', name: 'Jalan desa', categoryId }],
    fields: [{ key: 'dusun', label: 'Dusun', type: 'text', required: true }],
    levels: [
      { level: 'village', handler: { kind: 'village_unit' }, deadlineDays: 10 },
      { level: 'regency', handler: { kind: 'regional_government' }, deadlineDays: 10 },
    ],
  };
}
