/** Normal forms of what the abuse rules compare: a filing's text, an e-mail address, an Indonesian phone number. */

/**
 * A report's text as repeat detection compares it: Unicode-normalised (NFKC), lower case, letters and digits only,
 * one space between words — so a resend with other spacing, case or punctuation is still the same text.
 */
export function filingText(title: string, body: string): string {
  return `${title}\n${body}`
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An e-mail address as one mailbox: trimmed, lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An Indonesian number as one line: digits only, `0…` and `+62…` both as `62…`. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D+/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}
