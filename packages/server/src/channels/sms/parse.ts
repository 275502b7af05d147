/**
 * The SMS grammar (docs/sms.md), Indonesian keywords with English aliases, case ignored:
 *
 *   LAPOR [#<kode wilayah>] [@<kode instansi>] <isi>   REPORT   file a report (national queue unless a code is given)
 *   CEK <Tracking ID>                                  CHECK, STATUS   the status and the running deadline
 *   BALAS <Tracking ID> <isi>                          REPLY    the reporter's reply to a follow-up or a question
 *
 * Anything else is a request for help. The keyword may be followed by ':' or ','; codes come before the text, in
 * either order. The language of the keyword is the language of the answer (and of a report filed).
 */

export type SmsLanguage = 'id' | 'en';

export type SmsCommand =
  | {
      kind: 'file';
      language: SmsLanguage;
      regionCode?: string;
      institutionCode?: string;
      /** The report's text, trimmed; may be empty. */
      text: string;
    }
  /** `trackingId` is null when none was written (or it cannot be one). */
  | { kind: 'check'; language: SmsLanguage; trackingId: string | null }
  | { kind: 'reply'; language: SmsLanguage; trackingId: string | null; text: string }
  /** A code written where a code goes but not well-formed (`#64.7`). */
  | { kind: 'bad_code'; language: SmsLanguage; code: string }
  | { kind: 'help'; language: SmsLanguage };

const KEYWORDS: Record<string, { kind: 'file' | 'check' | 'reply'; language: SmsLanguage }> = {
  LAPOR: { kind: 'file', language: 'id' },
  REPORT: { kind: 'file', language: 'en' },
  CEK: { kind: 'check', language: 'id' },
  CHECK: { kind: 'check', language: 'en' },
  STATUS: { kind: 'check', language: 'en' },
  BALAS: { kind: 'reply', language: 'id' },
  REPLY: { kind: 'reply', language: 'en' },
};

// Kemendagri codes: province 64, regency/city 64.72, district 64.72.01, village 64.72.01.1001.
const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
// Institution codes: `pemda-64.72`, `pemprov-64`, `kemenkes`, `unit-812`.
const INSTITUTION_CODE = /^[a-z0-9][a-z0-9.-]{1,63}$/i;
// LPR-8F3K-Q7MZ-2T9X, however typed: any case, with or without dashes or spaces between the groups.
const TRACKING_ID = /^LPR[-\s]?([0-9A-Z]{4})[-\s]?([0-9A-Z]{4})[-\s]?([0-9A-Z]{4})$/i;

/** A tracking id in its canonical form (O read as 0, I and L as 1, as the alphabet has them not), or null. */
export function trackingIdOf(word: string): string | null {
  const m = TRACKING_ID.exec(word.trim());
  if (!m) return null;
  const group = (g: string) => g.toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  return `LPR-${group(m[1]!)}-${group(m[2]!)}-${group(m[3]!)}`;
}

/** Reads one message. */
export function parseSms(raw: string): SmsCommand {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const m = /^([A-Za-z]+)[:,.]?(?:\s+|$|(?=[#@]))/.exec(text);
  const keyword = m ? KEYWORDS[m[1]!.toUpperCase()] : undefined;
  if (!m || !keyword) return { kind: 'help', language: 'id' };
  const rest = text.slice(m[0].length).trim();
  const { language } = keyword;
  if (keyword.kind === 'file') return fileCommand(rest, language);
  // The tracking id may be typed with spaces between its groups: take up to the first 4 words that make one.
  const words = rest.split(/\s+/).filter(Boolean);
  let trackingId: string | null = null;
  let used = words.length ? 1 : 0;
  for (let n = Math.min(4, words.length); n >= 1 && !trackingId; n--) {
    trackingId = trackingIdOf(words.slice(0, n).join(' '));
    if (trackingId) used = n;
  }
  if (keyword.kind === 'check') return { kind: 'check', language, trackingId };
  return { kind: 'reply', language, trackingId, text: afterWords(rest, used) };
}

/** LAPOR's leading codes, then its text. */
function fileCommand(rest: string, language: SmsLanguage): SmsCommand {
  const command: Extract<SmsCommand, { kind: 'file' }> = { kind: 'file', language, text: '' };
  let body = rest;
  for (;;) {
    const m = /^([#@])(\S*)(?:\s+|$)/.exec(body);
    if (!m) break;
    const [, sign, code = ''] = m;
    if (sign === '#') {
      // `#banjir` is a hashtag in the text, `#64.7` a region code written wrong.
      if (!/^\d/.test(code)) break;
      if (!REGION_CODE.test(code) || command.regionCode)
        return { kind: 'bad_code', language, code: `#${code}` };
      command.regionCode = code;
    } else {
      if (!INSTITUTION_CODE.test(code) || command.institutionCode)
        return { kind: 'bad_code', language, code: `@${code}` };
      command.institutionCode = code.toLowerCase();
    }
    body = body.slice(m[0].length);
  }
  command.text = body.trim();
  return command;
}

/** `text` without its first `n` words. */
function afterWords(text: string, n: number): string {
  let rest = text;
  for (let i = 0; i < n; i++) rest = rest.replace(/^\S+\s*/, '');
  return rest.trim();
}
