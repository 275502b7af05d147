/**
 * The delivery of outbox rows: one row per pg-boss job (`deliverOne`, jobs/delivery-jobs.ts), or a polling loop
 * over the outbox with `for update skip locked` (`start`, run-worker.ts). Either way the outbox row's claim, lease
 * and gate make delivery exactly-once; pg-boss decides only when an attempt runs (notifications/README.md).
 *
 * 1. claim: due rows (pending and due, or `sending` whose lease ran out) become `sending` with a fresh claim token
 *    and lease, committed on their own, so two workers never hold one row;
 * 2. e-mail: the message is streamed, then `delivering` is committed under the claim token (the fence: a worker
 *    whose lease was taken over commits nothing and drops the connection), then the end of DATA is sent;
 *    in-app: the notification and `sent` in one transaction; SMS: sent, then marked (at-least-once);
 * 3. failures retry with backoff (1 min, 5 min, 30 min, 2 h), then `failed`; an address never reaches a log
 *    line or `last_error`.
 */

import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { enqueueReminders } from '../app/notifications/reminders';
import type { Db } from '../db/open';
import {
  type ClaimedRow,
  claimOutboxRows,
  deliverInAppRow,
  gateOutboxRow,
  markOutboxRow,
  outboxStatus,
  reporterSealed,
  retryOutboxRow,
  userContact,
} from '../db/postgres-delivery';
import { createMailer } from '../mail/mailer';
import type { Language } from '../mail/templates';
import type { Sealer } from '../security/seal';
import type { SmsGateway } from './sms-gateway';
import { sendGated } from './smtp-gated';
import { notificationMail, notificationSms, renderNotification } from './templates';

export interface DeliveryDeps {
  db: Db;
  sealer: Sealer;
  clock: () => Date;
  /** Unset: e-mails wait as files in `mailDir` (development), as mail/mailer.ts does. */
  smtpUrl?: string | undefined;
  mailFrom: string;
  /** The private folder unsent mail waits in: `<DATA_DIR>/mail`; unset = `./data/mail`, DATA_DIR's default. */
  mailDir?: string;
  /** Unset: SMS rows are skipped. */
  sms?: SmsGateway | null;
  log?: (line: string) => void;
}

/** Test hooks at the points where a crash matters. */
export type FaultPoint = 'before_gate' | 'after_gate';

export interface WorkerOptions {
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  backoffMs?: number[];
  fault?: (point: FaultPoint, key: string) => void | Promise<void>;
}

export const DEFAULT_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

export type { ClaimedRow };

