/**
 * Staff accounts: created by an admin of the parent scope with a one-time password mailed over SMTP, which must be
 * changed first; listed per subtree; deactivated.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, ensureDemoUnits, seedDemoAccounts } from '../../src/db/seed/demo-accounts';
import { type SignedIn, sessionCookieOf, signInAs, signInWithPassword } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: SignedIn;
/** Pemerintah Kota Samarinda, its public-works unit, and Pemerintah Kota Jayapura. */
let samarinda: number;
let pupr: number;
let jayapura: number;

const idOf = async (code: string) =>
  Number(
    (
      (await t.database.db.execute(sql`select id from institutions where code = ${code}`)).rows[0] as {
        id: number;
      }
    ).id,
  );

beforeAll(async () => {
  t = await startTestApp();
  await ensureDemoUnits(t.database.db);
  samarinda = await idOf('pemda-64.72');
  pupr = await idOf('pemda-64.72.pupr');
  jayapura = await idOf('pemda-91.71');
  admin = await signInAs(t, { role: 'national_admin' });
});
afterAll(() => t.close());

const createStaff = (who: { headers: Record<string, string> }, body: Record<string, unknown>) =>
  t.post('/api/v1/staff', body, who.headers);
const oneTimePasswordIn = (text: string) =>
  /(?:Kata sandi sekali pakai|One-time password): (\S+)/.exec(text)?.[1];

