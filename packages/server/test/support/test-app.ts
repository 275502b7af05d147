/** An in-process Pintu app on a fresh seeded database with a fixed clock, for API tests. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilingLimits } from '@pintu/core';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { createFilingGuard } from '../../src/app/reports/filing-gate';
import { fsBlobs } from '../../src/attachments/blobs';
import { createAuth } from '../../src/auth/auth';
import type { Database } from '../../src/db/open';
import { postgresPorts } from '../../src/db/postgres-ports';
import { defaultProjectors } from '../../src/db/postgres-projectors';
import { createApp } from '../../src/http/app';
import type { Deps } from '../../src/http/context';
import { createMailer } from '../../src/mail/mailer';
import { createAccountCipher } from '../../src/security/account-cipher';
import { instanceSelf } from '../../src/security/instance-identity';
import { generateInstanceKeys } from '../../src/security/instance-keys';
import { createSealer } from '../../src/security/seal';
import { UNLIMITED_FILING } from './filing-limits';
import { type SmtpSink, startSmtpSink } from './smtp';
import { type Engine, openTestDatabase } from './test-db';

/** A response whose JSON is untyped: tests assert on its shape. */
// biome-ignore lint/suspicious/noExplicitAny: test responses are checked by assertions, not types
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  database: Database;
  /** The real SMTP server the app sends its e-mail to. */
  mail: SmtpSink;
  /** The app's public URL; its origin is the trusted one for cookie-authenticated requests. */
  publicUrl: string;
  /** The data key that seals reporters and accounts (issue 16 §6). */
  dataKey: Buffer;
  /** Moves the fixed clock. */
  setNow(t: Date | string): void;
  /** JSON request helper. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  get(path: string, headers?: Record<string, string>): Promise<TestResponse>;
  /** Multipart upload helper. */
  upload(form: FormData): Promise<TestResponse>;
  close(): Promise<void>;
}

/** Starts a test app; the clock starts at `now` (default Monday 2024-06-03 09:00 WIB). */
export async function startTestApp(
  opts: {
    engine?: Engine;
    now?: string;
    publicUrl?: string;
    dataDir?: string;
    /** The filing limits (`DEFAULT_FILING_LIMITS` for the real ones); none by default. */
    filingLimits?: FilingLimits;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(opts.engine, opts.dataDir);
  let now = new Date(opts.now ?? '2024-06-03T02:00:00Z');
  const mail = await startSmtpSink();
  const publicUrl = opts.publicUrl ?? 'http://localhost:3000';
  const mailer = createMailer({ smtpUrl: mail.url, from: 'Pintu <no-reply@pintu.test>', mailDir: '' });
  // One data key seals reporters and accounts, as in main.ts.
  const dataKey = randomBytes(32);
  const accountCipher = createAccountCipher(dataKey);
  const auth = createAuth({
    db: database.db,
    mailer,
    publicUrl,
    secret: randomBytes(32).toString('base64url'),
    trustProxy: true,
    quiet: true,
    accountCipher,
  });
  const deps: Deps = {
    ...postgresPorts(database.db, accountCipher),
    db: database.db,
    blobs: fsBlobs(mkdtempSync(join(tmpdir(), 'pintu-blobs-'))),
    sealer: createSealer(dataKey),
    calendar: await loadCalendar(database.db),
    auth,
    mailer,
    clock: () => now,
    projectors: defaultProjectors(),
    // This instance among federated ones (ADR 0013): a fresh key per test app.
    instance: instanceSelf(generateInstanceKeys().secretKey, {
      slug: 'nasional',
      name: 'Pintu nasional (uji)',
      baseUrl: publicUrl,
    }),
    // The gate runs on every filing, but the fixtures file the same text from one contact again and again: only the
    // abuse tests ask for the real limits (docs/abuse.md).
    filingGuard: createFilingGuard(auth.secret, opts.filingLimits ?? UNLIMITED_FILING),
  };
  // `post`, `get` and `upload` go through `t.app`: a test may swap in an app built over other deps (the request's
  // deps are fixed when an app is built, as in the real server).
  const t: TestApp = {
    app: createApp(deps),
    deps,
    database,
    mail,
    publicUrl,
    dataKey,
    setNow: (t) => {
      now = new Date(t);
    },
    post: async (path, body, headers = {}) =>
      t.app.request(path, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...headers },
      }),
    get: async (path, headers = {}) => t.app.request(path, { headers }),
    upload: async (form) => t.app.request('/api/v1/attachments', { method: 'POST', body: form }),
    close: async () => {
      await mail.close();
      await database.close();
    },
  };
  return t;
}
