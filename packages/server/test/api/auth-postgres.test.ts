/**
 * The account flows on real PostgreSQL (when the run has one, support/test-db.ts): better-auth runs its writes in
 * transactions on a connection pool there, which PGlite's single connection does not show.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, signInWithPassword } from '../support/sessions';
import { firstLink } from '../support/smtp';
import { startTestApp, type TestApp } from '../support/test-app';
import { NO_POSTGRES, postgresOnly } from '../support/test-db';

describe.skipIf(NO_POSTGRES)(postgresOnly('accounts on PostgreSQL'), () => {
  let t: TestApp;
  let origin: string;
  beforeAll(async () => {
    t = await startTestApp({ engine: 'postgres' });
    origin = new URL(t.publicUrl).origin;
  });
  afterAll(() => t?.close());

  it('registers, verifies, signs in and holds the citizen grant', async () => {
    const password = 'sandi-postgres-123';
    const res = await t.post(
      '/api/auth/sign-up/email',
      { name: 'Warga PG', email: 'warga.pg@example.com', password },
      { origin },
    );
    expect(res.status).toBe(200);
    const link = new URL(firstLink(await t.mail.waitFor((m) => m.to.includes('warga.pg@example.com'))));
    expect([200, 302]).toContain((await t.app.request(`${link.pathname}${link.search}`)).status);
    const headers = await signInWithPassword(t, 'warga.pg@example.com', password);
    const me = await (await t.get('/api/v1/me', headers)).json();
    expect(me.grants).toEqual([
      { role: 'citizen', institutionId: null, institutionName: null, institutionCode: null },
    ]);
  });

  it('creates a staff account whose first password change lifts the gate', async () => {
    const admin = await signInAs(t, { role: 'national_admin' });
    const created = await t.post(
      '/api/v1/staff',
      { name: 'Pengawas PG', email: 'pengawas.pg@example.com', role: 'oversight' },
      admin.headers,
    );
    expect(created.status).toBe(201);
    const mail = await t.mail.waitFor((m) => m.to.includes('pengawas.pg@example.com'));
    const otp = /Kata sandi sekali pakai: (\S+)/.exec(mail.text)![1]!;
    const session = await signInWithPassword(t, 'pengawas.pg@example.com', otp);
    expect((await t.get('/api/v1/staff', session)).status).toBe(403);
    const changed = await t.post(
      '/api/auth/change-password',
      { currentPassword: otp, newPassword: 'sandi-pengawas-baru', revokeOtherSessions: true },
      session,
    );
    expect(changed.status).toBe(200);
    const again = await signInWithPassword(t, 'pengawas.pg@example.com', 'sandi-pengawas-baru');
    expect((await (await t.get('/api/v1/me', again)).json()).mustChangePassword).toBe(false);
  });
});
