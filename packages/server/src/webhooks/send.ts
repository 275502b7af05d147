/**
 * One webhook POST, hardened (issue 12, SSRF and abuse): connects to the address checked beforehand (the request's
 * `lookup` answers with it, so the host is not resolved again), follows no redirect (a 3xx is a failure), gives up
 * after a timeout, and reads at most 64 kB of the answer before closing the connection.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './address';

export interface SendResult {
  /** The HTTP status, when an answer's head arrived. */
  status: number | null;
  /** Why it failed; null when the status is 2xx. */
  error: string | null;
  ms: number;
}

export interface SendOptions {
  url: URL;
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  /** Default 10 s: from the start to the end of reading the answer. */
  timeoutMs?: number;
  /** Default 64 kB. */
  maxAnswerBytes?: number;
}

export function sendWebhook(o: SendOptions): Promise<SendResult> {
  const started = performance.now();
  const timeoutMs = o.timeoutMs ?? 10_000;
  const maxBytes = o.maxAnswerBytes ?? 64 * 1024;
  const pinned: LookupFunction = (_host, options, cb) => {
    // net asks for every address when it may try several families (autoSelectFamily): answer the checked one only.
    if ((options as { all?: boolean }).all)
      (cb as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [o.address]);
    else cb(null, o.address.address, o.address.family);
  };
  const request = o.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let status: number | null = null;
    let settled = false;
    const finish = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ status, error, ms: Math.round(performance.now() - started) });
    };
    const req = request(
      o.url,
      {
        method: 'POST',
        lookup: pinned,
        headers: {
          ...o.headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(o.body)),
          'user-agent': 'Pintu-Webhooks/1',
        },
      },
      (res) => {
        status = res.statusCode ?? null;
        const verdict =
          status !== null && status >= 200 && status < 300
            ? null
            : status !== null && status >= 300 && status < 400
              ? `redirect ${status} tidak diikuti`
              : `HTTP ${status}`;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          // Enough: the verdict is the status; a huge answer is not read, it is cut.
          if (read >= maxBytes) finish(verdict);
        });
        res.on('end', () => finish(verdict));
        res.on('error', () => finish(verdict));
      },
    );
    const timer = setTimeout(() => finish(`batas waktu ${timeoutMs} ms terlampaui`), timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => finish(e.code ? `${e.code}: ${e.message}` : e.message));
    req.end(o.body);
  });
}
