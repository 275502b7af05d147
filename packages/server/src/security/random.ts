/**
 * Random bytes from a pooled buffer: intake draws a tracking id, an access code and a sealing IV per report, and a
 * call into the system's generator per draw cost more than the rest of the sealing (bench/README.md). The pool is
 * refilled from `randomFillSync` (the operating system's CSPRNG) when used up; bytes are never handed out twice.
 */
import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
const pool = Buffer.allocUnsafe(POOL_BYTES);
let next = POOL_BYTES;

/** `n` (≤ 4096) fresh random bytes, as a new buffer. */
export function randomPooled(n: number): Buffer {
  if (n > POOL_BYTES) throw new Error(`randomPooled: at most ${POOL_BYTES} bytes`);
  if (next + n > POOL_BYTES) {
    randomFillSync(pool);
    next = 0;
  }
  const out = Buffer.from(pool.subarray(next, next + n));
  pool.fill(0, next, next + n);
  next += n;
  return out;
}
