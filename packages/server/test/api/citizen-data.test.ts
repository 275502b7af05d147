/**
 * A citizen's own data (UU PDP): a report filed while signed in is in "my reports" and opens in the reporter's view
 * without the access code; "download my data" holds the account, the identity given and the reporter's timeline
 * (no internal notes); "erase my identity" needs the password, keeps the reports pseudonymised and destroys the
 * account. A facilitator files for a villager: the villager stays a guest reporter, the facilitator is the filer.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs, signInWithPassword } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let citizen: SignedIn;
let other: SignedIn;
let mine: string;
let admin: SignedIn;

const IDENTITY = { name: 'Rahmat Hidayatullah', email: 'rahmat.hidayat@example.id', phone: '081255501234' };

beforeAll(async () => {
  t = await startTestApp();
  ids = await refIds(t.deps.db);
  citizen = await signInAs(t, { role: 'citizen', name: IDENTITY.name, email: IDENTITY.email });
  other = await signInAs(t, { role: 'citizen' });
  admin = await signInAs(t, { role: 'national_admin' });
  const res = await t.post(
    '/api/v1/reports',
    reportInput(ids.roads, { reporter: IDENTITY, isAnonymous: true }),
    citizen.headers,
  );
  expect(res.status).toBe(201);
  mine = (await res.json()).trackingId;
  // Staff add an internal note: the reporter's export must not contain it.
  const verify = await t.post(
    `/api/v1/reports/${mine}/actions`,
    { action: 'comment_internal', message: 'Catatan internal: cek ke lapangan.' },
    admin.headers,
  );
  expect(verify.status).toBe(200);
}, 60_000);

afterAll(() => t?.close());

describe('my reports', () => {
  it('lists the reports filed from the account, and only those', async () => {
    const guestFiled = await t.post('/api/v1/reports', reportInput(ids.roads));
    expect(guestFiled.status).toBe(201);
    const res = await t.get('/api/v1/me/reports', citizen.headers);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((r: { trackingId: string }) => r.trackingId)).toEqual([mine]);
    expect(body.items[0]).toMatchObject({
      status: 'submitted',
      isAnonymous: true,
      title: expect.any(String),
    });
    expect((await (await t.get('/api/v1/me/reports', other.headers)).json()).items).toEqual([]);
  });

  it('opens the report in the reporter view for its account, without the access code', async () => {
    const view = await (await t.get(`/api/v1/reports/${mine}`, citizen.headers)).json();
    expect(view.view).toBe('reporter');
    expect(view.reporter).toMatchObject({ name: IDENTITY.name });
    const stranger = await (await t.get(`/api/v1/reports/${mine}`, other.headers)).json();
    expect(stranger.view).toBe('public');
    expect(JSON.stringify(stranger)).not.toContain(IDENTITY.name);
  });

  it('needs a session', async () => {
    expect((await t.get('/api/v1/me/reports')).status).toBe(401);
    expect((await t.get('/api/v1/me/data')).status).toBe(401);
    expect((await t.post('/api/v1/me/erase', { password: 'x' })).status).toBe(401);
  });
});

describe('download my data', () => {
  it('holds the account, the identity given and the reporter timeline, as an attachment', async () => {
    const res = await t.get('/api/v1/me/data', citizen.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="pintu-data-saya-/);
    const data = await res.json();
    expect(data.account).toMatchObject({
      userId: citizen.userId,
      email: IDENTITY.email,
      name: IDENTITY.name,
    });
    expect(data.reports).toHaveLength(1);
    expect(data.reports[0]).toMatchObject({ trackingId: mine, reporter: IDENTITY, body: expect.any(String) });
    expect(data.reports[0].events.map((e: { type: string }) => e.type)).toEqual(['submitted']);
    expect(JSON.stringify(data)).not.toContain('Catatan internal');
  });
});

describe('erase my identity', () => {
  it('refuses a wrong password and changes nothing', async () => {
    const res = await t.post('/api/v1/me/erase', { password: 'not-the-password' }, citizen.headers);
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0]).toMatchObject({ field: 'password', code: 'wrong_password' });
    expect((await t.get('/api/v1/me/reports', citizen.headers)).status).toBe(200);
  });

  it('refuses staff accounts', async () => {
    const res = await t.post('/api/v1/me/erase', { password: admin.password }, admin.headers);
    expect(res.status).toBe(403);
  });

  it('keeps the report pseudonymised and destroys the account, its sessions and its sign-in', async () => {
    const res = await t.post('/api/v1/me/erase', { password: citizen.password }, citizen.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ erased: true, reportsPseudonymised: 1 });

    const row = await t.deps.db.execute(
      sql`select reporter_sealed, reporter_account_id, status from reports where tracking_id = ${mine}`,
    );
    expect(row.rows[0]).toEqual({ reporter_sealed: null, reporter_account_id: null, status: 'submitted' });
    const users = await t.deps.db.execute(
      sql`select count(*)::int as n from users where email = ${t.deps.auth.accountCipher.indexEmail(IDENTITY.email)}`,
    );
    expect(users.rows[0]).toEqual({ n: 0 });
    const sessions = await t.deps.db.execute(
      sql`select count(*)::int as n from sessions where user_id = ${citizen.userId}`,
    );
    expect(sessions.rows[0]).toEqual({ n: 0 });

    // The old cookie is worthless and the password signs in no more.
    expect((await t.get('/api/v1/me', citizen.headers)).status).toBe(401);
    await expect(signInWithPassword(t, IDENTITY.email, citizen.password)).rejects.toThrow(/sign-in/);

    // Staff still handle the report; its identity is gone from every view.
    const staffView = await (await t.get(`/api/v1/reports/${mine}`, admin.headers)).json();
    expect(staffView.trackingId).toBe(mine);
    const everything =
      JSON.stringify(staffView) +
      JSON.stringify(await (await t.get(`/api/v1/reports/${mine}/events`, admin.headers)).json());
    for (const needle of [IDENTITY.name, IDENTITY.email, IDENTITY.phone])
      expect(everything).not.toContain(needle);
  });
});

describe('facilitator mode', () => {
  it('files for a villager: a guest reporter with the access code, the facilitator recorded as the filer', async () => {
    const facilitator = await signInAs(t, { role: 'facilitator' });
    const res = await t.post(
      '/api/v1/reports',
      reportInput(ids.roads, { reporter: { name: 'Pak Warga Desa' } }),
      facilitator.headers,
    );
    expect(res.status).toBe(201);
    const { trackingId, accessCode } = await res.json();
    const villager = await (
      await t.get(`/api/v1/reports/${trackingId}`, { 'x-access-code': accessCode })
    ).json();
    expect(villager.view).toBe('reporter');
    const row = await t.deps.db.execute(sql`
      select r.reporter_account_id, r.lifecycle->>'facilitatorId' as "facilitatorId", e.actor_role as "role"
      from reports r join events e on e.report_id = r.id and e.seq = 1 where r.tracking_id = ${trackingId}`);
    expect(row.rows[0]).toEqual({
      reporter_account_id: null,
      facilitatorId: facilitator.userId,
      role: 'facilitator',
    });
    // Not the facilitator's own report.
    expect((await (await t.get('/api/v1/me/reports', facilitator.headers)).json()).items).toEqual([]);
  });
});
