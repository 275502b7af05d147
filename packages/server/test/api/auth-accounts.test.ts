/**
 * Citizen accounts: registration with e-mail verification over real SMTP, sign-in, password reset, /api/v1/me,
 * the login audit and sign-in rate limiting.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieOf, signInAs } from '../support/sessions';
import { firstLink } from '../support/smtp';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let origin: string;
beforeAll(async () => {
  t = await startTestApp();
  origin = new URL(t.publicUrl).origin;
});
afterAll(() => t.close());

const signUp = (body: Record<string, unknown>) => t.post('/api/auth/sign-up/email', body, { origin });
const signIn = (email: string, password: string, ip = '203.0.113.7') =>
  t.post('/api/auth/sign-in/email', { email, password }, { origin, 'x-forwarded-for': ip });
/** Follows a link from an e-mail inside the app (its path and query). */
const follow = (link: string) => {
  const u = new URL(link);
  return t.app.request(`${u.pathname}${u.search}`, { headers: { origin } });
};

async function auditRows(emailOrUserId: string) {
  const res = await t.database.db.execute(sql`select a.outcome, a.method, a.ip, a.user_agent as "userAgent",
      a.user_id as "userId", a.email_hash as "emailHash"
    from login_audit a left join users u on u.id = a.user_id
    where u.email = ${t.deps.auth.accountCipher.indexEmail(emailOrUserId)} or a.user_id = ${emailOrUserId} or a.email_hash = ${t.deps.auth.hashEmail(emailOrUserId)}
    order by a.id`);
  return res.rows as {
    outcome: string;
    method: string;
    ip: string | null;
    userAgent: string | null;
    userId: string | null;
    emailHash: string;
  }[];
}

