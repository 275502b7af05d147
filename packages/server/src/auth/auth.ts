/**
 * Accounts with better-auth (decision 0003): e-mail + password with a verified e-mail, password reset by e-mail,
 * TOTP, sessions in httpOnly cookies, Origin checks on its own routes, rate-limited sign-in. Its drizzle adapter
 * writes our tables (db/better-auth-store.ts); telemetry is off.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { createCookieGetter } from 'better-auth/cookies';
import { twoFactor } from 'better-auth/plugins';
import { z } from 'zod';
import { authAccountStore, betterAuthDatabase } from '../db/better-auth-store';
import type { Db } from '../db/open';
import { databaseRateLimitStorage } from '../db/postgres-rate-limit';
import { claimTotpCode, totpAccountOf } from '../db/postgres-totp-replay';
import type { Mailer } from '../mail/mailer';
import { passwordResetMail, verificationMail } from '../mail/templates';
import type { AccountCipher } from '../security/account-cipher';
import { argon2id } from './password';

/** Minimum password length for every account (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 10;
/** Sessions last a week and are extended once a day while used. */
export const SESSION_EXPIRES_IN = 7 * 24 * 3600;
export const SESSION_UPDATE_AGE = 24 * 3600;
/** Header through which the HTTP layer hands better-auth the client address it resolved. */
export const CLIENT_IP_HEADER = 'x-pintu-client-ip';

export interface AuthOptions {
  db: Db;
  mailer: Mailer;
  /** Where people reach Pintu, e.g. `https://pintu.example.go.id`; links in e-mails start here. */
  publicUrl: string;
  /** Further origins allowed to call with cookies (the public URL's origin always is). */
  extraOrigins?: string[];
  /** Signs cookies and encrypts TOTP secrets; at least 32 characters. */
  secret: string;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy, and in tests). */
  trustProxy?: boolean;
  /** Silence better-auth's own log lines (tests). */
  quiet?: boolean;
  /** Seals account e-mail and phone at rest and indexes the e-mail for look-ups (issue 16 §6). */
  accountCipher: AccountCipher;
}

