/** CSV lines (RFC 4180): comma-separated, CRLF, a field quoted when it holds a comma, quote or line break. */

/** One CSV line of these values: null → empty, arrays joined by spaces. */
export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const text = Array.isArray(v) ? v.join(' ') : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The line of `row`'s values in `columns` order. */
export function csvRow<T>(row: T, columns: readonly (keyof T)[]): string {
  return csvLine(columns.map((c) => row[c]));
}