describe('citizen registration', () => {
  const email = 'Budi.Santoso@Example.com';
  const password = 'jalan-berlubang-42';

  it('sends a verification mail in Indonesian over SMTP; sign-in works only after the link is followed', async () => {
    const res = await signUp({ name: 'Budi Santoso', email, password, phone: '081234567890' });
    expect(res.status).toBe(200);

    const mail = await t.mail.waitFor((m) => m.to.includes('budi.santoso@example.com'));
    expect(mail.subject).toBe('Verifikasi alamat e-mail Anda di Pintu');
    expect(mail.text).toContain('Halo Budi Santoso');
    expect(mail.text).toContain('Terima kasih telah mendaftar di Pintu');
    expect(mail.html).toContain('<a href="http://localhost:3000/api/auth/verify-email?token=');
    const link = firstLink(mail);
    expect(link.startsWith('http://localhost:3000/api/auth/verify-email?token=')).toBe(true);

    const before = await signIn(email, password);
    expect(before.status).toBe(403);
    expect((await before.json()).code).toBe('EMAIL_NOT_VERIFIED');
    expect(sessionCookieOf(before)).toBeNull();

    const verified = await follow(link);
    expect([200, 302]).toContain(verified.status);

    const after = await signIn(email, password);
    expect(after.status).toBe(200);
    const cookie = sessionCookieOf(after);
    expect(cookie).toMatch(/^pintu\.session_token=/);
    const setCookie = after.headers.getSetCookie().find((c) => c.startsWith('pintu.session_token='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // PUBLIC_URL is http here

    const me = await t.get('/api/v1/me', { cookie: cookie! });
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({
      name: 'Budi Santoso',
      email: 'budi.santoso@example.com',
      emailVerified: true,
      phone: '081234567890',
      language: 'id',
      mustChangePassword: false,
      twoFactorEnabled: false,
      grants: [{ role: 'citizen', institutionId: null, institutionName: null }],
      permissions: [],
    });
  });

  it('audits the failed and the successful sign-in with address and user agent', async () => {
    const rows = await auditRows('budi.santoso@example.com');
    expect(rows.map((r) => r.outcome)).toEqual(['email_not_verified', 'success']);
    for (const r of rows) {
      expect(r.method).toBe('password');
      expect(r.ip).toBe('203.0.113.7');
      expect(r.userId).not.toBeNull();
      expect(r.emailHash).toBe(t.deps.auth.hashEmail(email));
      expect(r.emailHash).not.toContain('budi');
    }
  });

  it('writes English mails for an account whose language is en', async () => {
    const res = await signUp({ name: 'Jane Doe', email: 'jane@example.com', password, language: 'en' });
    expect(res.status).toBe(200);
    const mail = await t.mail.waitFor((m) => m.to.includes('jane@example.com'));
    expect(mail.subject).toBe('Verify your e-mail address for Pintu');
    expect(mail.text).toContain('Hello Jane Doe');
  });

  it('refuses a short password and a malformed phone number', async () => {
    expect((await signUp({ name: 'A', email: 'short@example.com', password: 'pendek' })).status).toBe(400);
    const bad = await signUp({ name: 'A', email: 'phone@example.com', password, phone: 'call me' });
    expect(bad.status).toBe(400);
  });
});

describe('password reset', () => {
  it('mails a reset link in Indonesian; the new password works and the old one no longer does', async () => {
    const who = await signInAs(t, { role: 'citizen', email: 'siti@example.com' });
    const req = await t.post(
      '/api/auth/request-password-reset',
      { email: 'siti@example.com', redirectTo: 'http://localhost:3000/atur-ulang-sandi' },
      { origin },
    );
    expect(req.status).toBe(200);
    const mail = await t.mail.waitFor(
      (m) => m.to.includes('siti@example.com') && /kata sandi/i.test(m.subject),
    );
    expect(mail.subject).toBe('Atur ulang kata sandi Pintu Anda');
    expect(mail.text).toContain('Buka tautan berikut dalam 1 jam');
    const link = firstLink(mail);

    // The link checks the token and sends the browser to the web app's page with it.
    const landing = await follow(link);
    expect(landing.status).toBe(302);
    const target = new URL(landing.headers.get('location')!);
    expect(target.origin + target.pathname).toBe('http://localhost:3000/atur-ulang-sandi');
    const token = target.searchParams.get('token')!;
    expect(token).toBeTruthy();

    const reset = await t.post(
      '/api/auth/reset-password',
      { token, newPassword: 'sandi-baru-yang-panjang' },
      { origin },
    );
    expect(reset.status).toBe(200);
    // Resetting ends the sessions that were open.
    expect((await t.get('/api/v1/me', { cookie: who.headers.cookie })).status).toBe(401);
    expect((await signIn('siti@example.com', who.password, '198.51.100.1')).status).toBe(401);
    expect((await signIn('siti@example.com', 'sandi-baru-yang-panjang', '198.51.100.1')).status).toBe(200);
    // The token is single-use.
    const again = await t.post(
      '/api/auth/reset-password',
      { token, newPassword: 'lagi-sandi-lain-123' },
      { origin },
    );
    expect(again.status).toBe(400);
  });

  it('answers the same for an unknown e-mail and sends nothing', async () => {
    const before = t.mail.messages.length;
    const res = await t.post('/api/auth/request-password-reset', { email: 'nobody@example.com' }, { origin });
    expect(res.status).toBe(200);
    expect(t.mail.to('nobody@example.com')).toHaveLength(0);
    expect(t.mail.messages.length).toBe(before);
  });
});

describe('sessions and /api/v1/me', () => {
  it('answers 401 problem+json without a session, and with a forged cookie', async () => {
    const anon = await t.get('/api/v1/me');
    expect(anon.status).toBe(401);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    expect((await anon.json()).code).toBe('UNAUTHENTICATED');
    const who = await signInAs(t, { role: 'citizen' });
    const [name, value] = who.headers.cookie.split('=') as [string, string];
    const forged = `${name}=${encodeURIComponent(`${decodeURIComponent(value).split('.')[0]}x.AAAA`)}`;
    expect((await t.get('/api/v1/me', { cookie: forged })).status).toBe(401);
  });

  it('shows grants with institution names and permissions', async () => {
    const inst = await t.database.db.execute(
      sql`select id, name, code from institutions where code = 'pemda-64.72'`,
    );
    const { id, name } = inst.rows[0] as { id: number; name: string };
    const coordinator = await signInAs(t, { role: 'coordinator', institutionId: id });
    const me = await (await t.get('/api/v1/me', coordinator.headers)).json();
    expect(me.grants).toEqual([
      { role: 'coordinator', institutionId: id, institutionName: name, institutionCode: 'pemda-64.72' },
    ]);
    const admin = await signInAs(t, { role: 'national_admin', permissions: ['reveal_identity'] });
    const adminMe = await (await t.get('/api/v1/me', admin.headers)).json();
    expect(adminMe.permissions).toEqual(['reveal_identity']);
  });

  it('extends a session once a day while it is used, and refuses an expired one', async () => {
    const who = await signInAs(t, { role: 'citizen' });
    const expiry = sql`(select expires_at from sessions where user_id = ${who.userId})`;
    // Last extended two days ago: due.
    await t.database.db.execute(
      sql`update sessions set expires_at = now() + interval '5 days' where user_id = ${who.userId}`,
    );
    const res = await t.get('/api/v1/me', who.headers);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('pintu.session_token='))).toBe(true);
    const left = await t.database.db.execute(
      sql`select extract(epoch from ${expiry} - now()) / 86400 as days`,
    );
    expect(Number((left.rows[0] as { days: number }).days)).toBeGreaterThan(6.9);
    // Fresh again: no cookie on the next call.
    expect((await t.get('/api/v1/me', who.headers)).headers.getSetCookie()).toEqual([]);

    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${who.userId}`,
    );
    expect((await t.get('/api/v1/me', who.headers)).status).toBe(401);
  });

  it('signs out: the session cookie no longer works', async () => {
    const who = await signInAs(t, { role: 'citizen' });
    const out = await t.post('/api/auth/sign-out', {}, who.headers);
    expect(out.status).toBe(200);
    expect((await t.get('/api/v1/me', { cookie: who.headers.cookie })).status).toBe(401);
  });
});

describe('sign-in rate limiting', () => {
  it('allows 5 attempts per minute per address and e-mail, then answers 429; other e-mails go on', async () => {
    const who = await signInAs(t, { role: 'citizen', email: 'ratelimit@example.com' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signIn('ratelimit@example.com', 'salah-sandi-123', '192.0.2.50')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password waits out the window.
    const blocked = await signIn('ratelimit@example.com', who.password, '192.0.2.50');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('x-retry-after'))).toBeGreaterThan(0);
    // Another citizen behind the same address (carrier-grade NAT) is not locked out.
    const other = await signInAs(t, { role: 'citizen' });
    expect((await signIn(other.email, other.password, '192.0.2.50')).status).toBe(200);
    // Every attempt, the refused ones too, is in the audit.
    const outcomes = (await auditRows('ratelimit@example.com'))
      .filter((r) => r.ip === '192.0.2.50')
      .map((r) => r.outcome);
    expect(outcomes).toEqual([...Array(5).fill('invalid_credentials'), 'rate_limited', 'rate_limited']);
  });
});
