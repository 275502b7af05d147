/** Detects follow-ups that are near-identical to earlier ones (boilerplate answers, domain.md §5 and §9). */

/** Similarity from which a follow-up counts as boilerplate. */
export const BOILERPLATE_THRESHOLD = 0.9;

function trigrams(text: string): Set<string> {
  const normal = ` ${text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= normal.length; i++) grams.add(normal.slice(i, i + 3));
  return grams;
}

/** Similarity of two texts from 0 to 1: the Dice coefficient of their character trigrams, ignoring case and punctuation. */
export function textSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** The highest similarity of a text to any earlier text (0 when there are none). */
export function maxSimilarity(text: string, earlier: readonly string[]): number {
  return earlier.reduce((max, other) => Math.max(max, textSimilarity(text, other)), 0);
}
