/** Where attachment bytes live. The file-system adapter keeps them under the data directory. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Blobs } from '@pintu/core';

export type { Blobs };

/** Stores each blob as a file, fanned out by the key's first characters. */
export function fsBlobs(root: string): Blobs {
  const pathOf = (key: string) => join(root, key.slice(0, 2), key);
  return {
    async put(key, bytes) {
      await mkdir(join(root, key.slice(0, 2)), { recursive: true });
      await writeFile(pathOf(key), bytes, { flag: 'wx' });
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
