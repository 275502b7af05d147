/**
 * `LAPOR <isi>` (issue 14): a guest's report on the `sms` channel through the intake every channel uses
 * (reports/file-report.ts), the sender's number sealed as the reporter's contact. In the national queue unless the
 * SMS names a region (its government's queue) or an institution. A message the gateway delivers twice (same
 * message id) files once, and the second delivery gets the first one's answer again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DomainFailure, type IdempotencyLease, localDate, REPORT_LIMITS } from '@pintu/core';
import type { SmsInstitution } from '../../db/postgres-sms-references';
import { type FiledReport, fileReport, fileReportWithKey, type ReportFiling } from '../reports/file-report';
import type { FileRefusal, SmsDeps, SmsFilingSettings, SmsOutcome } from './sms-deps';

const L = REPORT_LIMITS;
const SCOPE = 'sms';

export interface SmsFiling {
  /** The sender, normalised (+62…). */
  phone: string;
  language: 'id' | 'en';
  regionCode?: string | undefined;
  institutionCode?: string | undefined;
  text: string;
  /** The gateway's id of the message (Kannel's %I), when it sends one. */
  messageId?: string | undefined;
}

/** What a filing's answer needs again on a redelivery; stored sealed (it holds the access code). */
interface Receipt {
  trackingId: string;
  accessCode: string;
  institution: string | null;
}

const refused = (reason: FileRefusal): SmsOutcome => ({ kind: 'file_refused', reason });
const filed = (r: Receipt): SmsOutcome => ({ kind: 'filed', ...r });

export async function fileBySms(
  deps: SmsDeps,
  sms: SmsFiling,
  settings: SmsFilingSettings,
): Promise<SmsOutcome> {
  const text = sms.text;
  if (!text) return refused({ why: 'empty' });
  if (text.length < L.bodyMin) return refused({ why: 'too_short' });
  if (text.length > L.bodyMax) return refused({ why: 'too_long' });

  const lease = leaseOf(sms);
  const earlier = lease && (await replay(deps, lease));
  if (earlier) return earlier;

  const categoryId = settings.category ? await deps.references.categoryId(settings.category) : null;
  if (categoryId === null) {
    console.error('[sms] LAPOR refused: SMS_CATEGORY is not set or names no category');
    return refused({ why: 'not_configured' });
  }
  let institution: SmsInstitution | null = null;
  if (sms.institutionCode) {
    institution = await deps.references.institution(sms.institutionCode);
    if (!institution) return refused({ why: 'unknown_institution', code: sms.institutionCode });
  }
  let regionCode = institution?.regionCode ?? settings.defaultRegion;
  if (sms.regionCode) {
    const region = await deps.references.region(sms.regionCode);
    if (!region) return refused({ why: 'unknown_region', code: sms.regionCode });
    regionCode = region.code;
    // A region alone is the queue of its government, when this instance has it.
    institution ??= region.government;
  }
  if (!regionCode) return refused({ why: 'no_region' });

  const input: ReportFiling = {
    type: 'complaint',
    title: titleOf(text),
    body: text,
    incidentDate: localDate(deps.now, 'Asia/Jakarta'),
    location: { regionCode },
    categoryId,
    institutionId: institution?.id,
    isAnonymous: false,
    isConfidential: false,
    attachmentIds: [],
    // No name comes with an SMS; staff see this label and the (masked) number.
    reporter: { name: sms.language === 'en' ? 'SMS reporter' : 'Pelapor SMS', phone: sms.phone },
    language: sms.language,
  };
  const filer = { kind: 'guest', channel: 'sms' } as const;
  const receiptOf = (created: FiledReport): Receipt => ({
    trackingId: created.trackingId,
    accessCode: created.accessCode,
    institution: created.institution?.name ?? null,
  });
  try {
    const created = lease
      ? await fileReportWithKey(deps, input, filer, {
          lease,
          fingerprint: lease.key,
          answerOf: (c) => ({ status: 200, headers: {}, body: deps.sealer.seal(receiptOf(c)) }),
        })
      : await fileReport(deps, input, filer);
    if (created) return filed(receiptOf(created));
    // Another delivery of the same message was filed meanwhile: its answer, or silence if it is not stored yet.
    return (lease && (await replay(deps, lease))) || { kind: 'duplicate' };
  } catch (err) {
    if (!(err instanceof DomainFailure)) throw err;
    // A filing limit or a repeat (docs/abuse.md) says it in both languages: the SMS gets the sender's half.
    if (err.error.code === 'RATE_LIMITED' || err.error.reason === 'duplicate_submission') {
      const [id, en] = err.message.split(' / ');
      return refused({ why: 'invalid', message: (sms.language === 'en' ? en : id) ?? err.message });
    }
    const fields = err.error.fields?.map((f) => f.message).join(' ');
    return refused({ why: 'invalid', message: fields || err.message });
  }
}

/** Per sender and message id: another number cannot claim a message id to mute someone's filing. */
function leaseOf(sms: SmsFiling): IdempotencyLease | null {
  if (!sms.messageId) return null;
  const key = createHash('sha256').update(`${sms.phone}\n${sms.messageId}`).digest('hex');
  return { scope: SCOPE, key, owner: randomUUID() };
}

/** The first delivery's answer, when this message was filed before. */
async function replay(deps: SmsDeps, lease: IdempotencyLease): Promise<SmsOutcome | null> {
  const found = await deps.idempotencyKeys.find(lease.scope, lease.key);
  if (found?.state !== 'done') return null;
  return filed(deps.sealer.open<Receipt>(found.answer.body));
}

/** The first sentence (or line) when it makes a title, else the text's beginning; cut at a word within the limit. */
export function titleOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(flat)?.[1] ?? flat;
  let title = sentence.length >= L.titleMin ? sentence : flat;
  const max = 100; // a list's line, well under the 150 allowed
  if (title.length > max) {
    const cut = title.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    title = `${space > max / 2 ? cut.slice(0, space) : cut}…`;
  }
  return title.charAt(0).toUpperCase() + title.slice(1);
}
