/**
 * The e-mail channel's use case over in-memory ports: who may thread into a report is decided before anything is
 * written (the database and the report store throw when touched), every outcome is answered once with the
 * automatic-answer headers, and a redelivered message is neither handled nor answered again.
 */
import { randomBytes } from 'node:crypto';
import {
  createCalendar,
  type IdempotencyKeys,
  openReport,
  type ReportStatus,
  type StoredAnswer,
} from '@pintu/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../src/app/deps';
import type { EmailDeps, InboundEmail } from '../../src/app/email/inbound-email';
import { receiveEmail } from '../../src/app/email/receive-email';
import type { MailMessage } from '../../src/mail/mailer';
import { createSealer } from '../../src/security/seal';
import { fakeWorkflowReports, type WorkflowStore, workflowStore } from '../fakes/workflow-reports';

const NOW = new Date('2024-06-03T02:00:00Z');
const ID = 'LPR-AAAA-BBBB-CCCC';
const SETTINGS = { mailbox: 'lapor@pintu.test', publicUrl: 'https://pintu.test', defaults: {} };
const untouchable = <T extends object>(name: string) =>
  new Proxy({} as T, {
    get(_, key) {
      throw new Error(`the use case reached ${name} (${String(key)})`);
    },
  });

/** Idempotency keys in memory: only what the channel uses (find, store); the rest throws. */
function memoryKeys(): IdempotencyKeys {
  const rows = new Map<string, StoredAnswer>();
  const unused = async (): Promise<never> => {
    throw new Error('the channel uses only find and store');
  };
  return {
    find: async (scope, key) => {
      const answer = rows.get(`${scope}/${key}`);
      return answer ? { state: 'done', fingerprint: key, answer } : null;
    },
    store: async (lease, _fingerprint, answer) => {
      if (rows.has(`${lease.scope}/${lease.key}`)) return false;
      rows.set(`${lease.scope}/${lease.key}`, answer);
      return true;
    },
    begin: unused,
    takeOver: unused,
    complete: unused,
    release: unused,
    forgetOlderThan: unused,
  };
}

let store: WorkflowStore;
let sent: MailMessage[];
let deps: EmailDeps;
const sealer = createSealer(randomBytes(32));

