/**
 * Filing limits (issue 16 §7, docs/abuse.md): who a filing is counted against, how many filings a window allows,
 * and what a filing over a limit gets. Storage counts; these rules decide.
 */
import { countedAddress } from './address';
import { normaliseEmail, normalisePhone } from './normalise';

/** What a filing is counted against: its contact (e-mail, phone), the client address, or the signed-in account. */
export type FilingSubjectKind = 'email' | 'phone' | 'address' | 'citizen' | 'facilitator';

/** Over a limit a filing is refused (429), or accepted and held for moderation (never refused: shared addresses). */
export type OverLimit = 'refuse' | 'flag';

export interface FilingLimit {
  max: number;
  windowMinutes: number;
  over: OverLimit;
}

/** The limits per kind of subject, and the window in which the same text is the same filing (0: not checked). */
export interface FilingLimits {
  contact: FilingLimit;
  address: FilingLimit;
  citizen: FilingLimit;
  facilitator: FilingLimit;
  repeatWindowMinutes: number;
}

const DAY = 24 * 60;

/**
 * The production defaults. A contact is one person: 10 a day is far beyond any citizen's need and stops one
 * address being mailed or texted without end. An address may be a whole village (NAT) or a carrier's thousands
 * (CGNAT), so it is never refused: past 20 an hour its anonymous filings are held for moderation. A signed-in
 * facilitator (LAPOR Masuk Desa) files for a village from one connection: 200 a day on the account, never per
 * address or contact.
 */
export const DEFAULT_FILING_LIMITS: FilingLimits = {
  contact: { max: 10, windowMinutes: DAY, over: 'refuse' },
  address: { max: 20, windowMinutes: 60, over: 'flag' },
  citizen: { max: 20, windowMinutes: DAY, over: 'refuse' },
  facilitator: { max: 200, windowMinutes: DAY, over: 'refuse' },
  repeatWindowMinutes: DAY,
};

/** Who files, as the limits see it: the kind of filer, its account, the client address and the contact given. */
export interface FilingOrigin {
  kind: 'guest' | 'citizen' | 'facilitator';
  accountId?: string | undefined;
  /** The client address as the HTTP layer saw it; absent for channels without one (SMS, e-mail). */
  address?: string | null | undefined;
  contact?: { email?: string | undefined; phone?: string | undefined } | null | undefined;
}

/** One subject of a filing, its value normalised (storage keeps only a keyed hash of it). */
export interface FilingSubject {
  kind: FilingSubjectKind;
  value: string;
}

/**
 * The subjects a filing is counted against. A signed-in citizen or facilitator by the account alone (a facilitator's
 * villagers share its connection and often its phone); a guest by the client address (when it is a public one)
 * and by each contact it gives.
 */
export function filingSubjects(origin: FilingOrigin): FilingSubject[] {
  if (origin.kind !== 'guest')
    return origin.accountId ? [{ kind: origin.kind, value: origin.accountId }] : [];
  const out: FilingSubject[] = [];
  const address = countedAddress(origin.address ?? null);
  if (address) out.push({ kind: 'address', value: address });
  const email = origin.contact?.email ? normaliseEmail(origin.contact.email) : '';
  if (email) out.push({ kind: 'email', value: email });
  const phone = origin.contact?.phone ? normalisePhone(origin.contact.phone) : '';
  if (phone) out.push({ kind: 'phone', value: phone });
  return out;
}

/** The limit that applies to a subject. */
export function limitOf(kind: FilingSubjectKind, limits: FilingLimits): FilingLimit {
  return kind === 'email' || kind === 'phone' ? limits.contact : limits[kind];
}

/** What storage reports back: which subjects (by index) are at or over their limit, with their oldest filing. */
export interface GateCount {
  index: number;
  oldest: Date;
}

/** What becomes of a filing. */
export type GateVerdict =
  | { kind: 'pass' }
  /** The same text from the same subject inside the window: not a second report. */
  | { kind: 'repeat'; trackingId: string }
  | { kind: 'refuse'; subject: FilingSubjectKind; retryAfterSeconds: number }
  /** Accepted, held for moderation. */
  | { kind: 'flag'; rule: 'address_limit' };

/**
 * The verdict from storage's counts at `now`. A repeat comes first (answering with the report already filed beats
 * any limit), then a refusal (Retry-After: when the subject's oldest filing leaves the window, the longest wait
 * of all refusing subjects), then a flag.
 */
export function gateVerdict(
  subjects: readonly FilingSubject[],
  limits: FilingLimits,
  over: readonly GateCount[],
  repeatOf: string | null,
  now: Date,
): GateVerdict {
  if (repeatOf) return { kind: 'repeat', trackingId: repeatOf };
  let refuse: { subject: FilingSubjectKind; retryAfterSeconds: number } | null = null;
  let flag = false;
  for (const o of over) {
    const subject = subjects[o.index];
    if (!subject) continue;
    const limit = limitOf(subject.kind, limits);
    if (limit.over === 'flag') {
      flag = true;
      continue;
    }
    const frees = o.oldest.getTime() + limit.windowMinutes * 60_000;
    const wait = Math.max(1, Math.ceil((frees - now.getTime()) / 1000));
    if (!refuse || wait > refuse.retryAfterSeconds)
      refuse = { subject: subject.kind, retryAfterSeconds: wait };
  }
  if (refuse) return { kind: 'refuse', ...refuse };
  return flag ? { kind: 'flag', rule: 'address_limit' } : { kind: 'pass' };
}
