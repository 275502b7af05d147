/**
 * The regional app's HTTP server (node:http): citizens file and read reports here, Pintu posts its webhooks to
 * `/webhooks/pintu`, and an operator (or a test) uses the `/admin/*` routes with the admin token.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { PintuClient } from './pintu-client';
import type { NewLocalReport, Store } from './store';
import { fileOne, filePending, reconcile } from './sync';
import { receiveWebhook } from './webhooks';

/** How the webhook receiver behaves: normally, answering 503, or breaking the connection (for downtime tests). */
export type ReceiverMode = 'up' | '503' | 'reset';

export interface AppOptions {
  store: Store;
  client: PintuClient;
  /** The endpoint's signing secret(s) from Pintu (`whsec_…`); two during a rotation. */
  webhookSecrets: string[];
  /** Enables `/admin/*` when set. */
  adminToken?: string | null;
}

export interface RegionalApp {
  server: Server;
  /** The receiver's current mode; tests flip it. */
  receiver: { mode: ReceiverMode };
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'isi permintaan terlalu besar');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function parseJson(buf: Buffer): Record<string, unknown> {
  try {
    const v = JSON.parse(buf.toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {}
  throw new HttpError(400, 'isi permintaan bukan objek JSON');
}

/** Checks a citizen's form; the app's own rules, kept loose: Pintu validates again and names bad fields. */
function newReportOf(b: Record<string, unknown>): NewLocalReport {
  const str = (k: string) => {
    if (typeof b[k] !== 'string' || !(b[k] as string).trim())
      throw new HttpError(422, `kolom ${k} wajib diisi`);
    return (b[k] as string).trim();
  };
  if (!Number.isInteger(b.categoryId))
    throw new HttpError(422, 'kolom categoryId wajib berupa bilangan bulat');
  return {
    citizenName: str('citizenName'),
    title: str('title'),
    body: str('body'),
    incidentDate: str('incidentDate'),
    regionCode: str('regionCode'),
    categoryId: b.categoryId as number,
    institutionId: Number.isInteger(b.institutionId) ? (b.institutionId as number) : null,
    isAnonymous: b.isAnonymous === true,
  };
}

/** Builds the app (not yet listening). */
export function createRegionalApp(opts: AppOptions): RegionalApp {
  const { store, client } = opts;
  const receiver = { mode: 'up' as ReceiverMode };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://app.local');
    const route = `${req.method} ${url.pathname}`;

    if (route === 'POST /webhooks/pintu') {
      if (receiver.mode === 'reset') return void req.socket.destroy();
      if (receiver.mode === '503') return send(res, 503, { error: 'sedang pemeliharaan' });
      const raw = await readBody(req, 1024 * 1024);
      const result = receiveWebhook(store, opts.webhookSecrets, raw, req.headers);
      // A duplicate is answered 2xx too: Pintu must stop retrying it.
      if (result.ok) return send(res, 200, { received: result.webhookId, outcome: result.outcome });
      return send(res, result.status, { error: result.reason });
    }
    if (route === 'GET /health') return send(res, 200, { ok: true });
    if (route === 'POST /reports') {
      const report = store.addReport(newReportOf(parseJson(await readBody(req, 64 * 1024))));
      // Filing now; if Pintu cannot be reached the report stays pending and the background pass files it later.
      const after = await fileOne(store, client, report).catch(() => store.get(report.id)!);
      return send(res, after.filing === 'pending' ? 202 : 201, after);
    }
    if (route === 'GET /reports') return send(res, 200, { items: store.list() });
    const one = url.pathname.match(/^\/reports\/(\d+)$/);
    if (req.method === 'GET' && one) {
      const r = store.get(Number(one[1]));
      return r ? send(res, 200, r) : send(res, 404, { error: 'laporan tidak ditemukan' });
    }

    if (url.pathname.startsWith('/admin/')) {
      if (!opts.adminToken || req.headers['x-admin-token'] !== opts.adminToken)
        return send(res, 403, { error: 'khusus operator' });
      if (route === 'POST /admin/receiver') {
        const mode = parseJson(await readBody(req, 1024)).mode;
        if (mode !== 'up' && mode !== '503' && mode !== 'reset')
          throw new HttpError(422, 'mode: up, 503 atau reset');
        receiver.mode = mode;
        return send(res, 200, { mode });
      }
      if (route === 'POST /admin/file-pending') return send(res, 200, await filePending(store, client));
      if (route === 'POST /admin/reconcile')
        return send(res, 200, await reconcile(store, client, { full: url.searchParams.get('full') === '1' }));
      if (route === 'GET /admin/inbox') return send(res, 200, { items: store.inbox() });
      if (route === 'GET /admin/stats')
        return send(res, 200, { client: client.stats, receiver: receiver.mode });
    }
    send(res, 404, { error: 'tidak ditemukan' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (res.headersSent) return res.destroy();
      if (err instanceof HttpError) return send(res, err.status, { error: err.message });
      console.error('[regional-app]', err);
      send(res, 500, { error: 'kesalahan server' });
    });
  });

  return {
    server,
    receiver,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
