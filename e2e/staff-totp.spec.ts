/** Staff sign-in with TOTP: once an account turns two-step on, the password alone is not enough. */
import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, staffLogin } from './staff-login';

// RFC 6238, as any authenticator app computes it.
function totp(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = (h[h.length - 1] ?? 0) & 0xf;
  const n = (((h[o] ?? 0) & 0x7f) << 24) | ((h[o + 1] ?? 0) << 16) | ((h[o + 2] ?? 0) << 8) | (h[o + 3] ?? 0);
  return String(n % 1_000_000).padStart(6, '0');
}

test('a staff member with TOTP on is asked for the authenticator code after the password', async ({
  page,
  browser,
  baseURL,
}) => {
  const email = 'penghubung.pupr.jayapura@pintu.example';
  await staffLogin(page, email);
  const origin = new URL(baseURL ?? page.url()).origin;
  const enable = await page.request.post('/api/auth/two-factor/enable', {
    data: { password: DEMO_PASSWORD },
    headers: { origin },
  });
  expect(enable.status()).toBe(200);
  const secret = new URL((await enable.json()).totpURI).searchParams.get('secret') ?? '';
  const confirm = await page.request.post('/api/auth/two-factor/verify-totp', {
    data: { code: totp(secret) },
    headers: { origin },
  });
  expect(confirm.status()).toBe(200);

  const context = await browser.newContext({ locale: 'id-ID' });
  const other = await context.newPage();
  await other.goto('/staff/login');
  await other.getByLabel('Email').fill(email);
  await other.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await other.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
  const code = other.getByLabel('Kode autentikator');
  await expect(code).toBeFocused();
  const wrong = [totp(secret), totp(secret, Date.now() + 30_000)].includes('000000') ? '111111' : '000000';
  await code.fill(wrong);
  await other.getByRole('button', { name: 'Verifikasi kode' }).click();
  await expect(other.getByRole('alert')).toContainText('Kode tidak cocok');
  // One code, one use (the server refuses a replay for two minutes): sign in with the next step's code, which the
  // server accepts as its window spans the steps either side.
  await code.fill(totp(secret, Date.now() + 30_000));
  await other.getByRole('button', { name: 'Verifikasi kode' }).click();
  await expect(other).toHaveURL(/\/staff$/);
  await expect(other.getByRole('heading', { level: 1, name: 'Kotak masuk' })).toBeVisible();
  await context.close();
});
