/**
 * Writes the open-data files (issue 15) under one directory: every data file streamed page by page from the port
 * (a million reports are never in memory at once), each written to a temporary directory first and renamed into
 * place when complete, `manifest.json` last — a reader never sees a half-written file, and the manifest never
 * names a file that is not there yet. Run daily by the job (jobs/open-data-job.ts) and by `pintu open-data dump`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenDataStore, OpenReportCursor } from '@pintu/core';
import { DICTIONARY } from '../app/open-data/dictionary';
import { publishCells } from '../app/open-data/open-aggregates';
import { COUNT_COLUMNS, openRowOf, REPORT_COLUMNS, TOTAL_COLUMNS } from '../app/open-data/open-rows';
import {
  LICENCE,
  OPEN_FILES,
  type OpenDataManifest,
  type OpenFileEntry,
  type OpenFileName,
  SMALL_COUNT_RULE,
} from '../app/open-data/publication';
import { type CatalogMeta, catalogJsonLd, dataJson } from './catalog';
import { csvLine, csvRow } from './csv';

export const MANIFEST = 'manifest.json';
const PAGE = 2000;

export interface DumpDeps extends CatalogMeta {
  openData: OpenDataStore;
  dir: string;
  /** Keys the rounding of the aggregates (never written anywhere). */
  secret: string;
  now: Date;
  /** Awaited between pages: lets requests in on PGlite, which shares this thread. */
  pause?: () => Promise<void>;
}

/** A file being written: its stream, running hash, size and rows. */
class Sink {
  readonly stream: WriteStream;
  readonly hash = createHash('sha256');
  bytes = 0;
  rows = 0;
  constructor(path: string) {
    this.stream = createWriteStream(path);
  }
  /** Writes a chunk, waiting for the stream to drain when its buffer is full. */
  async write(text: string, row = true): Promise<void> {
    const buf = Buffer.from(text);
    this.hash.update(buf);
    this.bytes += buf.length;
    if (row) this.rows++;
    if (!this.stream.write(buf)) await new Promise<void>((r) => this.stream.once('drain', () => r()));
  }
  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

/** Writes every file and the manifest; returns the manifest. */
export async function dumpOpenData(d: DumpDeps): Promise<OpenDataManifest> {
  await mkdir(d.dir, { recursive: true });
  const tmp = join(d.dir, `.tmp-${randomBytes(6).toString('hex')}`);
  await mkdir(tmp);
  try {
    const sinks = new Map<OpenFileName, Sink>();
    const open = (name: OpenFileName) => {
      const s = new Sink(join(tmp, name));
      sinks.set(name, s);
      return s;
    };
    await writeReports(d, open('reports.csv'), open('reports.jsonl'));
    await writeAggregates(d, open('aggregates.csv'), open('aggregates-totals.csv'));
    const dictJson = open('dictionary.json');
    await dictJson.write(
      `${JSON.stringify({ licence: LICENCE, rule: SMALL_COUNT_RULE, fields: DICTIONARY }, null, 2)}\n`,
      false,
    );
    const dictCsv = open('dictionary.csv');
    const dictColumns = ['table', 'field', 'type', 'nullable', 'description_id', 'description_en'] as const;
    await dictCsv.write(csvLine(dictColumns), false);
    for (const f of DICTIONARY) await dictCsv.write(csvRow(f, dictColumns));
    for (const s of sinks.values()) await s.end();

    const span = await d.openData.span();
    const entry = (name: OpenFileName, s: { bytes: number; sha256: string; rows: number | null }) =>
      Object.assign({}, OPEN_FILES.find((f) => f.name === name)!, s, {
        url: `${d.baseUrl}/open-data/${name}`,
      }) as OpenFileEntry;
    const data = [...sinks].map(([name, s]) =>
      entry(name, {
        bytes: s.bytes,
        sha256: s.hash.digest('hex'),
        rows: name.startsWith('dictionary') ? null : s.rows,
      }),
    );
    const manifest: OpenDataManifest = {
      generatedAt: d.now.toISOString(),
      licence: LICENCE,
      rule: SMALL_COUNT_RULE,
      temporal: span ? { start: span.first, end: span.last } : null,
      files: data,
    };
    // The catalogues describe the data files (their sizes, the dump's date), then list themselves in the manifest.
    for (const [name, doc] of [
      ['catalog.jsonld', catalogJsonLd(manifest, d)],
      ['data.json', dataJson(manifest, d)],
    ] as const) {
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      await writeFile(join(tmp, name), text);
      const sha256 = createHash('sha256').update(text).digest('hex');
      manifest.files.push(entry(name, { bytes: Buffer.byteLength(text), sha256, rows: null }));
    }
    await writeFile(join(tmp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const f of manifest.files) await rename(join(tmp, f.name), join(d.dir, f.name));
    await rename(join(tmp, MANIFEST), join(d.dir, MANIFEST));
    return manifest;
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await removeStaleTemporaries(d.dir);
  }
}

/** A dump killed half-way leaves its temporary directory: the next one removes it. */
async function removeStaleTemporaries(dir: string) {
  for (const name of await readdir(dir).catch(() => [] as string[]))
    if (name.startsWith('.tmp-')) await rm(join(dir, name), { recursive: true, force: true });
}

async function writeReports(d: DumpDeps, csv: Sink, jsonl: Sink) {
  await csv.write(csvLine(REPORT_COLUMNS), false);
  let after: OpenReportCursor | null = null;
  for (;;) {
    const page = await d.openData.reports({}, after, PAGE);
    for (const r of page) {
      const row = openRowOf(r, d.baseUrl);
      await csv.write(csvRow(row, REPORT_COLUMNS));
      await jsonl.write(`${JSON.stringify(row)}\n`);
    }
    if (page.length < PAGE) return;
    after = page.at(-1)!.cursor;
    await d.pause?.();
  }
}

/** Month by month: one month's cells at a time, each province-month total with its cells. */
async function writeAggregates(d: DumpDeps, cells: Sink, totals: Sink) {
  await cells.write(csvLine(COUNT_COLUMNS), false);
  await totals.write(csvLine(TOTAL_COLUMNS), false);
  const span = await d.openData.span();
  if (!span) return;
  for (let month = span.first; month <= span.last; month = nextMonth(month)) {
    const exact = await d.openData.counts({ fromMonth: month, toMonth: month }, d.secret);
    const published = publishCells(exact);
    for (const c of published.cells) await cells.write(csvRow(c, COUNT_COLUMNS));
    for (const t of published.totals) await totals.write(csvRow(t, TOTAL_COLUMNS));
    await d.pause?.();
  }
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
