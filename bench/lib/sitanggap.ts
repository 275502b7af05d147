/**
 * A deterministic SITANGGAP-style legacy export (Balikpapan, East Kalimantan) for `pintu import`: the columns such
 * apps export (tanggal_masuk, dinas_tujuan, kecamatan, status, kategori, isi_laporan_awal, tracking_id, …), the real
 * kecamatan of Kota Balikpapan (64.71.* from idn-area-data, as the regions seed), and what real exports hold: typos
 * in agency and district names, blank cells, duplicate rows, dates in several formats (2024-03-05, 05/03/2024,
 * 5 Maret 2024, Excel serials in XLSX), a few future or impossible dates, unknown agencies and statuses.
 * The same seed always gives the same file. `sitanggapMapping()` is the mapping an operator would confirm.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { prng } from './gen-random';

export const SITANGGAP_COLUMNS = [
  'tracking_id',
  'tanggal_masuk',
  'dinas_tujuan',
  'kecamatan',
  'kategori',
  'status',
  'isi_laporan_awal',
  'tanggal_tindak_lanjut',
  'tanggal_selesai',
] as const;
export type SitanggapRow = Record<(typeof SITANGGAP_COLUMNS)[number], string | number>;

/** The OPD units of Pemerintah Kota Balikpapan the sample addresses, with the spellings legacy rows use. */
export const SITANGGAP_UNITS = [
  {
    code: 'pemda-64.71-dpupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Balikpapan',
    acronym: 'DPUPR',
    spellings: ['Dinas PU', 'DINAS PEKERJAAN UMUM', 'Dinas Pekerjan Umum', 'DPUPR Kota Balikpapan'],
  },
  {
    code: 'pemda-64.71-dlh',
    name: 'Dinas Lingkungan Hidup Kota Balikpapan',
    acronym: 'DLH',
    spellings: ['DLH', 'Dinas Lingkungan Hidup', 'Dinas Lingkungan Hidupp', 'DINAS LH'],
  },
  {
    code: 'pemda-64.71-dishub',
    name: 'Dinas Perhubungan Kota Balikpapan',
    acronym: 'Dishub',
    spellings: ['Dishub', 'Dinas Perhubungan', 'Dinas Perhubugan'],
  },
  {
    code: 'pemda-64.71-disdukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil Kota Balikpapan',
    acronym: 'Disdukcapil',
    spellings: ['Disdukcapil', 'Dukcapil', 'Dinas Kependudukan & Capil'],
  },
  {
    code: 'pemda-64.71-dinkes',
    name: 'Dinas Kesehatan Kota Balikpapan',
    acronym: 'Dinkes',
    spellings: ['Dinkes', 'Dinas Kesehatan', 'Dinas Kesehtan'],
  },
  {
    code: 'pemda-64.71-disdikbud',
    name: 'Dinas Pendidikan dan Kebudayaan Kota Balikpapan',
    acronym: 'Disdikbud',
    spellings: ['Disdikbud', 'Dinas Pendidikan'],
  },
  {
    code: 'pemda-64.71-pdam',
    name: 'Perumda Air Minum Tirta Manuntung Balikpapan',
    acronym: 'PTMB',
    spellings: ['PDAM', 'PDAM Tirta Manuntung', 'PTMB'],
  },
] as const;

/** The real kecamatan of Kota Balikpapan (idn-area-data 64.71.*), with legacy spellings and typos. */
export const SITANGGAP_DISTRICTS: { code: string; spellings: string[] }[] = [
  {
    code: '64.71.01',
    spellings: ['Balikpapan Timur', 'BALIKPAPAN TIMUR', 'Balikpapan Tmur', 'Kec. Balikpapan Timur'],
  },
  { code: '64.71.02', spellings: ['Balikpapan Barat', 'Balikpapan Brat', 'BPP Barat'] },
  { code: '64.71.03', spellings: ['Balikpapan Utara', 'balikpapan utara', 'Balikpapan Utra'] },
  { code: '64.71.04', spellings: ['Balikpapan Tengah', 'Balikpapan Tenggah'] },
  {
    code: '64.71.05',
    spellings: ['Balikpapan Selatan', 'Kecamatan Balikpapan Selatan', 'Balikpapan Slatan'],
  },
  { code: '64.71.06', spellings: ['Balikpapan Kota', 'BALIKPAPAN KOTA'] },
];

