/**
 * An RFC 4180 CSV parser fed string chunks (so a 500 MB export streams through): quoted fields with doubled quotes
 * and line breaks, CRLF or LF, a delimiter given or taken from the header line. It bounds what one record may hold
 * — a row of 10,000 columns or a megabyte field is a rejected row, never memory the process runs out of.
 */

/** One record: its row number (the header is row 1, as a spreadsheet shows it), its fields, and what was wrong. */
export interface CsvRecord {
  row: number;
  cells: string[];
  /** Set when the record broke a limit; the fields beyond it were dropped. */
  problem: { code: 'too_many_columns' | 'field_too_long'; message: string } | null;
}

export interface CsvLimits {
  maxColumns: number;
  maxFieldChars: number;
}

export const CSV_LIMITS: CsvLimits = { maxColumns: 500, maxFieldChars: 100_000 };

/** The delimiter of a header line: the most frequent of `,` `;` tab outside quotes (Excel in Indonesia writes `;`). */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  const [best, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

/** A streaming CSV parser: `push` chunks, take the complete records, `end` for the last one. */
export class CsvParser {
  private field = '';
  private cells: string[] = [];
  private quoted = false;
  /** Just saw a quote inside a quoted field: the next char decides (a doubled quote, or the field's end). */
  private quoteEnd = false;
  private afterCr = false;
  private row = 1;
  private startRow = 1;
  private problem: CsvRecord['problem'] = null;
  private started = false;

  constructor(
    private delimiter: string,
    private readonly limits: CsvLimits = CSV_LIMITS,
  ) {}

  /** Parses a chunk; returns the records it completed. Unquoted runs are sliced, not built char by char. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const d = this.delimiter.charCodeAt(0);
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.afterCr) {
        this.afterCr = false;
        if (chunk.charCodeAt(i) === 10) {
          i += 1;
          continue;
        }
      }
      if (this.quoted) {
        if (this.quoteEnd) {
          this.quoteEnd = false;
          if (chunk.charCodeAt(i) === 34) {
            this.add('"');
            i += 1;
            continue;
          }
          this.quoted = false;
        } else {
          const q = chunk.indexOf('"', i);
          const upto = q < 0 ? n : q;
          const part = chunk.slice(i, upto);
          for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) this.row += 1;
          this.add(part);
          if (q >= 0) this.quoteEnd = true;
          i = upto + 1;
          continue;
        }
      }
      this.started = true;
      const c = chunk.charCodeAt(i);
      if (c === d) {
        this.endField();
        i += 1;
      } else if (c === 10 || c === 13) {
        this.afterCr = c === 13;
        out.push(this.endRecord());
        this.row += 1;
        this.startRow = this.row;
        i += 1;
      } else if (c === 34 && this.field.length === 0) {
        this.quoted = true;
        i += 1;
      } else {
        let j = i + 1;
        while (j < n) {
          const x = chunk.charCodeAt(j);
          if (x === d || x === 10 || x === 13) break;
          j += 1;
        }
        this.add(chunk.slice(i, j));
        i = j;
      }
    }
    return out;
  }

  /** The last record (a file need not end with a line break); throws when a quoted field never closed. */
  end(): CsvRecord[] {
    if (this.quoted && !this.quoteEnd)
      throw new CsvStructureError(
        this.startRow,
        `Tanda kutip tidak ditutup sejak baris ${this.startRow} / unterminated quote from row ${this.startRow}`,
      );
    this.quoted = false;
    this.quoteEnd = false;
    if (!this.started && this.field.length === 0 && this.cells.length === 0) return [];
    return [this.endRecord()];
  }

  private add(text: string) {
    if (this.field.length + text.length <= this.limits.maxFieldChars) this.field += text;
    else
      this.problem ??= {
        code: 'field_too_long',
        message: `kolom ${this.cells.length + 1} lebih dari ${this.limits.maxFieldChars} karakter / field longer than ${this.limits.maxFieldChars} characters`,
      };
  }

  private endField() {
    if (this.cells.length < this.limits.maxColumns) this.cells.push(this.field);
    else
      this.problem ??= {
        code: 'too_many_columns',
        message: `lebih dari ${this.limits.maxColumns} kolom / more than ${this.limits.maxColumns} columns`,
      };
    this.field = '';
  }

  private endRecord(): CsvRecord {
    this.endField();
    const record: CsvRecord = { row: this.startRow, cells: this.cells, problem: this.problem };
    this.cells = [];
    this.problem = null;
    this.started = false;
    return record;
  }
}

/** A CSV file that cannot be read as a table at all (a file-level problem). */
export class CsvStructureError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}
