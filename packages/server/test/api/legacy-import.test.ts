/**
 * `pintu import` (issue 15): a small legacy export with known outcomes is imported, and the region's evaluation of
 * that past period comes out of the stats API exactly as computed by hand (domain.md §9, by disposition date). Then
 * the bad input the issue lists: wrong encoding, a header that fits no mapping, a file that is no table, a future
 * date, an unknown agency, a row of 10,000 columns, an XLSX with Excel serial dates, and a stopped run started again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LegacyImports } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sitanggapMapping,
  sitanggapUnitStatements,
  writeSitanggapXlsx,
} from '../../../../bench/lib/sitanggap';
import { HeaderError } from '../../src/app/import/legacy-rows';
import { type ImportMapping, parseMapping } from '../../src/app/import/mapping';
import { type ImportSummary, runImport } from '../../src/app/import/run-import';
import { postgresLegacyImports } from '../../src/db/postgres-legacy-import';
import { TableFileError } from '../../src/import/table';
import { legacyTrackingIds } from '../../src/security/legacy-ids';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

const NOW = new Date('2024-09-02T02:00:00Z');
const HEADER =
  'tracking_id,tanggal_masuk,dinas_tujuan,kecamatan,kategori,status,isi_laporan_awal,tanggal_tindak_lanjut,tanggal_selesai';
const RAW = 'Jalan berlubang di depan pasar, mohon segera diperbaiki oleh dinas terkait.';
const TEXT = `"${RAW}"`; // quoted: it holds a comma
// The known set, June 2024 in Balikpapan (WITA; 17 and 18 June were holidays), each row's outcome beside it.
const ROWS = [
  `STG-1,2024-06-03 08:00,Dinas PU,Balikpapan Tmur,Jalan Rusak,Selesai,${TEXT},2024-06-05,2024-06-07`, // resolved, follow-up 2 wd
  `STG-2,03/06/2024,DPUPR Kota Balikpapan,Balikpapan Selatan,Jalan Rusak,SELESAI,${TEXT},2024-06-10 09:00,5 Juli 2024`, // resolved, 5 wd
  `STG-3,2024-06-04,Dinas PU,Balikpapan Utara,Jalan Rusak,Sudah Ditanggapi,${TEXT},2024-06-06,`, // in process, 2 wd
  `STG-4,2024-06-05,DLH,Balikpapan Kota,Sampah,Sedang Diproses,${TEXT},,`, // in process
  `STG-5,6 Juni 2024,DLH,,Sampah,Belum Ditindaklanjuti,${TEXT},,`, // not followed up (blank district: the city)
  `STG-6,2024-06-07,DLH,Balikpapan Barat,Sampah,Tertunda,${TEXT},,2024-06-10`, // on hold
  `STG-7,2024-06-07,DLH,Balikpapan Barat,Sampah,Ditolak,${TEXT},,2024-06-11`, // archived unverified: not received
  `STG-8,2024-06-07,DLH,Balikpapan Barat,Sampah,Menunggu Verifikasi,${TEXT},,`, // not verified: not received
  `STG-9,2024-07-01,Dinas PU,Balikpapan Timur,Jalan Rusak,Selesai,${TEXT},2024-07-02,2024-07-20`, // July
  `STG-10,2024-06-07,Dinas Pariwisata,Balikpapan Barat,Sampah,Selesai,${TEXT},,2024-06-11`, // unknown agency
  `STG-11,2031-06-07,DLH,Balikpapan Barat,Sampah,Selesai,${TEXT},,2031-06-11`, // future date
  `STG-1,2024-06-03 08:00,Dinas PU,Balikpapan Tmur,Jalan Rusak,Selesai,${TEXT},2024-06-05,2024-06-07`, // duplicate
  `STG-12,2024-06-07,DLH,Balikpapan Barat,Sampah,Selesai,${TEXT}${',x'.repeat(10_000)}`, // 10,000 columns
]; // biome-ignore format: one row per line, with its outcome

const MAPPING = {
  source: 'sitanggap-test',
  timeZone: 'Asia/Makassar',
  institutionScope: 'pemda-64.71',
  regionScope: '64.71',
  columns: {
    legacyId: 'tracking_id', receivedAt: 'tanggal_masuk', agency: 'dinas_tujuan', district: 'kecamatan',
    category: 'kategori', status: 'status', text: 'isi_laporan_awal', followUpAt: 'tanggal_tindak_lanjut',
    closedAt: 'tanggal_selesai',
  },
  defaults: { region: '64.71' },
  values: {
    status: { Selesai: 'resolved', 'Sudah Ditanggapi': 'awaiting_reporter', 'Sedang Diproses': 'in_progress',
      'Belum Ditindaklanjuti': 'dispositioned', Tertunda: 'on_hold', Ditolak: 'archived:not_public_service',
      'Menunggu Verifikasi': 'submitted' },
    agency: { 'Dinas PU': 'pemda-64.71-dpupr', 'DPUPR Kota Balikpapan': 'pemda-64.71-dpupr', DLH: 'pemda-64.71-dlh' },
    district: { 'Balikpapan Tmur': '64.71.01' },
    category: { 'Jalan Rusak': 'infrastruktur.jalan-kabupaten', Sampah: 'lingkungan.sampah' },
  },
}; // biome-ignore format: a mapping file

const dir = mkdtempSync(join(tmpdir(), 'pintu-import-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe.each(ENGINES)('legacy import on %s', (engine) => {
  let t: TestApp;
  let mapping: ImportMapping;
  let store: LegacyImports;
  let city: number;
  let dlh: number;
  const rejected: [string, string][] = [];
  const run = (
    path: string,
    over: {
      store?: LegacyImports;
      batchSize?: number;
      encoding?: 'windows-1252';
      mapping?: ImportMapping;
    } = {},
  ) =>
    runImport(
      {
        legacyImports: over.store ?? store,
        calendar: t.deps.calendar.get(),
        now: NOW,
        trackingIdOf: legacyTrackingIds(randomBytes(32)),
      },
      {
        file: path,
        mapping: over.mapping ?? mapping,
        dryRun: false,
        batchSize: over.batchSize,
        table: { encoding: over.encoding },
      },
      { reject: (_row, id, code) => rejected.push([id, code]), start() {}, advance() {} },
    );

  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-09-02T02:00:00Z' });
    for (const s of sitanggapUnitStatements()) await t.database.db.execute(sql.raw(s));
    const ids = await t.database.db.execute(sql`select
      (select id from institutions where code = 'pemda-64.71') as city,
      (select id from institutions where code = 'pemda-64.71-dlh') as dlh`);
    ({ city, dlh } = ids.rows[0] as { city: number; dlh: number });
    mapping = parseMapping(MAPPING);
    store = postgresLegacyImports(t.database.db);
  }, 180_000);
  afterAll(() => t?.close());

  describe('a known set', () => {
    let summary: ImportSummary;
    beforeAll(async () => {
      summary = await run(file('known.csv', [HEADER, ...ROWS].join('\r\n')));
    });

    it('imports what it can and names every rejected row with its reason', () => {
      expect(summary).toMatchObject({ rows: 13, imported: 9, alreadyImported: 0 });
      expect(summary.rejected).toEqual({
        unknown_agency: 1,
        future_date: 1,
        duplicate_in_file: 1,
        too_many_columns: 1,
      });
      expect(rejected).toEqual(
        expect.arrayContaining([
          ['STG-10', 'unknown_agency'],
          ['STG-11', 'future_date'],
          ['STG-1', 'duplicate_in_file'],
          ['STG-12', 'too_many_columns'],
        ]),
      );
    });

    it("gives the city's June evaluation through the stats API, as counted by hand", async () => {
      const body = await (
        await t.get(`/api/v1/stats/summary?institutionId=${city}&from=2024-06-01&to=2024-06-30`)
      ).json();
      expect(body.indicators).toMatchObject({
        received: 6, // STG-1…6; STG-7 (archived unverified) and STG-8 (unverified) were never received
        resolved: 2,
        inProcess: 2,
        notFollowedUp: 1,
        onHold: 1,
        archived: 0,
        completionRate: 33.33, // 2 / 6
        followUpRate: 66.67, // (2 + 2) / 6
        averageFollowUpSpeed: 3, // (2 + 5 + 2) / 3 working days
      });
      const unit = await (
        await t.get(`/api/v1/stats/summary?institutionId=${dlh}&subtree=false&from=2024-06-01&to=2024-06-30`)
      ).json();
      expect(unit.indicators).toMatchObject({
        received: 3,
        resolved: 0,
        inProcess: 1,
        notFollowedUp: 1,
        onHold: 1,
      });
      const july = await (
        await t.get(`/api/v1/stats/summary?institutionId=${city}&from=2024-07-01&to=2024-07-31`)
      ).json();
      expect(july.indicators).toMatchObject({ received: 1, resolved: 1, completionRate: 100 });
    });

    it('keeps the reports confidential, anonymous, on channel import, with their legacy id and dates', async () => {
      const res =
        await t.database.db.execute(sql`select legacy_id as "legacyId", channel, is_confidential as c,
          is_anonymous as a, reporter_sealed as sealed, created_at as "createdAt", status
        from reports where legacy_source = 'sitanggap-test' order by legacy_id`);
      expect(res.rows).toHaveLength(9);
      for (const r of res.rows)
        expect(r).toMatchObject({ channel: 'import', c: true, a: true, sealed: null });
      const one = res.rows.find((r) => r.legacyId === 'STG-1')!;
      expect(new Date(String(one.createdAt))).toEqual(new Date('2024-06-03T00:00:00Z'));
      expect(one.status).toBe('resolved');
    });

    it('imports nothing new the second time', async () => {
      const again = await run(join(dir, 'known.csv'));
      expect(again).toMatchObject({ imported: 0, alreadyImported: 9 });
    });
  });

  describe('file-level problems stop the run before anything is stored', () => {
    const count = async () =>
      Number((await t.database.db.execute(sql`select count(*) from reports`)).rows[0]!.count);

    it('refuses a Windows-1252 file, and reads it with --encoding=windows-1252', async () => {
      const latin = Buffer.concat([
        Buffer.from(`${HEADER}\n`),
        Buffer.from(
          `W-1,2024-06-03,DLH,Balikpapan Kota,Sampah,Selesai,Sampah menumpuk di depan caf\xe9 milik Pak Andr\xe9 sejak sepekan.,,2024-06-28\n`,
          'latin1',
        ),
      ]);
      const path = file('latin.csv', latin);
      const before = await count();
      const err = await run(path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TableFileError);
      expect((err as TableFileError).code).toBe('encoding');
      expect((err as Error).message).toMatch(/windows-1252/);
      expect(await count()).toBe(before);
      expect(await run(path, { encoding: 'windows-1252' })).toMatchObject({ imported: 1 });
      const body = await t.database.db.execute(sql`select body from reports where legacy_id = 'W-1'`);
      expect(String(body.rows[0]!.body)).toContain('café milik Pak André');
    });

    it('refuses a header that matches no mapping, naming the missing columns', async () => {
      const path = file('header.csv', 'id;tgl;instansi\n1;2024-06-03;DLH\n');
      const err = await run(path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HeaderError);
      expect((err as Error).message).toMatch(/columns\.legacyId = "tracking_id"/);
      expect((err as Error).message).toMatch(/columns\.receivedAt = "tanggal_masuk"/);
    });

    it('refuses a file that is neither CSV nor XLSX', async () => {
      for (const content of [
        Buffer.from('%PDF-1.7\n%âãÏÓ\n'),
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 1]),
      ]) {
        const err = await run(file('not-a-table.csv', content)).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(TableFileError);
        expect((err as TableFileError).code).toBe('not_a_table');
      }
    });

    it('refuses a quote that never closes', async () => {
      const err = await run(
        file('quote.csv', `${HEADER}\nQ-1,2024-06-03,DLH,,Sampah,Selesai,"${RAW},,\n`),
      ).catch((e: unknown) => e);
      expect((err as TableFileError).code).toBe('structure');
    });
  });

  it('reads an XLSX export with Excel serial dates', async () => {
    const path = join(dir, 'sitanggap.xlsx');
    await writeSitanggapXlsx(path, { rows: 300, seed: 7 });
    const res = await run(path, { mapping: parseMapping(sitanggapMapping()) });
    expect(res.imported).toBeGreaterThan(250);
    expect(res.rejected.date_invalid ?? 0).toBeLessThan(5);
  });

  it('a run stopped half-way and started again ends with every row exactly once', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `R-${i},2024-06-${String(3 + (i % 20)).padStart(2, '0')},DLH,Balikpapan Kota,Sampah,Selesai,${TEXT},,2024-08-30`,
    );
    const path = file('resume.csv', [HEADER, ...rows].join('\n'));
    let writes = 0;
    const crashing: LegacyImports = {
      ...store,
      write: async (reports, calendar) => {
        writes += 1;
        if (writes === 3) throw new Error('killed');
        return store.write(reports, calendar);
      },
    };
    await expect(run(path, { store: crashing, batchSize: 7 })).rejects.toThrow('killed');
    const again = await run(path, { batchSize: 7 });
    expect(again.imported + again.alreadyImported).toBe(30);
    expect(again.imported).toBeGreaterThan(0);
    const n =
      await t.database.db.execute(sql`select count(*)::int as reports, count(distinct legacy_id)::int as ids
      from reports where legacy_id like 'R-%'`);
    expect(n.rows[0]).toEqual({ reports: 30, ids: 30 });
  });
});
