/**
 * The abuse gate every channel's filing passes (issue 16 §7, docs/abuse.md): which subjects a filing is counted
 * against (core's `filingSubjects`), as keyed hashes for storage, and what storage's answer means for the filer
 * (core's `gateVerdict`): a repeat is 409 naming the report already filed, a refusal 429 with Retry-After, a flag
 * a filing accepted and held for moderation.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import {
  DEFAULT_FILING_LIMITS,
  type FilingGate,
  type FilingLimits,
  type FilingOrigin,
  type FilingSubject,
  fail,
  failRateLimited,
  filingSubjects,
  filingText,
  type GateStop,
  type GateVerdict,
  gateVerdict,
  limitOf,
} from '@pintu/core';

/** The gate's settings, made once in main.ts: the limits and the key of the hashes storage keeps. */
export interface FilingGuard {
  limits: FilingLimits;
  hash(value: string): string;
}

/** A guard whose hash key is derived from `secret` (the auth secret, itself from the data key). */
export function createFilingGuard(secret: string, limits: FilingLimits = DEFAULT_FILING_LIMITS): FilingGuard {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'pintu/filing-marks/v1', 32));
  return { limits, hash: (value) => createHmac('sha256', key).update(value).digest('base64url') };
}

/** A filing's gate: the subjects (for reading the verdict) and what storage checks. */
export interface PreparedGate {
  subjects: FilingSubject[];
  query: FilingGate;
}

/** The gate of a filing from `origin` with this title and body at `now`; null when nothing is counted. */
export function prepareGate(
  guard: FilingGuard | undefined,
  origin: FilingOrigin | null,
  title: string,
  body: string,
  now: Date,
): PreparedGate | null {
  if (!guard || !origin) return null;
  const subjects = filingSubjects(origin);
  if (!subjects.length) return null;
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  const { limits } = guard;
  return {
    subjects,
    query: {
      limits: subjects.map((s) => {
        const limit = limitOf(s.kind, limits);
        return {
          key: guard.hash(`${s.kind}:${s.value}`),
          max: limit.max,
          since: minutesAgo(limit.windowMinutes),
          refuse: limit.over === 'refuse',
        };
      }),
      flagged: false,
      text: guard.hash(`text:${filingText(title, body)}`),
      repeatSince: limits.repeatWindowMinutes > 0 ? minutesAgo(limits.repeatWindowMinutes) : null,
    },
  };
}

const SUBJECT_WORDS: Record<string, { id: string; en: string }> = {
  email: { id: 'alamat e-mail ini', en: 'this e-mail address' },
  phone: { id: 'nomor telepon ini', en: 'this phone number' },
  citizen: { id: 'akun ini', en: 'this account' },
  facilitator: { id: 'akun pendamping ini', en: 'this facilitator account' },
};

/**
 * The verdict of storage's stop; a repeat or a refusal ends the request here (409, 429), a flag is returned for the
 * caller to file again held for moderation.
 */
export function stopVerdict(
  guard: FilingGuard,
  gate: PreparedGate,
  stop: GateStop,
  now: Date,
): Extract<GateVerdict, { kind: 'flag' | 'pass' }> {
  const verdict = gateVerdict(gate.subjects, guard.limits, stop.over, stop.repeatOf, now);
  if (verdict.kind === 'repeat')
    fail(
      'CONFLICT',
      `Laporan yang sama sudah dikirim: ${verdict.trackingId}. Ikuti laporan itu. / ` +
        `The same report was already filed: ${verdict.trackingId}. Follow that one.`,
      [{ field: 'body', code: 'duplicate_submission', message: verdict.trackingId }],
      'duplicate_submission',
    );
  if (verdict.kind === 'refuse') {
    const who = SUBJECT_WORDS[verdict.subject] ?? { id: 'pengirim ini', en: 'this sender' };
    const hours = Math.ceil(verdict.retryAfterSeconds / 3600);
    failRateLimited(
      `Terlalu banyak laporan dari ${who.id}; coba lagi dalam ${hours} jam. / ` +
        `Too many reports from ${who.en}; try again in ${hours} hour${hours === 1 ? '' : 's'}.`,
      verdict.retryAfterSeconds,
      'filing_limit',
    );
  }
  return verdict;
}
