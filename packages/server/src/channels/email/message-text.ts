/**
 * The writer's own words in an e-mail: the subject without reply prefixes, the text without the quoted history and
 * the signature mail programs add, and the few `Nama: nilai` lines a report by e-mail may carry (docs/email.md).
 */
import type { EmailFields } from '../../app/email/inbound-email';

/** A text longer than this is refused by length anyway: never scanned whole. */
const MAX_SCAN = 100_000;

const TRACKING_ID = /\bLPR-([0-9A-Z]{4})-([0-9A-Z]{4})-([0-9A-Z]{4})\b/i;
// Re:, Fwd:, AW:, Balas:, Re[2]: …, as mail programs in Indonesian, English and a few other languages prefix them.
const PREFIX = /^(re|fw|fwd|aw|wg|sv|vs|tr|balas|bls|trs|teruskan)\s*(\[\d+\]|\(\d+\))?\s*[:：]\s*/i;
const TRACKING_TAG = /^\[[^\]]*\bLPR-[^\]]*\]\s*/i;

/** The report's tracking id the subject carries, upper-cased, or null. */
export function trackingIdIn(subject: string): string | null {
  const m = TRACKING_ID.exec(subject);
  return m ? `LPR-${m[1]}-${m[2]}-${m[3]}`.toUpperCase() : null;
}

/** The subject as a title: one line, without reply/forward prefixes or our `[LPR-…]` tag. */
export function cleanSubject(subject: string): string {
  let out = subject
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let before = ''; before !== out; ) {
    before = out;
    out = out.replace(PREFIX, '').replace(TRACKING_TAG, '').trim();
  }
  return out;
}

// "-- " (RFC 3676 §4.3) and the "--" that programs trimming trailing spaces leave of it.
const SIGNATURE = /^-- ?$/;
const MOBILE_FOOTER =
  /^(sent from my \S+|sent from (yahoo|mail|outlook)\b|get outlook for \S+|dikirim dari (iphone|ipad|ponsel|perangkat|android|samsung|yahoo|outlook|mail)\b)/i;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(original message|pesan asli|pesan asal)\s*-{2,}\s*$/i;
// "On Mon, 3 Jun 2024 at 09:00, Pintu <…> wrote:" and Gmail's Indonesian "Pada … menulis:", over up to 3 lines.
const WROTE = /^\s*(on|pada)\s.{0,300}\b(wrote|menulis)\s*:\s*$/i;
// Outlook's quoted header: "From: … <address>" then "Sent: …"; a memo's "Dari: Siti / Tanggal: …" has no address.
const HEADER_FROM = /^\s*\*?(from|dari)\s*:\*?\s*\S.*@/i;
const HEADER_SENT = /^\s*\*?(sent|date|dikirim|tanggal)\s*:/i;

/** Whether the quoted history starts at line `i` (so it and all after it are someone else's words). */
function historyStarts(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  if (ORIGINAL_MESSAGE.test(line)) return true;
  const header = (at: number) =>
    HEADER_FROM.test(lines[at] ?? '') && lines.slice(at + 1, at + 5).some((l) => HEADER_SENT.test(l));
  if (header(i)) return true;
  if (/^\s*_{10,}\s*$/.test(line) && (header(i + 1) || header(i + 2))) return true;
  if (!/^\s*(on|pada)\s/i.test(line)) return false;
  for (let n = 1; n <= 3 && i + n <= lines.length; n++)
    if (WROTE.test(lines.slice(i, i + n).join(' '))) return true;
  return false;
}

/** The writer's own text: no quoted history ("On … wrote:", "Pada … menulis:", `>` lines), no signature. */
export function ownText(raw: string): string {
  const lines = raw
    .slice(0, MAX_SCAN)
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SIGNATURE.test(line)) break;
    if (MOBILE_FOOTER.test(line.trim()) && kept.some((l) => l.trim())) break;
    if (historyStarts(lines, i)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.trimEnd());
  }
  return tidy(kept);
}

const FIELD =
  /^\s*(wilayah|region|kategori|category|alamat|address|rahasia|confidential|anonim|anonymous)\s*:\s*(.*?)\s*$/i;
const FIELD_NAMES: Record<string, keyof EmailFields> = {
  wilayah: 'region',
  region: 'region',
  kategori: 'category',
  category: 'category',
  alamat: 'address',
  address: 'address',
  rahasia: 'confidential',
  confidential: 'confidential',
  anonim: 'anonymous',
  anonymous: 'anonymous',
};
const YES = /^(ya|iya|yes|y|true|1)$/i;

/** The field lines (`Wilayah:`, `Kategori:`, `Alamat:`, `Rahasia:`, `Anonim:`) out of the text; the first of each counts. */
export function fieldsOf(text: string): { body: string; fields: EmailFields } {
  const fields: EmailFields = { confidential: false, anonymous: false };
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const m = FIELD.exec(line);
    if (!m) {
      kept.push(line);
      continue;
    }
    const name = FIELD_NAMES[m[1]!.toLowerCase()]!;
    const value = m[2]!;
    if (seen.has(name) || !value) continue;
    seen.add(name);
    if (name === 'confidential' || name === 'anonymous') fields[name] = YES.test(value);
    else fields[name] = value;
  }
  return { body: tidy(kept), fields };
}

/** At most one blank line in a row, none at either end. */
function tidy(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
