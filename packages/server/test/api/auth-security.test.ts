/**
 * Session security: CSRF protection of cookie-authenticated requests (ours and better-auth's), TOTP two-factor
 * sign-in with its audit, and Secure cookies behind https.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoUnits } from '../../src/db/seed/demo-accounts';
import { cookiesOf, type SignedIn, sessionCookieOf, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let samarinda: number;
let coordinator: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  await ensureDemoUnits(t.database.db);
  const row = await t.database.db.execute(sql`select id from institutions where code = 'pemda-64.72'`);
  samarinda = Number((row.rows[0] as { id: number }).id);
  coordinator = await signInAs(t, { role: 'coordinator', institutionId: samarinda });
});
afterAll(() => t.close());

const newStaff = (email: string) => ({
  name: 'Staf Baru',
  email,
  role: 'unit_operator',
  institutionId: samarinda,
});
const usersWith = async (email: string) =>
  Number(
    (
      (
        await t.database.db.execute(
          sql`select count(*)::int as n from users where email = ${t.deps.auth.accountCipher.indexEmail(email)}`,
        )
      ).rows[0] as { n: number }
    ).n,
  );

describe('CSRF', () => {
  it('refuses a cookie-authenticated POST from a foreign origin with 403 problem+json, and changes nothing', async () => {
    const res = await t.post('/api/v1/staff', newStaff('csrf1@example.com'), {
      cookie: coordinator.headers.cookie,
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).code).toBe('CSRF_REJECTED');
    expect(await usersWith('csrf1@example.com')).toBe(0);
    expect(t.mail.to('csrf1@example.com')).toHaveLength(0);
  });

  it('refuses one with neither Origin nor Referer, and one whose Referer is foreign', async () => {
    const none = await t.post('/api/v1/staff', newStaff('csrf2@example.com'), {
      cookie: coordinator.headers.cookie,
    });
    expect(none.status).toBe(403);
    const referer = await t.post('/api/v1/staff', newStaff('csrf2@example.com'), {
      cookie: coordinator.headers.cookie,
      referer: 'https://evil.example/form.html',
    });
    expect(referer.status).toBe(403);
    const del = await t.app.request(`/api/v1/staff/${coordinator.userId}`, {
      method: 'DELETE',
      headers: { cookie: coordinator.headers.cookie, origin: 'null' },
    });
    expect(del.status).toBe(403);
    expect(await usersWith('csrf2@example.com')).toBe(0);
  });

  it('accepts the trusted origin, or a Referer from it', async () => {
    const viaOrigin = await t.post('/api/v1/staff', newStaff('csrf3@example.com'), coordinator.headers);
    expect(viaOrigin.status).toBe(201);
    const viaReferer = await t.post('/api/v1/staff', newStaff('csrf4@example.com'), {
      cookie: coordinator.headers.cookie,
      referer: 'http://localhost:3000/admin/staf',
    });
    expect(viaReferer.status).toBe(201);
  });

  it('leaves requests without the session cookie alone (guests, API clients)', async () => {
    const guest = await t.post('/api/v1/reports', { type: 'complaint' }, { origin: 'https://evil.example' });
    expect(guest.status).toBe(422); // validated as usual, not refused as CSRF
    // A GET never changes anything and is not checked.
    expect(
      (await t.get('/api/v1/me', { ...coordinator.headers, origin: 'https://evil.example' })).status,
    ).toBe(200);
  });

  it('better-auth refuses its own cookie-authenticated routes from a foreign origin', async () => {
    const who = await signInAs(t, { role: 'citizen' });
    const out = await t.post(
      '/api/auth/sign-out',
      {},
      { cookie: who.headers.cookie, origin: 'https://evil.example' },
    );
    expect(out.status).toBe(403);
    expect((await t.get('/api/v1/me', who.headers)).status).toBe(200);
    const enable = await t.post(
      '/api/auth/two-factor/enable',
      { password: who.password },
      { cookie: who.headers.cookie, origin: 'https://evil.example' },
    );
    expect(enable.status).toBe(403);
  });
});

// RFC 6238 TOTP, written out here so the test checks what any authenticator app would compute.
function base32Decode(s: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of s.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes = bits.match(/.{8}/g) ?? [];
  return Buffer.from(bytes.map((b) => Number.parseInt(b, 2)));
}
function totp(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const h = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const o = h[h.length - 1]! & 0xf;
  const n = ((h[o]! & 0x7f) << 24) | (h[o + 1]! << 16) | (h[o + 2]! << 8) | h[o + 3]!;
  return String(n % 1_000_000).padStart(6, '0');
}

describe('TOTP', () => {
  it('is enabled with a code from an authenticator; sign-in then needs the code, and every step is audited', async () => {
    const who = await signInAs(t, { role: 'liaison_officer', institutionId: samarinda });
    const enable = await t.post('/api/auth/two-factor/enable', { password: who.password }, who.headers);
    expect(enable.status).toBe(200);
    const { totpURI, backupCodes } = await enable.json();
    const uri = new URL(totpURI);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('Pintu');
    expect(backupCodes.length).toBeGreaterThan(0);
    const secret = uri.searchParams.get('secret')!;

    const confirm = await t.post('/api/auth/two-factor/verify-totp', { code: totp(secret) }, who.headers);
    expect(confirm.status).toBe(200);
    const cookie = sessionCookieOf(confirm) ?? who.headers.cookie;
    const me = await (await t.get('/api/v1/me', { cookie })).json();
    expect(me.twoFactorEnabled).toBe(true);

    // Password alone is no longer a session.
    const origin = who.headers.origin;
    const first = await t.post(
      '/api/auth/sign-in/email',
      { email: who.email, password: who.password },
      { origin, 'x-forwarded-for': '198.51.100.20' },
    );
    expect(first.status).toBe(200);
    expect((await first.json()).twoFactorRedirect).toBe(true);
    expect(sessionCookieOf(first)).toBeNull();
    const challenge = cookiesOf(first);
    expect(challenge).toContain('pintu.two_factor=');

    const wrongCode = totp(secret) === '000000' ? '111111' : '000000';
    const wrong = await t.post(
      '/api/auth/two-factor/verify-totp',
      { code: wrongCode },
      {
        cookie: challenge,
        origin,
        'x-forwarded-for': '198.51.100.20',
      },
    );
    expect(wrong.status).toBe(401);
    expect(sessionCookieOf(wrong)).toBeNull();

    // The code that confirmed TOTP was used once already: sign-in takes the next step's (within the window).
    const nextCode = totp(secret, Date.now() + 30_000);
    const right = await t.post(
      '/api/auth/two-factor/verify-totp',
      { code: nextCode },
      {
        cookie: challenge,
        origin,
        'x-forwarded-for': '198.51.100.20',
      },
    );
    expect(right.status).toBe(200);
    const session = sessionCookieOf(right);
    expect(session).not.toBeNull();
    expect((await t.get('/api/v1/me', { cookie: session! })).status).toBe(200);

    const audit = await t.database.db.execute(sql`select method, outcome, ip from login_audit
      where user_id = ${who.userId} order by id`);
    expect(audit.rows.map((r) => `${r.method}:${r.outcome}`)).toEqual([
      'password:success', // signInAs
      'password:two_factor_required',
      'totp:invalid_credentials',
      'totp:success',
    ]);
    expect(audit.rows.slice(1).every((r) => r.ip === '198.51.100.20')).toBe(true);

    // A code that opened a session cannot open a second one (seen over a shoulder, relayed by a phishing page).
    const again = await t.post(
      '/api/auth/sign-in/email',
      { email: who.email, password: who.password },
      { origin, 'x-forwarded-for': '198.51.100.21' },
    );
    const replay = await t.post(
      '/api/auth/two-factor/verify-totp',
      { code: nextCode },
      { cookie: cookiesOf(again), origin, 'x-forwarded-for': '198.51.100.21' },
    );
    expect(replay.status).toBe(401);
    expect((await replay.json()).code).toBe('TOTP_CODE_REUSED');
    expect(sessionCookieOf(replay)).toBeNull();
  });
});

describe('cookies behind https', () => {
  it('are Secure (with the __Secure- prefix), httpOnly and SameSite=Lax', async () => {
    const https = await startTestApp({ publicUrl: 'https://pintu.example.go.id' });
    try {
      expect(https.deps.auth.cookies.session).toBe('__Secure-pintu.session_token');
      const who = await signInAs(https, { role: 'citizen' });
      expect(who.headers.origin).toBe('https://pintu.example.go.id');
      const res = await https.post(
        '/api/auth/sign-in/email',
        { email: who.email, password: who.password },
        { origin: who.headers.origin },
      );
      const set = res.headers.getSetCookie().find((c) => c.startsWith('__Secure-pintu.session_token='))!;
      expect(set).toMatch(/; Secure/i);
      expect(set).toMatch(/HttpOnly/i);
      expect(set).toMatch(/SameSite=Lax/i);
      expect((await https.get('/api/v1/me', who.headers)).status).toBe(200);
    } finally {
      await https.close();
    }
  });
});
