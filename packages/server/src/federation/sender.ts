/**
 * The federation sender (ADR 0013, docs/federation.md §2–3): a polling loop that claims the head of each due
 * (peer, report) stream, signs it with this instance's key (Standard Webhooks `v1a`), POSTs it to the peer's
 * `/api/v1/federation/messages` and records the answer. 200 delivered; 409 `{expectedSeq}` rewinds the stream; any
 * other answer or a broken connection is tried again later, for as long as it takes — and a peer that cannot be
 * reached pushes back its whole backlog, so a down peer costs one request per retry, not one per report.
 */
import { nextFederationAttempt } from '@pintu/core';
import type { InstanceSelf } from '../app/deps';
import type { Blobs } from '../attachments/blobs';
import type { AttachmentMessage } from '../db/federation-outbox';
import { forwardMissed } from '../db/federation-routing';
import type { Db } from '../db/open';
import {
  type ClaimedMessage,
  claimMessages,
  markDelivered,
  markFailed,
  pushBackPeer,
  rewindStream,
} from '../db/postgres-federation-sender';

export interface FederationSenderOptions {
  db: Db;
  /** Where attachment bytes are read from: a message names its files, the sender adds their bytes. */
  blobs: Pick<Blobs, 'get'>;
  self: Pick<InstanceSelf, 'slug' | 'sign'>;
  clock: () => Date;
  /** Longest wait between two tries of a message (default 5 minutes). */
  retryCapMs?: number;
  pollMs?: number;
  timeoutMs?: number;
  leaseMs?: number;
  batch?: number;
  concurrency?: number;
  random?: () => number;
  log?: (line: string) => void;
}

type Outcome =
  | { kind: 'delivered'; result: unknown }
  | { kind: 'rewind'; expectedSeq: number }
  | { kind: 'refused'; error: string }
  | { kind: 'unreachable'; error: string };

export const messageId = (sender: string, m: Pick<ClaimedMessage, 'trackingId' | 'seq'>) =>
  `fed_${sender}_${m.trackingId}_${m.seq}`;

export function createFederationSender(o: FederationSenderOptions) {
  const retryCapMs = o.retryCapMs ?? 5 * 60_000;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const random = o.random ?? Math.random;
  const log = o.log ?? ((line: string) => console.log(line));

  /** The message's files with their bytes (a missing blob travels without: the row still names it). */
  async function withFiles(data: unknown): Promise<unknown> {
    const files = (data as { attachments?: AttachmentMessage[] } | null)?.attachments;
    if (!Array.isArray(files) || !files.length) return data;
    const filled = await Promise.all(
      files.map(async (f) => {
        const bytes = await o.blobs.get(f.id);
        return bytes ? { ...f, data: Buffer.from(bytes).toString('base64') } : f;
      }),
    );
    return { ...(data as object), attachments: filled };
  }

  async function send(m: ClaimedMessage): Promise<Outcome> {
    const data = await withFiles(m.body);
    const body = JSON.stringify({ type: m.kind, trackingId: m.trackingId, seq: m.seq, data });
    const id = messageId(o.self.slug, m);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(`${m.baseUrl.replace(/\/+$/, '')}/api/v1/federation/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': o.self.sign(id, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      const json = (() => {
        try {
          return JSON.parse(text) as Record<string, unknown>;
        } catch {
          return null;
        }
      })();
      if (res.status === 200) return { kind: 'delivered', result: json?.result ?? null };
      if (res.status === 409 && typeof json?.expectedSeq === 'number')
        return { kind: 'rewind', expectedSeq: json.expectedSeq };
      const detail = typeof json?.detail === 'string' ? json.detail : text.slice(0, 200);
      if (res.status >= 500 || res.status === 429)
        return { kind: 'unreachable', error: `${res.status} ${detail}` };
      return { kind: 'refused', error: `${res.status} ${detail}` };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return {
        kind: 'unreachable',
        error: `${(err as Error).name}${cause ? ` ${cause}` : ''}: ${(err as Error).message}`,
      };
    }
  }

  async function handle(m: ClaimedMessage) {
    const outcome = await send(m);
    const now = o.clock();
    if (outcome.kind === 'delivered') return markDelivered(o.db, m.id, outcome.result, now);
    if (outcome.kind === 'rewind') return rewindStream(o.db, m, outcome.expectedSeq, now);
    const next = nextFederationAttempt(m.attempts, now, random(), retryCapMs);
    await markFailed(o.db, m.id, outcome.error, next, now);
    if (outcome.kind === 'unreachable') await pushBackPeer(o.db, m.peer, next);
  }

  /** One round: claims and sends a batch; the number claimed. */
  async function round(): Promise<number> {
    const claimed = await claimMessages(o.db, o.clock(), o.leaseMs ?? 30_000, o.batch ?? 64);
    let next = 0;
    const workers = Array.from({ length: Math.min(o.concurrency ?? 8, claimed.length) }, async () => {
      for (let i = next++; i < claimed.length; i = next++) await handle(claimed[i]!);
    });
    await Promise.all(workers);
    return claimed.length;
  }

  return {
    round,
    /** Starts the loop; the returned function stops it after the round in progress. */
    start(): () => Promise<void> {
      let running = true;
      let wake: (() => void) | null = null;
      let missedAt = 0;
      const loop = (async () => {
        while (running) {
          if (Date.now() - missedAt > 60_000) {
            missedAt = Date.now();
            await forwardMissed(o.db, o.clock()).catch((err) =>
              log(`[federation] ${(err as Error).message}`),
            );
          }
          const n = await round().catch((err) => {
            log(`[federation] ${(err as Error).message}`);
            return 0;
          });
          if (n === 0 && running)
            await new Promise<void>((r) => {
              wake = r;
              setTimeout(r, o.pollMs ?? 300);
            });
        }
      })();
      return async () => {
        running = false;
        (wake as (() => void) | null)?.();
        await loop;
      };
    },
  };
}