function reportIn(status: ReportStatus, email: string | null) {
  const guest = { id: `guest:${ID}`, role: 'guest' as const, institutionId: null };
  const opened = openReport(
    { id: ID, type: 'complaint', reporterId: guest.id, requested: null },
    guest,
    NOW,
    {
      calendar: createCalendar([]),
    },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  store.reports.push({
    id: 1,
    trackingId: ID,
    parentReportId: null,
    isAnonymous: false,
    isConfidential: false,
    reporterAccountId: null,
    reporterSealed: email === null ? null : sealer.seal({ name: 'Siti', email }),
    accessCodeHash: null,
    state: { ...opened.report, status },
    updatedAt: NOW,
  });
}

function mail(over: Partial<InboundEmail> = {}): InboundEmail {
  return {
    messageId: '<m1@warga.test>',
    sender: { name: 'Siti', address: 'siti@warga.test' },
    subject: `Re: [${ID}] Laporan diterima`,
    title: 'Laporan diterima',
    trackingId: ID,
    text: 'Masih ada dua lubang di sisi kiri jalan.',
    body: 'Masih ada dua lubang di sisi kiri jalan.',
    fields: { confidential: false, anonymous: false },
    attachments: [],
    senderUnverified: false,
    ...over,
  };
}

beforeEach(() => {
  store = workflowStore();
  sent = [];
  deps = {
    db: untouchable<AppDeps['db']>('the database'),
    reports: untouchable<AppDeps['reports']>('the reports port'),
    attachments: untouchable<AppDeps['attachments']>('the attachments port'),
    blobs: untouchable<AppDeps['blobs']>('the blob store'),
    sealer,
    calendar: { get: () => createCalendar([]), decreedYears: () => new Set([2024]), reload: async () => {} },
    mailer: { send: async (m) => void sent.push(m) },
    idempotencyKeys: memoryKeys(),
    workflowReports: fakeWorkflowReports(store),
    now: NOW,
    references: untouchable<EmailDeps['references']>('the reference lookup'),
  };
});

describe('a reply naming a report', () => {
  it.each([
    [
      'another address',
      'awaiting_reporter' as const,
      'siti@warga.test',
      mail({ sender: { name: 'Siti', address: 'x@evil.test' } }),
    ],
    ['a report without a sealed address', 'awaiting_reporter' as const, null, mail()],
    [
      'the right address that failed DMARC',
      'awaiting_reporter' as const,
      'siti@warga.test',
      mail({ senderUnverified: true }),
    ],
  ])('is not linked: %s', async (_name, status, email, m) => {
    reportIn(status, email);
    expect(await receiveEmail(deps, m, SETTINGS)).toEqual({ kind: 'not_linked', trackingId: ID });
    expect(sent.map((s) => s.subject)).toEqual([
      `Balasan tidak dikaitkan / Reply not linked: Re: [${ID}] Laporan diterima`,
    ]);
  });

  it('naming an unknown report looks the same as naming someone else’s', async () => {
    expect(await receiveEmail(deps, mail({ trackingId: 'LPR-ZZZZ-ZZZZ-ZZZZ' }), SETTINGS)).toEqual({
      kind: 'not_linked',
      trackingId: 'LPR-ZZZZ-ZZZZ-ZZZZ',
    });
  });

  it('from the reporter, while the report waits for no answer, is refused with the status', async () => {
    reportIn('submitted', 'Siti@Warga.test');
    expect(await receiveEmail(deps, mail(), SETTINGS)).toEqual({
      kind: 'reply_refused',
      trackingId: ID,
      reason: { why: 'not_awaiting', status: 'submitted' },
    });
    expect(sent[0]!.text).toContain('status: Belum Terverifikasi');
  });

  it('from the reporter, with nothing of their own in it, is refused as empty', async () => {
    reportIn('awaiting_reporter', 'siti@warga.test');
    const outcome = await receiveEmail(deps, mail({ text: '', body: '' }), SETTINGS);
    expect(outcome).toMatchObject({ kind: 'reply_refused', reason: { why: 'empty' } });
  });
});

describe('every outcome answered once', () => {
  it('answers with the automatic-answer headers, to the sender, replies going to the mailbox', async () => {
    await receiveEmail(deps, mail({ trackingId: null, body: 'Pendek.' }), SETTINGS);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: 'siti@warga.test',
      replyTo: 'lapor@pintu.test',
      headers: { 'Auto-Submitted': 'auto-replied', 'In-Reply-To': '<m1@warga.test>' },
    });
    expect(sent[0]!.subject).toMatch(/^Laporan belum diterima \/ Report not accepted/);
  });

  it('a redelivered message is recognised by sender and Message-ID: not handled, not answered', async () => {
    reportIn('awaiting_reporter', 'siti@warga.test');
    await receiveEmail(deps, mail({ sender: { name: 'X', address: 'x@evil.test' } }), SETTINGS);
    expect(
      await receiveEmail(deps, mail({ sender: { name: 'X', address: 'x@evil.test' } }), SETTINGS),
    ).toEqual({
      kind: 'duplicate',
    });
    expect(sent).toHaveLength(1);
    // The same Message-ID from another sender is another message: a forger cannot mute the reporter.
    expect((await receiveEmail(deps, mail({ text: '' }), SETTINGS)).kind).toBe('reply_refused');
  });

  it('an answer that cannot be sent is logged, not thrown (the MTA would deliver again)', async () => {
    deps.mailer = {
      send: async () => {
        throw new Error('connect ECONNREFUSED for siti@warga.test');
      },
    };
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const outcome = await receiveEmail(deps, mail({ trackingId: null, body: 'Pendek.' }), SETTINGS);
      expect(outcome.kind).toBe('refused');
    } finally {
      console.error = original;
    }
    expect(errors.join(' ')).not.toContain('siti@warga.test');
  });
});
