/**
 * SMS lengths (3GPP TS 23.038 and 23.040): the GSM 7-bit default alphabet and its extension table, how many
 * segments a text takes, and where a concatenated message is cut. A single SMS holds 160 septets (GSM-7) or 70
 * UTF-16 units (UCS-2); each part of a concatenated one loses 7 septets (3 units) to its header: 153 or 67.
 */

/** The default alphabet, one septet each (LF and CR included; ESC, 0x1B, is not a character). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: ESC + one septet, so two each. */
const EXTENSION = '\f^{}\\[~]|€';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

export type SmsEncoding = 'gsm7' | 'ucs2';

export const SINGLE = { gsm7: 160, ucs2: 70 } as const;
export const PART = { gsm7: 153, ucs2: 67 } as const;

/** Septets a character takes in GSM-7, or 0 when it has none. */
function septetsOf(ch: string): 0 | 1 | 2 {
  if (BASIC_SET.has(ch)) return 1;
  if (EXTENSION_SET.has(ch)) return 2;
  return 0;
}

/** Whether every character of the text exists in GSM-7 (default alphabet or extension table). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!septetsOf(ch)) return false;
  return true;
}

/** The encoding a sender must use for the text. */
export function encodingOf(text: string): SmsEncoding {
  return isGsm7(text) ? 'gsm7' : 'ucs2';
}

/** The text's length in its encoding's units: septets for GSM-7, UTF-16 code units for UCS-2. */
export function smsLength(text: string): number {
  if (!isGsm7(text)) return text.length;
  let n = 0;
  for (const ch of text) n += septetsOf(ch);
  return n;
}

/** The units one character takes in the encoding. */
function unitsOf(ch: string, encoding: SmsEncoding): number {
  return encoding === 'gsm7' ? septetsOf(ch) : ch.length;
}

/**
 * The parts a text is sent as: one when it fits a single SMS, else parts of at most 153 septets (67 units), cut
 * between characters, so an escaped character or a surrogate pair never straddles two parts.
 */
export function splitSms(text: string): string[] {
  const encoding = encodingOf(text);
  if (smsLength(text) <= SINGLE[encoding]) return [text];
  const parts: string[] = [];
  let part = '';
  let used = 0;
  for (const ch of text) {
    const units = unitsOf(ch, encoding);
    if (used + units > PART[encoding]) {
      parts.push(part);
      part = '';
      used = 0;
    }
    part += ch;
    used += units;
  }
  if (part) parts.push(part);
  return parts;
}

/** How many SMS the text costs. */
export function segmentsOf(text: string): number {
  return splitSms(text).length;
}

/**
 * The text cut to fit `maxParts` SMS, at a word when one is near, with "..." to say so; unchanged when it fits.
 * Kannel's `max-messages` must be at least `maxParts`, or Kannel cuts it again where it pleases.
 */
export function fitSms(text: string, maxParts: number): string {
  if (segmentsOf(text) <= maxParts) return text;
  const encoding = encodingOf(text);
  // An escaped character or a surrogate pair at a part's end moves whole to the next: shrink until it fits.
  for (let budget = (maxParts === 1 ? SINGLE[encoding] : PART[encoding] * maxParts) - 3; ; budget--) {
    const fitted = `${cutAt(text, encoding, budget)}...`;
    if (segmentsOf(fitted) <= maxParts) return fitted;
  }
}

/** The text's beginning within `budget` units, at a word when one is near. */
function cutAt(text: string, encoding: SmsEncoding, budget: number): string {
  let cut = '';
  let used = 0;
  for (const ch of text) {
    const units = unitsOf(ch, encoding);
    if (used + units > budget) break;
    cut += ch;
    used += units;
  }
  const space = cut.lastIndexOf(' ');
  return (space > cut.length * 0.75 ? cut.slice(0, space) : cut).trimEnd();
}

/** Look-alikes of characters GSM-7 lacks, so that a reply stays in 160-character GSM-7 instead of 70 UCS-2. */
const LOOK_ALIKES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '`': "'",
  '\u00B4': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\t': ' ',
  '\u2022': '-',
  '\u00B7': '.',
};

/**
 * Replaces what has a plain look-alike (quotes, dashes, ellipsis) and drops accents GSM-7 lacks (á → a); characters
 * with neither are left, and the text then goes as UCS-2.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (septetsOf(ch)) out += ch;
    else if (LOOK_ALIKES[ch] !== undefined) out += LOOK_ALIKES[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += base && base !== ch && isGsm7(base) ? base : ch;
    }
  }
  return out;
}
