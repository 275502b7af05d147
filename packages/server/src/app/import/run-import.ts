/**
 * `pintu import run` (issue 15): a legacy export into Pintu. The file is read twice, streaming: first whole, so a
 * file-level problem (not a table, wrong encoding, a broken quote, a header the mapping does not fit) stops the run
 * before anything is stored, and to know the row count the progress shows; then in batches. Each batch asks which
 * legacy ids are stored already (the resume point), lets core build each new report's history, and hands the batch
 * to the bulk writer — one transaction per batch — while the next batch is being prepared.
 */
import {
  type ImportedReport,
  type LegacyImports,
  legacyHistory,
  type ReportStatus,
  type WorkingDays,
} from '@pintu/core';
import { readTable, sniffTable, type TableOptions } from '../../import/table';
import { localDay } from './legacy-dates';
import { type LegacyRow, locateColumns, lookups, readRow } from './legacy-rows';
import type { ImportMapping } from './mapping';

export interface ImportDeps {
  legacyImports: LegacyImports;
  calendar: WorkingDays;
  now: Date;
  /** The tracking id of (source, legacy id): the same on every run (security/legacy-ids.ts). */
  trackingIdOf: (source: string, legacyId: string) => string;
}

/** Where rejected rows go (the error file) and how far the run is (the progress bar). */
export interface ImportSinks {
  reject(row: number, legacyId: string, code: string, message: string): void;
  start(totalRows: number): void;
  advance(rows: number): void;
}

export interface ImportInput {
  file: string;
  mapping: ImportMapping;
  dryRun: boolean;
  table?: TableOptions;
  batchSize?: number;
}

export interface ImportSummary {
  rows: number;
  /** Stored by this run (with `dryRun`: would be). */
  imported: number;
  /** Stored by an earlier run: skipped. */
  alreadyImported: number;
  rejected: Record<string, number>;
  /** Imported reports by end state. */
  byStatus: Partial<Record<ReportStatus, number>>;
  /** Resolved in the legacy app within the reporter's window, which is still open: they wait in awaiting_reporter. */
  awaitingAutoResolve: number;
  dryRun: boolean;
}

/** Reads the whole file once: file-level problems throw here; returns the header and the number of data rows. */
export async function scanFile(file: string, table: TableOptions = {}) {
  let header: string[] | null = null;
  let rows = 0;
  for await (const r of readTable(file, table)) {
    if (header === null) header = r.cells.map((c) => c.trim());
    else rows += 1;
  }
  return { header: header ?? [], rows };
}

export async function runImport(
  deps: ImportDeps,
  input: ImportInput,
  sinks: ImportSinks,
): Promise<ImportSummary> {
  const { mapping, dryRun } = input;
  const { header, rows: total } = await scanFile(input.file, input.table);
  const cols = locateColumns(mapping, header);
  const look = lookups(
    mapping,
    await deps.legacyImports.reference({
      institutionCode: mapping.institutionScope,
      regionCode: mapping.regionScope,
    }),
  );
  // Excel serial dates only from a workbook: in a CSV a bare number is not a date.
  const serials = (await sniffTable(input.file)).kind === 'xlsx';
  const sum: ImportSummary = {
    rows: 0,
    imported: 0,
    alreadyImported: 0,
    rejected: {},
    byStatus: {},
    awaitingAutoResolve: 0,
    dryRun,
  };
  const reject = (row: number, id: string, code: string, message: string) => {
    sum.rejected[code] = (sum.rejected[code] ?? 0) + 1;
    sinks.reject(row, id, code, message);
  };
  const today = localDay(deps.now, mapping.timeZone);
  const seen = new Set<string>();
  let batch: { row: number; r: LegacyRow }[] = [];
  const inflight: Promise<void>[] = [];
  sinks.start(total);

  const flush = async (rows: { row: number; r: LegacyRow }[], read: number) => {
    const stored = await deps.legacyImports.imported(
      mapping.source,
      rows.map((x) => x.r.legacyId),
    );
    const reports: ImportedReport[] = [];
    let awaiting = 0;
    for (const { row, r } of rows) {
      if (stored.has(r.legacyId)) {
        sum.alreadyImported += 1;
        continue;
      }
      const trackingId = deps.trackingIdOf(mapping.source, r.legacyId);
      const h = legacyHistory(
        {
          ...r,
          id: trackingId,
          source: mapping.source,
          status: r.end.status,
          archiveReason: r.end.archiveReason,
        },
        deps.now,
        { calendar: deps.calendar },
      );
      if (!h.ok) {
        reject(row, r.legacyId, h.code, h.message);
        continue;
      }
      if (h.awaitingAutoResolve) awaiting += 1;
      reports.push({
        trackingId,
        source: mapping.source,
        legacyId: r.legacyId,
        type: r.type,
        title: r.title,
        body: r.body,
        incidentDate: r.incidentDate,
        regionCode: r.regionCode,
        categoryId: r.categoryId,
        requestedInstitutionId: r.institution?.id ?? null,
        steps: h.steps,
        final: h.final,
      });
    }
    // Three writes in flight (one transaction each) while the next batch is read and built: this process and the
    // PostgreSQL backends work side by side, and a batch waiting on the rollup rows another holds (locked in key
    // order, so they only wait) leaves a third to keep the cores busy: 58 s for 100,000 rows against 65 s with two.
    const write = dryRun ? Promise.resolve(reports.length) : deps.legacyImports.write(reports, deps.calendar);
    const done = write.then((written) => {
      sum.imported += written;
      sum.awaitingAutoResolve += awaiting;
      for (const r of reports) sum.byStatus[r.final.status] = (sum.byStatus[r.final.status] ?? 0) + 1;
      // A report another run stored meanwhile was skipped by the writer: it is there, not lost.
      sum.alreadyImported += reports.length - written;
      sinks.advance(read);
    });
    // Awaited below or at the end; until then a failure must not count as unhandled.
    done.catch(() => {});
    inflight.push(done);
    if (inflight.length >= 3) await inflight.shift();
  };

  let first = true;
  let read = 0;
  for await (const rec of readTable(input.file, input.table)) {
    if (first) {
      first = false;
      continue;
    }
    sum.rows += 1;
    read += 1;
    const id = (rec.cells[cols.get('legacyId')!] ?? '').trim();
    if (rec.problem) reject(rec.row, id, rec.problem.code, rec.problem.message);
    else if (rec.cells.every((c) => c.trim() === ''))
      reject(rec.row, '', 'blank_row', 'baris kosong / blank row');
    else {
      const res = readRow(rec.cells, cols, mapping, look, serials);
      if (!res.ok) reject(rec.row, id, res.rejection.code, res.rejection.message);
      else if (seen.has(res.row.legacyId))
        reject(
          rec.row,
          id,
          'duplicate_in_file',
          `${mapping.columns.legacyId} "${id}" sudah ada di baris sebelumnya / appears on an earlier row`,
        );
      else if (res.row.incidentDate > today)
        reject(
          rec.row,
          id,
          'future_date',
          'tanggal kejadian di masa depan / the incident date is in the future',
        );
      else {
        seen.add(res.row.legacyId);
        batch.push({ row: rec.row, r: res.row });
      }
    }
    if (batch.length >= (input.batchSize ?? 2000)) {
      await flush(batch, read);
      batch = [];
      read = 0;
    }
  }
  await flush(batch, read);
  for (const w of inflight) await w;
  return sum;
}