describe('the national admin', () => {
  it('creates the coordinator of a top-level institution; the one-time password arrives in Indonesian', async () => {
    const res = await createStaff(admin, {
      name: 'Rina Koordinator',
      email: 'rina@samarindakota.go.id',
      role: 'coordinator',
      institutionId: samarinda,
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      name: 'Rina Koordinator',
      email: 'rina@samarindakota.go.id',
      active: true,
      mustChangePassword: true,
      grants: [
        { role: 'coordinator', institutionId: samarinda, institutionName: 'Pemerintah Kota Samarinda' },
      ],
    });

    const mail = await t.mail.waitFor((m) => m.to.includes('rina@samarindakota.go.id'));
    expect(mail.subject).toBe('Akun petugas Pintu Anda');
    expect(mail.text).toContain('sebagai Admin Koordinator di Pemerintah Kota Samarinda');
    expect(mail.text).toContain('http://localhost:3000/');
    const otp = oneTimePasswordIn(mail.text)!;
    expect(otp).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    // The password travels by e-mail only: not in the response, and only as an argon2id hash in the database.
    expect(JSON.stringify(body)).not.toContain(otp);
    const stored = await t.database.db.execute(
      sql`select password from accounts where user_id = ${body.userId} and provider_id = 'credential'`,
    );
    expect((stored.rows[0] as { password: string }).password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('creates national roles; an institution role without an institution is refused field by field', async () => {
    const oversight = await createStaff(admin, {
      name: 'Ombudsman RI',
      email: 'pengawas@ombudsman.go.id',
      role: 'oversight',
    });
    expect(oversight.status).toBe(201);
    const missing = await createStaff(admin, {
      name: 'Tanpa Instansi',
      email: 'x@example.com',
      role: 'liaison_officer',
    });
    expect(missing.status).toBe(422);
    expect((await missing.json()).errors[0].field).toBe('institutionId');
    const dup = await createStaff(admin, {
      name: 'Rina Lagi',
      email: 'RINA@samarindakota.go.id',
      role: 'leadership',
      institutionId: samarinda,
    });
    expect(dup.status).toBe(409);
  });
});

describe('a new staff account', () => {
  it('must change the one-time password before anything else in /api/v1', async () => {
    const mail = await t.mail.waitFor((m) => m.to.includes('rina@samarindakota.go.id'));
    const otp = oneTimePasswordIn(mail.text)!;
    const rina = await signInWithPassword(t, 'rina@samarindakota.go.id', otp);

    const me = await t.get('/api/v1/me', rina);
    expect(me.status).toBe(200);
    expect((await me.json()).mustChangePassword).toBe(true);
    const blocked = await t.get('/api/v1/staff', rina);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const blockedPost = await createStaff(
      { headers: rina },
      {
        name: 'Operator',
        email: 'op@samarindakota.go.id',
        role: 'unit_operator',
        institutionId: samarinda,
      },
    );
    expect(blockedPost.status).toBe(403);
    expect((await blockedPost.json()).code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Every other /api/v1 call with this session, reads included, waits for the new password.
    expect((await t.get('/api/v1/reports', rina)).status).toBe(403);

    const changed = await t.post(
      '/api/auth/change-password',
      { currentPassword: otp, newPassword: 'sandi-rina-sendiri-2026', revokeOtherSessions: true },
      rina,
    );
    expect(changed.status).toBe(200);
    const cookie = sessionCookieOf(changed) ?? rina.cookie;
    const after = await t.get('/api/v1/staff', { cookie });
    expect(after.status).toBe(200);
    expect((await (await t.get('/api/v1/me', { cookie })).json()).mustChangePassword).toBe(false);
    // The one-time password is gone.
    await expect(signInWithPassword(t, 'rina@samarindakota.go.id', otp)).rejects.toThrow(/401/);
  });
});

describe('a coordinator', () => {
  let coordinator: SignedIn;
  beforeAll(async () => {
    coordinator = await signInAs(t, { role: 'coordinator', institutionId: samarinda });
  });

  it('creates staff for its own institution and for units below it', async () => {
    const own = await createStaff(coordinator, {
      name: 'Andi Operator',
      email: 'andi@samarindakota.go.id',
      role: 'unit_operator',
      institutionId: samarinda,
    });
    expect(own.status).toBe(201);
    const unit = await createStaff(coordinator, {
      name: 'Dewi Penghubung',
      email: 'dewi@pupr.samarindakota.go.id',
      role: 'liaison_officer',
      institutionId: pupr,
      language: 'en',
    });
    expect(unit.status).toBe(201);
    const mail = await t.mail.waitFor((m) => m.to.includes('dewi@pupr.samarindakota.go.id'));
    expect(mail.subject).toBe('Your Pintu staff account');
    expect(mail.text).toContain('as Liaison officer of Dinas Pekerjaan Umum dan Penataan Ruang');
    const unitCoordinator = await createStaff(coordinator, {
      name: 'Koordinator Unit',
      email: 'kunit@pupr.samarindakota.go.id',
      role: 'coordinator',
      institutionId: pupr,
    });
    expect(unitCoordinator.status).toBe(201);
  });

  it('is refused another coordinator of its own institution, other institutions and national roles', async () => {
    const cases = [
      { role: 'coordinator', institutionId: samarinda },
      { role: 'liaison_officer', institutionId: jayapura },
      { role: 'national_admin' },
      { role: 'oversight' },
    ];
    for (const [i, c] of cases.entries()) {
      const res = await createStaff(coordinator, { name: 'Ditolak', email: `ditolak${i}@example.com`, ...c });
      expect(res.status, JSON.stringify(c)).toBe(403);
      expect((await res.json()).code).toBe('NOT_ALLOWED');
    }
    const indexes = cases.map((_, i) => t.deps.auth.accountCipher.indexEmail(`ditolak${i}@example.com`));
    const count = await t.database.db.execute(
      sql`select count(*)::int as n from users where email = any(${`{${indexes.join(',')}}`}::text[])`,
    );
    expect((count.rows[0] as { n: number }).n).toBe(0);
  });

  it('lists the staff of its subtree only', async () => {
    const jayapuraStaff = await createStaff(admin, {
      name: 'Yohanes Koordinator',
      email: 'yohanes@jayapurakota.go.id',
      role: 'coordinator',
      institutionId: jayapura,
    });
    expect(jayapuraStaff.status).toBe(201);
    const res = await t.get('/api/v1/staff', coordinator.headers);
    expect(res.status).toBe(200);
    const page = await res.json();
    const emails = page.items.map((s: { email: string }) => s.email);
    expect(emails).toEqual(
      expect.arrayContaining([
        'andi@samarindakota.go.id',
        'dewi@pupr.samarindakota.go.id',
        'rina@samarindakota.go.id',
      ]),
    );
    expect(emails).not.toContain('yohanes@jayapurakota.go.id');
    expect(emails).not.toContain('pengawas@ombudsman.go.id');
    expect(page.total).toBe(page.items.length);

    const unitOnly = await (await t.get(`/api/v1/staff?institutionId=${pupr}`, coordinator.headers)).json();
    expect(unitOnly.items.map((s: { email: string }) => s.email).sort()).toEqual([
      'dewi@pupr.samarindakota.go.id',
      'kunit@pupr.samarindakota.go.id',
    ]);
    expect((await t.get(`/api/v1/staff?institutionId=${jayapura}`, coordinator.headers)).status).toBe(403);
    const all = await (await t.get('/api/v1/staff?pageSize=100', admin.headers)).json();
    expect(all.items.map((s: { email: string }) => s.email)).toEqual(
      expect.arrayContaining([
        'yohanes@jayapurakota.go.id',
        'pengawas@ombudsman.go.id',
        'andi@samarindakota.go.id',
      ]),
    );
  });

  it('deactivates staff of its subtree: their session ends and they cannot sign in', async () => {
    const dewi = await signInAs(t, {
      role: 'liaison_officer',
      institutionId: pupr,
      email: 'dewi2@pupr.samarindakota.go.id',
    });
    expect((await t.get('/api/v1/me', dewi.headers)).status).toBe(200);
    const res = await t.app.request(`/api/v1/staff/${dewi.userId}`, {
      method: 'DELETE',
      headers: coordinator.headers,
    });
    expect(res.status).toBe(204);
    expect((await t.get('/api/v1/me', dewi.headers)).status).toBe(401);
    await expect(signInWithPassword(t, dewi.email, dewi.password)).rejects.toThrow(/403/);
    const listed = await (await t.get(`/api/v1/staff?institutionId=${pupr}`, coordinator.headers)).json();
    expect(listed.items.find((s: { userId: string }) => s.userId === dewi.userId).active).toBe(false);

    const other = await signInAs(t, { role: 'coordinator', institutionId: jayapura });
    const refused = await t.app.request(`/api/v1/staff/${other.userId}`, {
      method: 'DELETE',
      headers: coordinator.headers,
    });
    expect(refused.status).toBe(403);
    expect((await t.get('/api/v1/me', other.headers)).status).toBe(200);
    const self = await t.app.request(`/api/v1/staff/${coordinator.userId}`, {
      method: 'DELETE',
      headers: coordinator.headers,
    });
    expect(self.status).toBe(409);
  });
});

describe('everyone else', () => {
  it('gets 403 (signed in without the scope) or 401 (not signed in)', async () => {
    const liaison = await signInAs(t, { role: 'liaison_officer', institutionId: pupr });
    const body = {
      name: 'Operator Baru',
      email: 'baru@example.com',
      role: 'unit_operator',
      institutionId: pupr,
    };
    expect((await createStaff(liaison, body)).status).toBe(403);
    expect((await t.get('/api/v1/staff', liaison.headers)).status).toBe(403);
    const citizen = await signInAs(t, { role: 'citizen' });
    expect((await createStaff(citizen, body)).status).toBe(403);
    const oversight = await signInAs(t, { role: 'oversight' });
    expect((await createStaff(oversight, body)).status).toBe(403);
    const guest = await t.post('/api/v1/staff', body);
    expect(guest.status).toBe(401);
    expect(t.mail.to('baru@example.com')).toHaveLength(0);
  });
});

describe('the demo accounts', () => {
  it('are created once, sign in with the demo password, and sit on the demo units', async () => {
    const first = await seedDemoAccounts(t.database.db, t.deps.auth);
    expect(first.added).toBe(16); // 12, and the FCPF-CF program's village, city and owner staff (docs/programs.md)
    expect((await seedDemoAccounts(t.database.db, t.deps.auth)).added).toBe(0);
    const units =
      await t.database.db.execute(sql`select u.path, u.kind, u.time_zone as tz, u.region_code as region,
        p.id as "parentId", p.path as "parentPath", p.time_zone as "parentTz"
      from institutions u join institutions p on p.id = u.parent_id where u.code like '%.pupr' order by u.code`);
    expect(units.rows).toHaveLength(2);
    for (const u of units.rows as {
      path: number[];
      kind: string;
      tz: string;
      parentPath: number[];
      parentTz: string;
    }[]) {
      expect(u.kind).toBe('unit');
      expect(u.tz).toBe(u.parentTz);
      expect(u.path.slice(0, -1)).toEqual(u.parentPath);
    }
    const liaison = await signInWithPassword(t, 'penghubung.pupr.samarinda@pintu.example', DEMO_PASSWORD);
    const me = await (await t.get('/api/v1/me', liaison)).json();
    expect(me).toMatchObject({
      mustChangePassword: false,
      grants: [{ role: 'liaison_officer', institutionId: pupr }],
    });
    const adminMe = await (
      await t.get('/api/v1/me', await signInWithPassword(t, 'admin@pintu.example', DEMO_PASSWORD))
    ).json();
    expect(adminMe.permissions).toEqual(['reveal_identity']);
  });
});
