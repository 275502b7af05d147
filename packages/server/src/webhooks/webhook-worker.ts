/**
 * The webhook delivery worker (issue 12 §5): claims due deliveries, signs them (Standard Webhooks), checks where the
 * URL's host resolves now and connects to that address, and records the outcome: 2xx delivered; anything else
 * retried on core's schedule (about 5 days), and an endpoint failing for 5 days (or a delivery out of retries) is
 * disabled with a notice to its developers. A polling loop; several processes may run it (skip locked, leases).
 */
import { nextWebhookAttempt, WEBHOOK_DISABLE_AFTER_MS } from '@pintu/core';
import type { Db } from '../db/open';
import {
  type ClaimedWebhook,
  claimWebhooks,
  markWebhookDelivered,
  markWebhookFailed,
} from '../db/postgres-webhook-worker';
import type { Sealer } from '../security/seal';
import {
  checkUrlShape,
  isRefusal,
  loopbackAllowedByEnv,
  type Resolve,
  resolveSafe,
  systemResolve,
} from './address';
import { sendWebhook } from './send';
import { webhookHeaders } from './signature';

export interface WebhookWorkerOptions {
  db: Db;
  sealer: Sealer;
  /** Schedules retries and failure windows (tests drive it). */
  clock: () => Date;
  resolve?: Resolve;
  allowLoopback?: boolean;
  /** In [0, 1): the retry jitter. */
  random?: () => number;
  timeoutMs?: number;
  leaseMs?: number;
  batch?: number;
  log?: (line: string) => void;
}

export function createWebhookWorker(o: WebhookWorkerOptions) {
  const resolve = o.resolve ?? systemResolve;
  const allowLoopback = o.allowLoopback ?? loopbackAllowedByEnv();
  const random = o.random ?? Math.random;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const log = o.log ?? ((line: string) => console.log(line));

  async function attempt(c: ClaimedWebhook) {
    const shape = checkUrlShape(c.url, allowLoopback);
    if (isRefusal(shape)) return { status: null, error: shape.message, ms: 0 };
    const address = await resolveSafe(shape, resolve, allowLoopback);
    if (isRefusal(address)) return { status: null, error: address.message, ms: 0 };
    const now = o.clock();
    const secrets = [o.sealer.open<string>(c.secretSealed)];
    if (c.previousSecretSealed && c.previousSecretUntil && c.previousSecretUntil > now)
      secrets.push(o.sealer.open<string>(c.previousSecretSealed));
    const body = JSON.stringify(c.payload);
    // The signed timestamp is the wall clock of the send: the receiver checks it against its own (5 minutes).
    const headers = webhookHeaders(secrets, c.messageId, new Date(), body);
    return sendWebhook({ url: shape, address, headers, body, timeoutMs });
  }

  async function deliver(c: ClaimedWebhook) {
    const result = await attempt(c);
    const now = o.clock();
    if (result.error === null) {
      await markWebhookDelivered(o.db, c, result, now);
      return;
    }
    const next = nextWebhookAttempt(c.attempts, now, random());
    const disabled = await markWebhookFailed(
      o.db,
      c,
      result,
      next,
      now,
      new Date(now.getTime() - WEBHOOK_DISABLE_AFTER_MS),
    );
    if (disabled) log(`[webhooks] endpoint ${c.endpointId} dinonaktifkan: terus gagal (${result.error})`);
  }

  /** Claims and sends one batch (concurrently); returns how many were claimed. */
  async function drainOnce(): Promise<number> {
    const claimed = await claimWebhooks(o.db, o.clock(), o.leaseMs ?? 60_000, o.batch ?? 20);
    await Promise.all(claimed.map(deliver));
    return claimed.length;
  }

  /** Drains until nothing is due. */
  async function drain(): Promise<number> {
    let total = 0;
    for (let n = await drainOnce(); n > 0; n = await drainOnce()) total += n;
    return total;
  }

  /** Polls every `intervalMs` until stopped. */
  function start(intervalMs = 2_000) {
    let stopped = false;
    let timer: NodeJS.Timeout | null = null;
    const loop = async () => {
      try {
        await drain();
      } catch (e) {
        log(`[webhooks] ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!stopped) timer = setTimeout(loop, intervalMs);
    };
    timer = setTimeout(loop, 0);
    return async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }

  return { drainOnce, drain, start };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
