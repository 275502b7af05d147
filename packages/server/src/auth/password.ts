/** Password hashing with argon2id (@node-rs/argon2, a prebuilt binary; no install scripts), OWASP parameters. */
import { hash, verify } from '@node-rs/argon2';

// OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. `algorithm` 2 is Argon2id (the
// package's default, spelled out; its enum is a const enum that isolated modules cannot read).
const PARAMS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** better-auth's password hooks: hash and verify (the PHC string carries its own parameters). */
export const argon2id = {
  hash: (password: string) => hash(password, PARAMS),
  verify: async ({ hash: stored, password }: { hash: string; password: string }) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  },
};
