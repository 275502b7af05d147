/**
 * Matching legacy names to ours: a normal form (case, accents, punctuation and the usual prefixes do not matter) for
 * exact matches, and a similarity score for the suggestions an operator confirms — never applied without them.
 */

const PREFIXES = /^(kecamatan|kec|kelurahan|kel|desa|kabupaten|kab|kota|pemerintah)\s+/;

/** The normal form: lower case, no accents, words separated by one space. */
export function normalName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A region's normal form without its kind ("Kec. Balikpapan Timur" → "balikpapan timur"). */
export function normalRegion(s: string): string {
  let n = normalName(s);
  for (let prev = ''; prev !== n; ) {
    prev = n;
    n = n.replace(PREFIXES, '');
  }
  return n;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  const t = ` ${s} `;
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice similarity of two normal forms' character bigrams, 0–1: robust to typos and swapped words. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const x = bigrams(a);
  const y = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of x) {
    shared += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return (2 * shared) / total;
}

/** The best `n` candidates for `name` by similarity of their normal forms (each candidate may have several). */
export function suggest<T>(
  name: string,
  candidates: readonly { forms: string[]; value: T }[],
  n = 3,
): { value: T; score: number }[] {
  return candidates
    .map((c) => ({ value: c.value, score: Math.max(...c.forms.map((f) => similarity(name, f))) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, n)
    .map((s) => ({ value: s.value, score: Math.round(s.score * 100) / 100 }));
}
