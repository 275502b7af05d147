/** Reading a dump back: its manifest and a file's bytes as a stream, for the `/open-data/<file>` route. */
import { createReadStream, type ReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenDataManifest, OpenFileEntry } from '../app/open-data/publication';
import { MANIFEST } from './dump';

/** The manifest of the last dump in `dir`, or null when there is none yet. */
export async function readManifest(dir: string): Promise<OpenDataManifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as OpenDataManifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A file the manifest lists, with a stream of its bytes; null for any other name (no path ever built from it). */
export async function openDumpFile(
  dir: string,
  name: string,
): Promise<{ entry: OpenFileEntry; generatedAt: string; stream: () => ReadStream } | null> {
  const manifest = await readManifest(dir);
  const entry = manifest?.files.find((f) => f.name === name);
  if (!manifest || !entry) return null;
  return { entry, generatedAt: manifest.generatedAt, stream: () => createReadStream(join(dir, entry.name)) };
}