/** Removes e-mail addresses and phone numbers from an error text before it is stored or logged. */
export function redact(text: string): string {
  return text
    .replace(/[^\s<>"'@]+@[^\s<>"']+/g, '[alamat]')
    .replace(/\+?\d[\d\s-]{7,}\d/g, '[nomor]')
    .slice(0, 500);
}

interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export function createDeliveryWorker(deps: DeliveryDeps, opts: WorkerOptions = {}) {
  const { db } = deps;
  const batchSize = opts.batchSize ?? 20;
  const leaseMs = opts.leaseMs ?? 120_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const backoff = opts.backoffMs ?? DEFAULT_BACKOFF_MS;
  const log = deps.log ?? ((l: string) => console.log(l));
  const consoleMail = deps.smtpUrl
    ? null
    : createMailer({ from: deps.mailFrom, mailDir: deps.mailDir ?? resolve('data', 'mail'), log });

  /**
   * Claims due rows (the polling loop), or row `one` whatever its `next_attempt_at` (a pg-boss delivery job:
   * pg-boss decides when a retry runs).
   */
  async function claim(now: Date, one?: number): Promise<ClaimedRow[]> {
    const token = randomUUID();
    const until = new Date(now.getTime() + leaseMs);
    return claimOutboxRows(db, { now, until, token, limit: batchSize, one });
  }

  async function mark(row: ClaimedRow, status: 'sent' | 'skipped' | 'unconfirmed', error?: string) {
    await markOutboxRow(db, row, status, deps.clock(), error);
    return 'done' as const;
  }

  /** Records a failed attempt: `pending` again with its backoff, or `failed` after the last attempt. */
  async function retry(row: ClaimedRow, error: Error, last = false): Promise<Outcome> {
    const now = deps.clock();
    const wait = backoff[Math.min(row.attempts - 1, backoff.length - 1)] ?? 60_000;
    const final = last || row.attempts >= maxAttempts;
    const message = redact(error.message);
    await retryOutboxRow(db, row, { final, next: new Date(now.getTime() + wait), error: message });
    log(
      `[notifications] ${row.key} attempt ${row.attempts} failed${final ? ' (giving up)' : ''}: ${message}`,
    );
    return final ? 'done' : 'retry';
  }

  async function contactOf(row: ClaimedRow): Promise<Contact | null> {
    if (row.recipientKind === 'user')
      return userContact(db, row.recipientUserId, (s) => deps.sealer.open<string>(s));
    // The reporter: the sealed contact is opened here, at send time, and nowhere else.
    const sealed = await reporterSealed(db, row.reportId);
    if (!sealed) return null;
    const id = deps.sealer.open<{ name?: string; email?: string; phone?: string }>(sealed);
    return { name: id.name ?? null, email: id.email ?? null, phone: id.phone ?? null };
  }

  async function deliverInApp(row: ClaimedRow, lang: Language) {
    const r = renderNotification(row.template, lang, row.payload);
    const written = await deliverInAppRow(db, row, {
      trackingId: String(row.payload.trackingId ?? ''),
      title: r.title,
      body: r.paragraphs.join('\n\n'),
      createdAt: deps.clock(),
      sentAt: deps.clock(),
    });
    if (!written) throw new LeaseLost();
  }

  async function deliverEmail(row: ClaimedRow, lang: Language, contact: Contact, last: boolean) {
    const mail = notificationMail(
      renderNotification(row.template, lang, row.payload),
      lang,
      contact.name,
      null,
    );
    if (consoleMail) {
      await consoleMail.send({ to: contact.email!, ...mail });
      return mark(row, 'sent');
    }
    const gate = async () => {
      await opts.fault?.('before_gate', row.key);
      const ok = await gateOutboxRow(db, row, new Date(deps.clock().getTime() + leaseMs));
      if (ok) await opts.fault?.('after_gate', row.key);
      return ok;
    };
    const result = await sendGated(
      deps.smtpUrl!,
      { from: deps.mailFrom, to: contact.email!, ...mail, messageId: `${row.key}@pintu` },
      gate,
    );
    switch (result.outcome) {
      case 'sent':
        return mark(row, 'sent');
      case 'aborted':
        return 'done'; // another worker took the row over
      case 'uncertain':
        log(`[notifications] ${row.key}: no answer after the end of DATA; not resent`);
        return mark(row, 'unconfirmed', redact(result.error.message));
      default:
        return retry(row, result.error, last);
    }
  }

  /** Delivers one claimed row; `retry` when it failed and is to be tried again. */
  async function deliver(row: ClaimedRow, last = false): Promise<Outcome> {
    try {
      const lang: Language = row.language === 'en' ? 'en' : 'id';
      if (row.channel === 'in_app') {
        await deliverInApp(row, lang);
        return 'done';
      }
      const contact = await contactOf(row);
      if (row.channel === 'email') {
        if (!contact?.email) return await mark(row, 'skipped', 'no e-mail address');
        return await deliverEmail(row, lang, contact, last);
      }
      if (!contact?.phone) return await mark(row, 'skipped', 'no phone number');
      if (!deps.sms) return await mark(row, 'skipped', 'no SMS gateway configured');
      await deps.sms.send(
        contact.phone,
        notificationSms(renderNotification(row.template, lang, row.payload)),
      );
      return await mark(row, 'sent');
    } catch (err) {
      if (err instanceof LeaseLost) return 'done';
      return retry(row, err instanceof Error ? err : new Error(String(err)), last);
    }
  }

  /**
   * One row, for its pg-boss job: `done` when it is delivered, skipped, failed for good or no longer this
   * job's business; `retry` when the attempt failed (pg-boss retries with backoff; `last` = no retry left);
   * `held` when another worker's lease still covers it (retry later: the lease may run out).
   */
  async function deliverOne(id: number, last = false): Promise<Outcome | 'held'> {
    const [row] = await claim(deps.clock(), id);
    if (row) return deliver(row, last);
    const status = await outboxStatus(db, id);
    return status === 'sending' || status === 'delivering' ? 'held' : 'done';
  }

  /** Claims one batch and delivers it; returns how many rows were claimed. */
  async function runOnce(): Promise<number> {
    const rows = await claim(deps.clock());
    for (const row of rows) await deliver(row);
    return rows.length;
  }

  let lastReminderScan = Number.NEGATIVE_INFINITY;

  /** Delivers until nothing is due; first turns new SLA reminders into outbox rows (at most every 30 s). */
  async function drain(): Promise<number> {
    const now = deps.clock().getTime();
    if (now - lastReminderScan >= 30_000 || now < lastReminderScan) {
      await enqueueReminders(db, deps.clock());
      lastReminderScan = now;
    }
    let total = 0;
    for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
    return total;
  }

  /** Polls every `intervalMs`; `stop()` waits for the batch in hand. */
  function start(intervalMs = 2_000) {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let current: Promise<unknown> = Promise.resolve();
    const tick = () => {
      current = drain()
        .catch((err) => log(`[notifications] delivery loop: ${redact(String(err))}`))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, intervalMs);
        });
    };
    tick();
    return {
      async stop() {
        stopped = true;
        clearTimeout(timer);
        await current;
      },
    };
  }

  return { runOnce, drain, start, deliverOne };
}

type Outcome = 'done' | 'retry';

class LeaseLost extends Error {}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
