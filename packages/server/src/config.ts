/** Configuration from the environment, validated once at start-up. */
import { DEFAULT_FILING_LIMITS, type FilingLimits } from '@pintu/core';
import { z } from 'zod';

// An empty variable (`DATABASE_URL=`) means unset, as shells and .env files commonly write it.
const optional = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === '' ? undefined : v), t.optional());

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string; when unset Pintu runs on embedded PGlite under DATA_DIR. */
  DATABASE_URL: optional(z.string().url()),
  DATA_DIR: z.string().default('./data'),
  /** 32-byte key (base64) that seals personal data at rest; generated into DATA_DIR when unset. */
  PINTU_DATA_KEY: optional(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64')),
  /** Skip the demo data set (production installs). */
  PINTU_NO_DEMO: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * `transaction` when DATABASE_URL goes through a pooler in transaction mode (PgBouncer): no named prepared
   * statements (docs/operations.md). `none` (the default) for a direct connection or a pooler in session mode.
   */
  DATABASE_POOLER: z.enum(['none', 'transaction']).default('none'),
  /** The address people reach Pintu at (links in e-mails, trusted origin, Secure cookies when https). */
  PUBLIC_URL: optional(z.string().url()),
  /** More origins allowed to make cookie-authenticated requests, comma-separated. */
  TRUSTED_ORIGINS: optional(z.string()),
  /** SMTP server for e-mail, e.g. `smtp://127.0.0.1:2525`; when unset, e-mails are printed to the console. */
  SMTP_URL: optional(z.string().url()),
  MAIL_FROM: z.string().default('Pintu <no-reply@localhost>'),
  /** The open-data catalogue's contact e-mail (docs/open-data.md); MAIL_FROM's address when unset. */
  OPEN_DATA_CONTACT: optional(z.email()),
  /** E-mail as a channel (docs/email.md): the port of the mailbox's SMTP listener; unset = no listener. */
  MAIL_INBOUND_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  /** Where it listens: keep it private behind the MTA that is the domain's MX. */
  MAIL_INBOUND_HOST: z.string().default('127.0.0.1'),
  /** The mailbox, e.g. `lapor@pintu.example`: the only recipient accepted, and the Reply-To of its answers. */
  MAIL_INBOUND_ADDRESS: optional(z.email()),
  /** The largest message, in bytes; by default 70 MiB: what a web filing can carry (5 × 10 MB, base64) and text. */
  MAIL_INBOUND_MAX_BYTES: z.coerce.number().int().min(65_536).default(73_400_320),
  /** Region (code or name) and category (code or name) of a message without `Wilayah:`/`Kategori:` lines. */
  MAIL_INBOUND_REGION: optional(z.string()),
  MAIL_INBOUND_CATEGORY: optional(z.string()),
  /**
   * Kannel-style SMS gateway, e.g. `http://127.0.0.1:13013/cgi-bin/sendsms?username=…&password=…` (`to` and `text`
   * are added); when unset, SMS notifications are skipped.
   */
  SMS_GATEWAY_URL: optional(z.string().url()),
  /** SMS as a channel (docs/sms.md): the secret Kannel's get-url sends; unset = the webhook answers 404. */
  SMS_INBOUND_SECRET: optional(z.string().min(16, 'at least 16 characters')),
  /** Region code of an SMS report that names none, and the category code of every SMS report. */
  SMS_INBOUND_REGION: optional(z.string()),
  SMS_INBOUND_CATEGORY: optional(z.string()),
  /** Messages one number may send per window before one "too many" answer, then silence. */
  SMS_INBOUND_FLOOD_MAX: z.coerce.number().int().min(1).default(10),
  SMS_INBOUND_FLOOD_WINDOW_S: z.coerce.number().int().min(1).default(3600),
  /** Run the notification delivery worker in this process (default on); off when it runs apart (run-worker.ts). */
  PINTU_NOTIFICATIONS_WORKER: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  /** Secret that signs session cookies (≥ 32 characters); derived from the data key when unset. */
  PINTU_AUTH_SECRET: optional(z.string().min(32)),
  /** This instance's name among federated Pintu instances (ADR 0013), e.g. `nasional` or `kaltim`. */
  PINTU_INSTANCE: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,31}$/, 'lowercase letters, digits and -, 2–32 characters')
    .default('pintu'),
  /** Its display name, e.g. `LAPOR WAL! Kalimantan Timur`. */
  PINTU_INSTANCE_NAME: z.string().min(1).max(120).default('Pintu'),
  /** Its Ed25519 signing key (`whsk_…`); generated into DATA_DIR when unset. */
  PINTU_INSTANCE_KEY: optional(
    z.string().regex(/^whsk_[A-Za-z0-9+/]{43}=$/, 'must be whsk_ and 32 bytes in base64'),
  ),
  /** Longest wait between two tries of a message to a peer instance, in seconds (ADR 0013). */
  PINTU_FEDERATION_RETRY_MAX_S: z.coerce.number().int().min(1).max(86_400).default(300),
  /**
   * The filing limits (docs/abuse.md) where they differ from the defaults: `contact=10/1440,address=20/60,
   * citizen=20/1440,facilitator=200/1440,repeat=1440` — filings per window in minutes; `repeat` is the window of
   * repeat detection (0: off).
   */
  PINTU_FILING_LIMITS: optional(
    z
      .string()
      .regex(
        /^((contact|address|citizen|facilitator)=\d{1,7}\/\d{1,6}|repeat=\d{1,6})(,((contact|address|citizen|facilitator)=\d{1,7}\/\d{1,6}|repeat=\d{1,6}))*$/,
        'name=max/minutes, comma-separated (contact, address, citizen, facilitator), or repeat=minutes',
      ),
  ),
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For entry. */
  TRUST_PROXY: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export type Config = z.infer<typeof schema>;

/** Parses the environment into a Config, or throws an error that names each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** PUBLIC_URL, or http://localhost:PORT, without a trailing slash. */
export function publicUrlOf(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** The filing limits: the defaults, with those PINTU_FILING_LIMITS names replaced (its format is checked above). */
export function filingLimitsOf(setting: string | undefined): FilingLimits {
  const limits = structuredClone(DEFAULT_FILING_LIMITS);
  for (const entry of setting?.split(',') ?? []) {
    const [name, value] = entry.split('=') as [string, string];
    if (name === 'repeat') limits.repeatWindowMinutes = Number(value);
    else {
      const [max, minutes] = value.split('/').map(Number) as [number, number];
      const limit = limits[name as 'contact' | 'address' | 'citizen' | 'facilitator'];
      Object.assign(limit, { max, windowMinutes: minutes });
    }
  }
  return limits;
}
