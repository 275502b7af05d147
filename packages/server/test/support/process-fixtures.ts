/**
 * Helpers of the tests that run Pintu as separate processes (test/integration): SQL straight into a server's
 * database, a staff account signed in over HTTP, a photo uploaded, bounded parallelism, and waiting for a condition.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import sharp from 'sharp';
import { expect } from 'vitest';
import { argon2id } from '../../src/auth/password';
import { createAccountCipher } from '../../src/security/account-cipher';
import { loadDataKey } from '../../src/security/seal';

/** Runs one statement on `dbUrl` over a connection of its own; its rows. */
export async function query<T extends pg.QueryResultRow>(
  dbUrl: string,
  text: string,
  values: unknown[] = [],
) {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

/** Runs `fn` over `items`, `n` at a time. */
export async function pool<T>(
  items: T[],
  n: number,
  fn: (item: T, i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      for (let i = next++; i < items.length; i = next++) await fn(items[i]!, i);
    }),
  );
}

/** Polls `fn` every 250 ms until it returns something truthy; fails after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | null | false>, ms = 180_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await fn();
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The headers a signed-in staff member sends: the session cookie and a trusted Origin (CSRF). */
export interface StaffHeaders extends Record<string, string> {
  cookie: string;
  origin: string;
}

/**
 * A verified staff account written straight into the server's database with one role grant, signed in over HTTP.
 * `origin` is one the server trusts (its PUBLIC_URL's); the e-mail is sealed and indexed with the key in the
 * server's `dataDir` (issue 16 §6), as the server itself writes accounts.
 */
export async function staffAccount(
  server: { dbUrl: string; url: string; origin: string; dataDir: string },
  role: string,
  institutionId: number | null,
): Promise<StaffHeaders> {
  const userId = `it-${role}-${randomBytes(6).toString('hex')}`;
  const email = `${userId}@pintu.test`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const cipher = createAccountCipher(loadDataKey(undefined, server.dataDir));
  await query(
    server.dbUrl,
    'insert into users (id, name, email, email_sealed, email_verified) values ($1, $2, $3, $4, true)',
    [userId, `Uji ${role}`, cipher.indexEmail(email), cipher.seal(email)],
  );
  await query(
    server.dbUrl,
    `insert into accounts (id, account_id, provider_id, user_id, password) values ($1, $2, 'credential', $2, $3)`,
    [`acc-${userId}`, userId, await argon2id.hash(password)],
  );
  await query(server.dbUrl, 'insert into role_grants (user_id, role, institution_id) values ($1, $2, $3)', [
    userId,
    role,
    institutionId,
  ]);
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.origin },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((x) => x.split(';')[0]!)
    .find((x) => x.includes('.session_token=') && !x.endsWith('='));
  expect(cookie).toBeTruthy();
  return { cookie: cookie!, origin: server.origin };
}

/** A small JPEG uploaded as a guest to the server at `url`; its attachment id. */
export async function uploadPhoto(url: string, n: number): Promise<string> {
  const photo = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: n % 256, g: 90, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('file', new File([new Uint8Array(photo)], `jalan-${n}.jpg`, { type: 'image/jpeg' }));
  const res = await fetch(`${url}/api/v1/attachments`, { method: 'POST', body: form });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
