/**
 * Tables as downloads: CSV (UTF-8 with a BOM so Excel opens it right, RFC 4180 quoting, formula injection
 * neutralised) and XLSX (exceljs). The same rows and numbers as the JSON answer.
 */
import ExcelJS from 'exceljs';

export interface ExportColumn {
  key: string;
  header: string;
}
export interface ExportTable {
  /** Sheet name and file name stem. */
  name: string;
  columns: ExportColumn[];
  rows: Array<Record<string, unknown>>;
}

export type ExportFormat = 'csv' | 'xlsx';

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A cell starting like a formula would run in a spreadsheet (CSV injection); quote it as text.
  return typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/** CSV with a UTF-8 BOM, comma-separated, every field quoted when needed. */
export function toCsv(table: ExportTable): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    table.columns.map((c) => quote(c.header)).join(','),
    ...table.rows.map((r) => table.columns.map((c) => quote(cellText(r[c.key]))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet; numbers stay numbers. */
export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pintu';
  const ws = wb.addWorksheet(table.name.slice(0, 31));
  ws.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length + 2),
  }));
  for (const r of table.rows)
    ws.addRow(
      Object.fromEntries(
        table.columns.map((c) => {
          const v = r[c.key];
          return [c.key, typeof v === 'number' || v === null || v === undefined ? (v ?? null) : cellText(v)];
        }),
      ),
    );
  ws.getRow(1).font = { bold: true };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The HTTP response of a table in a format, as an attachment. */
export async function exportResponse(table: ExportTable, format: ExportFormat): Promise<Response> {
  const file = `${table.name}.${format}`;
  const headers = {
    'content-disposition': `attachment; filename="${file}"`,
    'cache-control': 'no-store',
  };
  if (format === 'csv')
    return new Response(toCsv(table), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  return new Response(await toXlsx(table), {
    headers: {
      ...headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
}