const CATEGORIES: [string, string, string[]][] = [
  ['Jalan Rusak', 'infrastruktur.jalan-kabupaten', ['jalan berlubang', 'aspal mengelupas', 'jalan amblas']],
  ['Drainase/Banjir', 'infrastruktur.drainase', ['drainase tersumbat', 'banjir setiap hujan', 'got meluap']],
  ['Sampah', 'lingkungan.sampah', ['sampah menumpuk', 'TPS penuh', 'sampah tidak diangkut']],
  ['Air PDAM', 'air-bersih.pdam-layanan', ['air PDAM mati', 'pipa PDAM bocor', 'air keruh']],
  ['Lampu Jalan', 'perhubungan.lalu-lintas-pju', ['lampu jalan mati', 'PJU padam']],
  ['Parkir Liar', 'perhubungan.parkir', ['parkir liar di bahu jalan', 'juru parkir liar']],
  ['Adminduk', 'adminduk.kartu-keluarga', ['pengurusan KK lama', 'KTP belum jadi']],
  ['Kesehatan', 'kesehatan.puskesmas', ['antrean puskesmas panjang', 'obat kosong di puskesmas']],
  ['Pendidikan', 'pendidikan.paud-sd-smp', ['pungutan di sekolah', 'atap kelas bocor']],
];
/** Which unit handles each category (the legacy app's usual routing). */
const HANDLER = [0, 0, 1, 6, 2, 2, 3, 4, 5];

/** Legacy statuses, their share of the sample, and the lifecycle end state the mapping gives them. */
const STATUSES: [string, number, string][] = [
  ['Selesai', 0.52, 'resolved'],
  ['SELESAI', 0.06, 'resolved'],
  ['Sudah Ditanggapi', 0.08, 'awaiting_reporter'],
  ['Sedang Diproses', 0.12, 'in_progress'],
  ['Belum Ditindaklanjuti', 0.08, 'dispositioned'],
  ['Menunggu Verifikasi', 0.04, 'submitted'],
  ['Ditolak', 0.06, 'archived:not_public_service'],
  ['Tertunda', 0.04, 'on_hold'],
];
const STREETS = [
  'Jl. MT Haryono',
  'Jl. Jenderal Sudirman',
  'Jl. Soekarno-Hatta',
  'Jl. Ahmad Yani',
  'Jl. Letjen Suprapto',
  'Jl. Mulawarman',
  'Jl. Pupuk Raya',
  'Jl. Syarifuddin Yoes',
  'Jl. Marsma Iswahyudi',
  'Jl. Gunung Sari',
];
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** The legacy status whose share of the sample `u` (0–1) falls in. */
function pickStatus(u: number) {
  let left = u;
  for (const s of STATUSES) {
    left -= s[1];
    if (left < 0) return s;
  }
  return STATUSES[0]!;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
/** A local WITA date-time as a legacy app writes it, in one of its formats. */
function dateText(t: number, style: number, xlsx: boolean): string | number {
  const d = new Date(t + 8 * 3_600_000); // WITA wall clock
  const [y, m, day, h, mi] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
  ];
  if (xlsx && style < 0.5) return Math.round(((t + 8 * 3_600_000) / DAY + 25569) * 1e6) / 1e6; // Excel serial
  if (style < 0.4) return `${y}-${pad(m)}-${pad(day)}`;
  if (style < 0.6) return `${y}-${pad(m)}-${pad(day)} ${pad(h)}:${pad(mi)}`;
  if (style < 0.85) return `${pad(day)}/${pad(m)}/${y}`;
  return `${day} ${MONTHS[m - 1]} ${y}`;
}

export interface SitanggapOptions {
  rows: number;
  seed?: number;
  /** Put in the faults real exports have (default true). */
  defects?: boolean;
  /** Excel serial numbers for some dates. */
  xlsx?: boolean;
}

