/**
 * A Merkle tree hash over the reports' chain heads, as RFC 6962 §2.1 defines it (the Certificate Transparency tree):
 * leaves are hashed with a 0x00 prefix and nodes with 0x01, so a leaf can never pass for a node. Built
 * incrementally: leaves come from a database cursor and only one hash per tree level is kept.
 */
import { createHash } from 'node:crypto';

const sha256 = (...parts: (Buffer | string)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** A head as a leaf: `<report id>:<seq>:<event hash>`, the report's position in the tree being its id order. */
export const headLeaf = (reportId: number, seq: number, hash: string) => `${reportId}:${seq}:${hash}`;

export const leafHash = (leaf: string) => sha256(LEAF, leaf);
export const nodeHash = (left: Buffer, right: Buffer) => sha256(NODE, left, right);

/** The empty tree's hash (RFC 6962: the hash of the empty string). */
export const EMPTY_ROOT = sha256('').toString('hex');

export interface MerkleBuilder {
  add(leaf: string): void;
  /** The tree hash of the leaves added so far, hex. */
  root(): string;
  count(): number;
}

/**
 * Complete subtrees are kept on a stack, one per set bit of the leaf count; the root folds them right to left,
 * which is exactly RFC 6962's split at the largest power of two below n.
 */
export function merkleBuilder(): MerkleBuilder {
  const stack: { size: number; hash: Buffer }[] = [];
  let n = 0;
  return {
    add(leaf) {
      let top = { size: 1, hash: leafHash(leaf) };
      while (stack.length && stack[stack.length - 1]!.size === top.size) {
        const left = stack.pop()!;
        top = { size: left.size * 2, hash: nodeHash(left.hash, top.hash) };
      }
      stack.push(top);
      n++;
    },
    root() {
      if (!stack.length) return EMPTY_ROOT;
      let hash = stack[stack.length - 1]!.hash;
      for (let i = stack.length - 2; i >= 0; i--) hash = nodeHash(stack[i]!.hash, hash);
      return hash.toString('hex');
    },
    count: () => n,
  };
}

/** The tree hash by RFC 6962's recursive definition; the reference the incremental builder is tested against. */
export function merkleRootOf(leaves: string[]): string {
  const mth = (d: string[]): Buffer => {
    if (d.length === 1) return leafHash(d[0]!);
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
  };
  return leaves.length ? mth(leaves).toString('hex') : EMPTY_ROOT;
}
