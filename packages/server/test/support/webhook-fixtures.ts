/**
 * Webhook test helpers: an integration app inserted directly (the app API is another part of issue 12), and real
 * HTTP receivers on 127.0.0.1 whose behaviour a test switches (up, down, slow, huge answer, redirect).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/open';

/** Inserts an app acting for `institutionId`; returns its id. */
export async function insertApp(db: Db, institutionId: number, slug: string): Promise<string> {
  const id = `app_${randomBytes(8).toString('hex')}`;
  await db.execute(sql`insert into integration_apps (id, name, slug, institution_id, contact_name, contact_email,
      created_at)
    values (${id}, ${`Aplikasi ${slug}`}, ${slug}, ${institutionId}, 'Tim Diskominfo', 'dev@example.go.id', now())`);
  return id;
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export type Mode = 'ok' | 'error' | 'slow' | 'huge' | 'redirect';

export interface Receiver {
  url: string;
  received: Received[];
  mode: Mode;
  /** TCP connections accepted so far (a TLS client dialling this plain server counts too). */
  connections: number;
  /** 64 kB pieces of the 10 MB answer actually written (the client stops reading at 64 kB). */
  hugePieces: number;
  /** Stops listening (connections are refused) until `up()`; the port stays the same. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A receiver on 127.0.0.1: answers 204 in mode `ok` and records every request it answers 2xx to. */
export async function startReceiver(): Promise<Receiver> {
  let server: Server | null = null;
  let port = 0;
  const r: Receiver = {
    url: '',
    received: [],
    mode: 'ok',
    connections: 0,
    hugePieces: 0,
    async down() {
      const s = server;
      server = null;
      s?.closeAllConnections();
      await new Promise<void>((res) => (s ? s.close(() => res()) : res()));
    },
    async up() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (r.mode === 'ok') {
            r.received.push({ headers: req.headers, body });
            res.writeHead(204).end();
          } else if (r.mode === 'error') res.writeHead(500).end('rusak');
          else if (r.mode === 'redirect')
            res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
          else if (r.mode === 'huge') {
            // 10 MB, written in 64 kB pieces as the client reads them.
            res.writeHead(200, { 'content-type': 'text/plain' });
            const piece = Buffer.alloc(64 * 1024, 'x');
            let left = 160;
            const write = () => {
              while (left > 0) {
                left -= 1;
                r.hugePieces += 1;
                if (!res.write(piece)) return void res.once('drain', write);
              }
              res.end();
            };
            res.on('error', () => {});
            write();
          } else setTimeout(() => res.writeHead(204).end(), 5_000).unref();
        });
      });
      server.on('connection', () => {
        r.connections += 1;
      });
      await new Promise<void>((res) => server!.listen(port, '127.0.0.1', () => res()));
      port = (server.address() as AddressInfo).port;
      r.url = `http://127.0.0.1:${port}/hooks`;
    },
    close: () => r.down(),
  };
  await r.up();
  return r;
}

/** Every delivery row of an endpoint, oldest first. */
export async function deliveriesOf(db: Db, endpointId: string) {
  const res =
    await db.execute(sql`select d.id::int as id, d.event_type as "eventType", d.event_seq as "eventSeq",
      d.status, d.attempts, d.next_attempt_at as "nextAttemptAt", d.last_status_code as "lastStatusCode",
      d.last_error as "lastError", d.payload, r.tracking_id as "trackingId"
    from webhook_deliveries d left join reports r on r.id = d.report_id
    where d.endpoint_id = ${endpointId} order by d.id`);
  return res.rows as {
    id: number;
    eventType: string;
    eventSeq: number | null;
    status: string;
    attempts: number;
    nextAttemptAt: string;
    lastStatusCode: number | null;
    lastError: string | null;
    payload: { type: string; data: Record<string, unknown> };
    trackingId: string | null;
  }[];
}
