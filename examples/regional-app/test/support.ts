/** Test helpers: a signed Standard Webhooks delivery, a running app on a temp store, a tiny stub of Pintu's side. */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { type PintuClientOptions, pintuClient } from '../src/pintu-client';
import { createRegionalApp, type RegionalApp } from '../src/server';
import { type NewLocalReport, Store } from '../src/store';

/** A fresh `whsec_` secret as Pintu makes them. */
export const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** A delivery as Pintu sends it: body and the three Standard Webhooks headers, signed with `secret`. */
export function signedDelivery(
  secret: string,
  payload: unknown,
  opts: { id?: string; at?: Date } = {},
): { body: string; headers: Record<string, string> } {
  const id = opts.id ?? `msg_${randomBytes(8).toString('hex')}`;
  const at = opts.at ?? new Date();
  const body = JSON.stringify(payload);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, at, body),
    },
  };
}

/** A status-change payload of ADR 0012. */
export const statusEvent = (trackingId: string, externalRef: string, status: string, seq: number) => ({
  type: 'report.status_changed',
  timestamp: new Date().toISOString(),
  data: { trackingId, externalRef, status, institutionId: 7, seq, action: 'x', at: new Date().toISOString() },
});

export const sampleReport = (n = 1): NewLocalReport => ({
  citizenName: `Warga ${n}`,
  title: `Lampu jalan padam di Jalan Juanda nomor ${n}`,
  body: 'Lampu jalan di depan rumah padam sejak seminggu, jalan gelap dan rawan kecelakaan pada malam hari.',
  incidentDate: '2026-12-01',
  regionCode: '64.72',
  categoryId: 3,
  institutionId: 7,
});

/** A stub of Pintu's filing side: an idempotent `POST /api/v1/reports`, and hooks to script its answers. */
export async function stubPintu(
  script: (req: {
    n: number;
    key: string | undefined;
    body: Record<string, unknown>;
  }) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined = () => undefined,
) {
  const requests: {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: Record<string, unknown>;
  }[] = [];
  const answers = new Map<string, { status: number; body: unknown }>();
  let filed = 0;
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    for await (const c of req) raw += c;
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    const key = req.headers['idempotency-key'] as string | undefined;
    const scripted = script({ n: requests.length, key, body });
    let answer: { status: number; headers?: Record<string, string>; body?: unknown };
    if (scripted) answer = scripted;
    else if (key && answers.has(key)) answer = answers.get(key)!;
    else {
      filed++;
      answer = {
        status: 201,
        body: { trackingId: `LPR-TEST-0000-${String(filed).padStart(4, '0')}`, status: 'dispositioned' },
      };
      if (key) answers.set(key, answer as { status: number; body: unknown });
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(JSON.stringify(answer.body ?? {}));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${addr.port}`,
    requests,
    filedCount: () => filed,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The app on an in-memory store, listening on a free port. */
export async function startApp(opts: {
  secrets: string[];
  pintuUrl?: string;
  client?: Partial<PintuClientOptions>;
}): Promise<{ app: RegionalApp; store: Store; url: string; stop(): Promise<void> }> {
  const store = new Store(':memory:');
  const client = pintuClient({
    baseUrl: opts.pintuUrl ?? 'http://127.0.0.1:9',
    apiKey: 'pintu_TESTPREFIX00_secret',
    backoffMs: 5,
    ...opts.client,
  });
  const app = createRegionalApp({ store, client, webhookSecrets: opts.secrets, adminToken: 'admin-test' });
  const port = await app.listen(0);
  return {
    app,
    store,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close();
      store.close();
    },
  };
}
