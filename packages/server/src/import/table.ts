/**
 * A legacy export read as a table, streaming: CSV (RFC 4180, UTF-8 or a transcoding the operator asked for) or the
 * first worksheet of an XLSX workbook (exceljs' streaming reader). What kind of file it is comes from its first
 * bytes, not its name. A file that is neither, or a CSV that is not valid in its encoding, is a `TableFileError`.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  CSV_LIMITS,
  type CsvLimits,
  CsvParser,
  type CsvRecord,
  CsvStructureError,
  detectDelimiter,
} from './csv';

export type TableKind = 'csv' | 'xlsx';

/** A file-level problem: nothing of the file is imported. `code` is stable, the message bilingual. */
export class TableFileError extends Error {
  constructor(
    readonly code: 'not_a_table' | 'encoding' | 'structure' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

/** The encodings a CSV may be read in; anything but UTF-8 only when the operator names it. */
export const ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16le'] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface TableOptions {
  encoding?: Encoding;
  /** `,` `;` or tab; taken from the header line when absent. */
  delimiter?: string;
  limits?: CsvLimits;
}

/** What a file is, from its first bytes. */
export async function sniffTable(
  path: string,
): Promise<{ kind: TableKind; bom: 'utf-8' | 'utf-16le' | null }> {
  const fh = await open(path, 'r');
  const head = Buffer.alloc(4096);
  const { bytesRead } = await fh.read(head, 0, head.length, 0).finally(() => fh.close());
  const b = head.subarray(0, bytesRead);
  if (bytesRead === 0) throw new TableFileError('empty', 'Berkas kosong / the file is empty');
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return { kind: 'xlsx', bom: null };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { kind: 'csv', bom: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { kind: 'csv', bom: 'utf-16le' };
  const what =
    b[0] === 0xd0 && b[1] === 0xcf
      ? 'XLS lama (Excel 97–2003); simpan sebagai .xlsx atau CSV / an old .xls workbook; save it as .xlsx or CSV'
      : b.subarray(0, 4).toString('latin1') === '%PDF'
        ? 'PDF'
        : b.includes(0)
          ? 'berkas biner / a binary file'
          : null;
  if (what) throw new TableFileError('not_a_table', `Bukan CSV atau XLSX / not a CSV or XLSX file: ${what}`);
  return { kind: 'csv', bom: null };
}

/** The table's records, the header first (row 1). */
export async function* readTable(path: string, opts: TableOptions = {}): AsyncGenerator<CsvRecord> {
  const { kind, bom } = await sniffTable(path);
  if (kind === 'xlsx') yield* readXlsx(path, opts.limits ?? CSV_LIMITS);
  else yield* readCsv(path, bom === 'utf-16le' ? 'utf-16le' : (opts.encoding ?? 'utf-8'), opts);
}

async function* readCsv(path: string, encoding: Encoding, opts: TableOptions): AsyncGenerator<CsvRecord> {
  // fatal: a byte that is not valid in the encoding stops the file instead of becoming U+FFFD in a report.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  let parser: CsvParser | null = null;
  let pending = '';
  let row = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let text: string;
    try {
      text = decoder.decode(chunk as Buffer, { stream: true });
    } catch {
      throw encodingError(encoding, chunk as Buffer, row);
    }
    if (parser === null) {
      pending += text;
      const eol = pending.search(/\r|\n/);
      if (eol < 0 && pending.length < 1 << 20) continue;
      parser = new CsvParser(
        opts.delimiter ?? detectDelimiter(pending.slice(0, Math.max(eol, 0))),
        opts.limits,
      );
      text = pending;
      pending = '';
    }
    for (const r of parser.push(text)) {
      row = r.row;
      yield r;
    }
  }
  try {
    const rest = decoder.decode();
    parser ??= new CsvParser(opts.delimiter ?? detectDelimiter(pending), opts.limits);
    yield* parser.push(pending + rest);
    yield* parser.end();
  } catch (err) {
    if (err instanceof CsvStructureError) throw new TableFileError('structure', err.message);
    throw encodingError(encoding, Buffer.alloc(0), row);
  }
}

/** The bilingual refusal of a file not valid in `encoding`, guessing the usual culprit. */
function encodingError(encoding: Encoding, chunk: Buffer, row: number): TableFileError {
  const high = chunk.findIndex((b) => b >= 0x80);
  const byte = high >= 0 ? ` (byte 0x${chunk[high]!.toString(16)})` : '';
  return new TableFileError(
    'encoding',
    `Berkas bukan ${encoding.toUpperCase()} sekitar baris ${row + 1}${byte}; kemungkinan Windows-1252 (Excel lama). ` +
      `Simpan ulang sebagai CSV UTF-8, atau jalankan dengan --encoding=windows-1252 / ` +
      `the file is not valid ${encoding.toUpperCase()} near row ${row + 1}${byte}, probably Windows-1252 (older ` +
      'Excel): save it again as CSV UTF-8, or run with --encoding=windows-1252',
  );
}

/** A cell of exceljs as text: dates as local wall-clock time, rich text and formula results as their text. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
    return '';
  }
  return String(v);
}

async function* readXlsx(path: string, limits: CsvLimits): AsyncGenerator<CsvRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = r.values as unknown[];
        const n = values.length - 1;
        const problem =
          n > limits.maxColumns
            ? {
                code: 'too_many_columns' as const,
                message: `lebih dari ${limits.maxColumns} kolom / more than ${limits.maxColumns} columns`,
              }
            : null;
        const cells: string[] = [];
        for (let i = 1; i <= Math.min(n, limits.maxColumns); i++) cells.push(cellText(values[i]));
        yield { row: r.number, cells, problem };
      }
      return; // the first worksheet only
    }
  } catch (err) {
    throw new TableFileError(
      'structure',
      `XLSX tidak dapat dibaca / the XLSX workbook cannot be read: ${(err as Error).message}`,
    );
  }
}
