import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, merkleBuilder, merkleRootOf } from './merkle';

describe('the Merkle tree hash over chain heads', () => {
  it('builds incrementally the same root as RFC 6962 recursively, for every size up to 70', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => `${i + 1}:3:${'ab'.repeat(32)}`);
    for (let n = 0; n <= leaves.length; n++) {
      const b = merkleBuilder();
      for (const l of leaves.slice(0, n)) b.add(l);
      expect(b.root(), `n=${n}`).toBe(merkleRootOf(leaves.slice(0, n)));
      expect(b.count()).toBe(n);
    }
  });

  it('matches the RFC 6962 empty tree and changes with any leaf or its order', () => {
    expect(merkleRootOf([])).toBe(EMPTY_ROOT);
    expect(EMPTY_ROOT).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const base = merkleRootOf(['1:1:a', '2:1:b', '3:2:c']);
    expect(merkleRootOf(['1:1:a', '2:1:b', '3:2:d'])).not.toBe(base);
    expect(merkleRootOf(['2:1:b', '1:1:a', '3:2:c'])).not.toBe(base);
    expect(merkleRootOf(['1:1:a', '2:1:b'])).not.toBe(base);
  });
});