function buildBetterAuth(o: AuthOptions, trustedOrigins: string[]) {
  const { db, mailer } = o;
  const store = authAccountStore(db);
  return betterAuth({
    appName: 'Pintu',
    baseURL: o.publicUrl,
    basePath: '/api/auth',
    secret: o.secret,
    trustedOrigins,
    telemetry: { enabled: false },
    logger: { level: 'warn', disabled: o.quiet ?? false },
    database: betterAuthDatabase(db, o.accountCipher),
    user: {
      additionalFields: {
        // The sealed address behind the blind index in `email` (db/better-auth-store.ts); never an input or output.
        emailSealed: { type: 'string', required: false, input: false, returned: false },
        phone: {
          type: 'string',
          required: false,
          input: true,
          validator: { input: z.string().regex(/^\+?[0-9]{8,15}$/, 'Nomor telepon tidak valid.') },
        },
        language: { type: ['id', 'en'], required: false, defaultValue: 'id', input: true },
        mustChangePassword: { type: 'boolean', required: false, defaultValue: false, input: false },
        deactivatedAt: { type: 'date', required: false, input: false },
      },
    },
    session: { expiresIn: SESSION_EXPIRES_IN, updateAge: SESSION_UPDATE_AGE },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      password: argon2id,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => mailer.send(passwordResetMail(user, url)),
      // A password chosen through the e-mailed link replaces a one-time password too.
      onPasswordReset: async ({ user }) => {
        await store.clearMustChangePassword(user.id);
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: false,
      expiresIn: 24 * 3600,
      sendVerificationEmail: async ({ user, url }) => mailer.send(verificationMail(user, url)),
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customStorage: databaseRateLimitStorage(db),
      customRules: {
        // Per address and e-mail (see rate-limit.ts).
        '/sign-in/email': { window: 60, max: 5 },
        '/sign-up/email': { window: 60, max: 10 },
        '/request-password-reset': { window: 60, max: 3 },
        '/send-verification-email': { window: 60, max: 3 },
        '/two-factor/*': { window: 60, max: 10 },
        '/change-password': { window: 60, max: 5 },
      },
    },
    advanced: {
      cookiePrefix: 'pintu',
      useSecureCookies: o.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // better-auth skips its Origin check under NODE_ENV=test; tests must see what production does.
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    plugins: [twoFactor({ issuer: 'Pintu', totpOptions: { digits: 6, period: 30 } })],
    databaseHooks: {
      user: {
        create: {
          // Whoever registers themselves is a citizen; staff accounts get their grants where they are created.
          after: async (user, ctx) => {
            if (ctx?.path === '/sign-up/email') await store.grantCitizen(user.id);
          },
        },
      },
      session: {
        create: {
          // Through better-auth's adapter: a session may be created inside its transaction (e.g. on a
          // password change), which a query on another connection would wait for.
          before: async (session, ctx) => {
            const deactivatedAt = ctx
              ? (
                  (await ctx.context.internalAdapter.findUserById(session.userId)) as {
                    deactivatedAt?: Date | null;
                  } | null
                )?.deactivatedAt
              : await store.deactivatedAt(session.userId);
            if (deactivatedAt)
              throw new APIError('FORBIDDEN', {
                message: 'Akun ini telah dinonaktifkan. / This account has been deactivated.',
                code: 'ACCOUNT_DEACTIVATED',
              });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/two-factor/verify-totp') return;
        const code = ctx.body?.code;
        const userId = typeof code === 'string' ? await totpAccountOf(ctx) : null;
        // No account or no code: better-auth refuses the request itself.
        if (userId && !(await claimTotpCode(db, userId, code as string, new Date())))
          throw new APIError('UNAUTHORIZED', {
            message:
              'Kode ini sudah dipakai. Tunggu kode berikutnya. / This code was already used; wait for the next one.',
            code: 'TOTP_CODE_REUSED',
          });
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/change-password') return;
        const returned = ctx.context.returned;
        if (!returned || returned instanceof APIError || returned instanceof Error) return;
        const user = ctx.context.session?.user ?? (returned as { user?: { id?: string } } | null)?.user;
        if (user?.id && (user as { mustChangePassword?: boolean }).mustChangePassword !== false)
          await ctx.context.internalAdapter.updateUser(user.id, { mustChangePassword: false });
      }),
    },
  });
}

/** The accounts service the HTTP layer uses: better-auth itself plus what our own middleware needs. */
export interface AuthService {
  /** The better-auth instance: `handler` for /api/auth/*, `api.*` for server-side calls, `$context`. */
  betterAuth: ReturnType<typeof buildBetterAuth>;
  publicUrl: string;
  /** Origins allowed to make cookie-authenticated, state-changing requests. */
  trustedOrigins: string[];
  trustProxy: boolean;
  secret: string;
  cookies: { session: string; twoFactor: string };
  /** A keyed hash of an e-mail address (lower-cased), for the login audit and the sign-in limiter. */
  hashEmail(email: string): string;
  /** Account e-mail and phone at rest: sealing and the e-mail's blind index. */
  accountCipher: AccountCipher;
}

/** Builds the accounts service. */
export function createAuth(o: AuthOptions): AuthService {
  const publicOrigin = new URL(o.publicUrl).origin;
  const trustedOrigins = [
    ...new Set([publicOrigin, ...(o.extraOrigins ?? []).map((u) => new URL(u).origin)]),
  ];
  const instance = buildBetterAuth(o, trustedOrigins);
  const cookie = createCookieGetter(instance.options);
  const emailKey = Buffer.from(hkdfSync('sha256', o.secret, '', 'pintu/email-hash/v1', 32));
  return {
    betterAuth: instance,
    publicUrl: o.publicUrl,
    trustedOrigins,
    trustProxy: o.trustProxy ?? false,
    secret: o.secret,
    cookies: { session: cookie('session_token').name, twoFactor: cookie('two_factor').name },
    hashEmail: (email) =>
      createHmac('sha256', emailKey).update(email.trim().toLowerCase()).digest('base64url'),
    accountCipher: o.accountCipher,
  };
}

/** The cookie secret from the data key, so an install has one key to keep (PINTU_AUTH_SECRET overrides it). */
export function deriveAuthSecret(dataKey: Buffer): string {
  return Buffer.from(hkdfSync('sha256', dataKey, '', 'pintu/auth-secret/v1', 32)).toString('base64url');
}
