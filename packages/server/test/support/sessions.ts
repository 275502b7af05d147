/**
 * Acting as any role in API tests: `signInAs` makes a verified account holding the grant (and permissions) directly
 * in the database, signs it in over HTTP like a browser would, and returns the headers to send: the session cookie
 * and a trusted Origin (needed by cookie-authenticated, state-changing requests).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Role } from '@pintu/core';
import { generateId } from 'better-auth';
import { accounts, permissions as permissionsTable, roleGrants, users } from '../../src/db/auth-schema';
import type { TestApp } from './test-app';

export interface SignInAs {
  role: Role;
  /** The institution the role is granted on; null or omitted for national roles and citizens. */
  institutionId?: number | null;
  /** Extra permissions, e.g. `['reveal_identity']`. */
  permissions?: string[];
  name?: string;
  email?: string;
  language?: 'id' | 'en';
  /** Leave the account in the must-change-first-password state (default false). */
  mustChangePassword?: boolean;
}

export interface SignedIn {
  /** Send these with every request: `{ cookie, origin }`. */
  headers: { cookie: string; origin: string };
  userId: string;
  email: string;
  password: string;
}

/** Creates the account directly (verified, with the grant) and signs it in over HTTP. */
export async function signInAs(t: TestApp, who: SignInAs): Promise<SignedIn> {
  const { db, auth } = t.deps;
  const userId = generateId();
  const email = who.email ?? `${who.role}.${userId.slice(0, 8).toLowerCase()}@pintu.test`;
  const password = `pw-${randomBytes(9).toString('base64url')}`;
  const hash = await (await auth.betterAuth.$context).password.hash(password);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id: userId,
      name: who.name ?? `Uji ${who.role}`,
      email: auth.accountCipher.indexEmail(email),
      emailSealed: auth.accountCipher.seal(email),
      emailVerified: true,
      language: who.language ?? 'id',
      mustChangePassword: who.mustChangePassword ?? false,
    });
    await tx
      .insert(accounts)
      .values({ id: generateId(), accountId: userId, providerId: 'credential', userId, password: hash });
    await tx.insert(roleGrants).values({ userId, role: who.role, institutionId: who.institutionId ?? null });
    for (const permission of who.permissions ?? [])
      await tx.insert(permissionsTable).values({ userId, permission });
  });
  const headers = await signInWithPassword(t, email, password);
  return { headers, userId, email, password };
}

/** Signs in with e-mail and password over HTTP; returns the cookie and origin headers, or throws. */
export async function signInWithPassword(
  t: TestApp,
  email: string,
  password: string,
): Promise<{ cookie: string; origin: string }> {
  const origin = new URL(t.publicUrl).origin;
  // A fresh client address per sign-in, so many sign-ins in one test never meet the per-address limit.
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const res = await t.post('/api/auth/sign-in/email', { email, password }, { origin, 'x-forwarded-for': ip });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`sign-in of ${email} set no session cookie`);
  return { cookie, origin };
}

/** The `name=value` pairs of the cookies a response sets, joined for a Cookie header (expired ones left out). */
export function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .filter((c) => !/max-age=0/i.test(c))
    .map((c) => c.split(';')[0]!)
    .join('; ');
}

/** The session cookie a response sets, as `name=value`; null when it sets none. */
export function sessionCookieOf(res: Response): string | null {
  const c = res.headers
    .getSetCookie()
    .map((x) => x.split(';')[0]!)
    .find((x) => x.includes('.session_token=') && !x.endsWith('='));
  return c ?? null;
}
