/**
 * Phone numbers as SMS gateways hand them over (`+6281…`, `6281…`, `081…`, `006281…`) in one form, `+<digits>`,
 * so that the number a report was filed from and the number asking about it compare equal however they arrive.
 */

/** The number in `+<country><number>` form (Indonesian national numbers get +62), or null when it is none. */
export function normalizePhone(raw: string): string | null {
  let n = raw.trim().replace(/[\s().-]/g, '');
  if (n.startsWith('00')) n = `+${n.slice(2)}`;
  else if (n.startsWith('0')) n = `+62${n.slice(1)}`;
  else if (/^62\d/.test(n)) n = `+${n}`;
  else if (/^8\d{7,12}$/.test(n)) n = `+62${n}`;
  return /^\+\d{7,15}$/.test(n) ? n : null;
}

/** Whether two numbers are the same line. */
export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = normalizePhone(a);
  return x !== null && x === normalizePhone(b);
}