/** The rows, in file order. */
export function* sitanggapRows(o: SitanggapOptions): Generator<SitanggapRow> {
  const rnd = prng(o.seed ?? 1471);
  const defects = o.defects ?? true;
  const start = Date.UTC(2023, 0, 2, 1);
  const span = Date.UTC(2024, 9, 31) - start;
  const earlier: SitanggapRow[] = [];
  for (let i = 0; i < o.rows; i++) {
    const roll = rnd();
    if (defects && roll < 0.005 && earlier.length) {
      yield earlier[Math.floor(rnd() * earlier.length)]!; // an exported twice row
      continue;
    }
    const ci = Math.floor(rnd() * CATEGORIES.length);
    const [kategori, , topics] = CATEGORIES[ci]!;
    const unit = SITANGGAP_UNITS[HANDLER[ci]!]!;
    const district = SITANGGAP_DISTRICTS[Math.floor(rnd() * SITANGGAP_DISTRICTS.length)]!;
    const status = pickStatus(rnd());
    const filed = start + Math.floor(rnd() * span);
    const followUp = filed + Math.floor((1 + rnd() * 12) * DAY);
    const closed = followUp + Math.floor((rnd() < 0.7 ? 14 + rnd() * 20 : rnd() * 5) * DAY);
    const topic = topics[Math.floor(rnd() * topics.length)]!;
    const street = STREETS[Math.floor(rnd() * STREETS.length)]!;
    const districtName = district.spellings[0]!;
    const row: SitanggapRow = {
      tracking_id: `STG-${String(23_000_000 + i * 7).padStart(9, '0')}`,
      tanggal_masuk: dateText(filed, rnd(), o.xlsx === true),
      dinas_tujuan: unit.spellings[Math.floor(rnd() * unit.spellings.length)]!,
      kecamatan: district.spellings[Math.floor(rnd() * district.spellings.length)]!,
      kategori,
      status: status[0],
      isi_laporan_awal: `Mohon ditindaklanjuti: ${topic} di ${street}, Kecamatan ${districtName}, Balikpapan. Warga sudah menunggu ${2 + Math.floor(rnd() * 6)} minggu dan kondisi makin parah.`,
      tanggal_tindak_lanjut: ['resolved', 'awaiting_reporter'].includes(status[2])
        ? dateText(followUp, rnd(), o.xlsx === true)
        : '',
      tanggal_selesai: ['resolved', 'archived:not_public_service', 'on_hold'].includes(status[2])
        ? dateText(closed, rnd(), o.xlsx === true)
        : '',
    };
    if (defects) {
      const f = rnd();
      if (f < 0.01)
        row.dinas_tujuan = 'Dinas Pariwisata'; // no such unit mapped: unknown_agency
      else if (f < 0.02)
        row.kecamatan = ''; // blank: the mapping's default region (the city)
      else if (f < 0.023)
        row.kecamatan = 'Balikpapan Baru'; // a housing estate, not a kecamatan
      else if (f < 0.025)
        row.tanggal_masuk = '2031-02-03'; // a future date
      else if (f < 0.028)
        row.tanggal_masuk = '31/02/2024'; // an impossible date
      else if (f < 0.03) row.isi_laporan_awal = '';
      else if (f < 0.031)
        row.status = 'Eskalasi'; // a status the mapping does not know
      else if (f < 0.036) row.isi_laporan_awal = `${topic} ${street}`; // short: Pintu's 30 characters
    }
    if (earlier.length < 500) earlier.push(row);
    yield row;
  }
}

/** Writes the sample as CSV (UTF-8, comma, RFC 4180 quoting). */
export async function writeSitanggapCsv(path: string, o: SitanggapOptions): Promise<void> {
  const out = createWriteStream(path);
  const q = (v: string | number) =>
    /[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
  const write = (line: string) =>
    out.write(line) ? null : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`${SITANGGAP_COLUMNS.join(',')}\n`);
  for (const row of sitanggapRows(o)) await write(`${SITANGGAP_COLUMNS.map((c) => q(row[c])).join(',')}\n`);
  await new Promise<void>((done, fail) => out.end(done).on('error', fail));
}

/** Writes the sample as XLSX (exceljs' streaming writer), some dates as Excel serial numbers. */
export async function writeSitanggapXlsx(path: string, o: SitanggapOptions): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const ws = wb.addWorksheet('Laporan');
  ws.addRow([...SITANGGAP_COLUMNS]).commit();
  for (const row of sitanggapRows({ ...o, xlsx: true }))
    ws.addRow(SITANGGAP_COLUMNS.map((c) => row[c])).commit();
  ws.commit();
  await wb.commit();
}

/** The mapping an operator confirms for the sample (after `pintu import suggest`). */
export function sitanggapMapping() {
  const agency: Record<string, string> = {};
  for (const u of SITANGGAP_UNITS) for (const s of u.spellings) agency[s] = u.code;
  const district: Record<string, string> = {};
  for (const d of SITANGGAP_DISTRICTS) for (const s of d.spellings) district[s] = d.code;
  return {
    source: 'sitanggap-balikpapan',
    timeZone: 'Asia/Makassar',
    dateOrder: 'dmy',
    institutionScope: 'pemda-64.71',
    regionScope: '64.71',
    columns: {
      legacyId: 'tracking_id',
      receivedAt: 'tanggal_masuk',
      agency: 'dinas_tujuan',
      district: 'kecamatan',
      category: 'kategori',
      status: 'status',
      text: 'isi_laporan_awal',
      followUpAt: 'tanggal_tindak_lanjut',
      closedAt: 'tanggal_selesai',
    },
    defaults: { region: '64.71', type: 'complaint' },
    values: {
      status: Object.fromEntries(STATUSES.map(([legacy, , end]) => [legacy, end])),
      agency,
      district,
      category: Object.fromEntries(CATEGORIES.map(([legacy, code]) => [legacy, code])),
    },
  };
}

/** The statements that create the sample's units under Pemerintah Kota Balikpapan (run once on a seeded database). */
export function sitanggapUnitStatements(): string[] {
  return SITANGGAP_UNITS.map(
    (u) => `with p as (select id, path, region_code, time_zone from institutions where code = 'pemda-64.71'),
      n as (select nextval(pg_get_serial_sequence('institutions', 'id')) as id)
    insert into institutions (id, parent_id, path, code, kind, name, acronym, region_code, time_zone)
    select n.id, p.id, p.path || n.id::int, '${u.code}', 'unit', '${u.name}', '${u.acronym}', p.region_code, p.time_zone
    from p, n on conflict (code) do nothing`,
  );
}
