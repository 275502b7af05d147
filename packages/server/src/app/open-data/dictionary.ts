/**
 * The data dictionary (dictionary.json, dictionary.csv, the /data page): every field of every open file, its type
 * and what it means, in Indonesian and English. A test checks that it names exactly the columns the files have.
 */
import type { COUNT_COLUMNS, REPORT_COLUMNS, TOTAL_COLUMNS } from './open-rows';

export interface DictionaryField {
  table: 'reports' | 'aggregates' | 'aggregates_totals';
  field: string;
  type: 'string' | 'integer' | 'date' | 'month' | 'url' | 'url[]';
  nullable: boolean;
  description_id: string;
  description_en: string;
}

type Entry = [DictionaryField['type'], boolean, string, string];

const REPORT_FIELDS: Record<(typeof REPORT_COLUMNS)[number], Entry> = {
  tracking_id: ['string', false, 'Nomor pelacakan laporan.', 'The report’s tracking number.'],
  parent_tracking_id: [
    'string',
    true,
    'Laporan induk bila laporan ini hasil pemecahan ke beberapa instansi.',
    'The parent report when this one was split off to one of several institutions.',
  ],
  url: ['url', false, 'Halaman publik laporan.', 'The report’s public page.'],
  type: ['string', false, 'Jenis: complaint, aspiration, information_request.', 'Type (code).'],
  type_label_id: ['string', false, 'Jenis laporan (Indonesia).', 'Type, Indonesian label.'],
  type_label_en: ['string', false, 'Jenis laporan (Inggris).', 'Type, English label.'],
  status: ['string', false, 'Status (kode) saat berkas dibuat.', 'Status (code) when the file was made.'],
  status_label_id: ['string', false, 'Status seperti SP4N-LAPOR! menamainya.', 'Status, Indonesian label.'],
  status_label_en: ['string', false, 'Status (Inggris).', 'Status, English label.'],
  category_code: ['string', false, 'Kode kategori yang dipilih.', 'Code of the category chosen.'],
  category_name: ['string', false, 'Nama kategori.', 'Category name (Indonesian).'],
  category_name_en: ['string', true, 'Nama kategori (Inggris).', 'Category name (English).'],
  topic_code: ['string', false, 'Kode topik (kategori induk).', 'Topic (top-level category) code.'],
  topic_name: ['string', false, 'Nama topik.', 'Topic name (Indonesian).'],
  topic_name_en: ['string', true, 'Nama topik (Inggris).', 'Topic name (English).'],
  created_date: ['date', false, 'Tanggal laporan masuk (WIB).', 'Day the report was filed (WIB).'],
  incident_month: ['month', false, 'Bulan kejadian (YYYY-MM).', 'Month of the incident (YYYY-MM).'],
  province_code: ['string', false, 'Kode provinsi Kemendagri.', 'Kemendagri province code.'],
  province_name: ['string', true, 'Nama provinsi.', 'Province name.'],
  regency_code: [
    'string',
    true,
    'Kode kabupaten/kota; lokasi tidak pernah lebih rinci (tanpa kecamatan, desa, alamat, titik).',
    'Regency/city code; never finer (no district, village, address or point). Empty: province only.',
  ],
  regency_name: ['string', true, 'Nama kabupaten/kota.', 'Regency/city name.'],
  institution_code: [
    'string',
    true,
    'Instansi yang memegang laporan (bukan unitnya); kosong: antrean nasional.',
    'Institution holding the report (never its unit); empty: the national queue.',
  ],
  institution_name: ['string', true, 'Nama instansi.', 'Institution name.'],
  dispositioned_date: ['date', true, 'Tanggal didisposisikan (WIB).', 'Day it was dispositioned (WIB).'],
  first_follow_up_date: [
    'date',
    true,
    'Tanggal tindak lanjut pertama instansi pemegang (WIB).',
    'Day of the holder’s first published follow-up (WIB).',
  ],
  resolved_date: ['date', true, 'Tanggal selesai (WIB).', 'Day it was resolved (WIB).'],
  archive_reason: ['string', true, 'Alasan arsip (kode).', 'Archive reason (code).'],
  rating: ['integer', true, 'Penilaian pelapor 1–5.', 'The reporter’s rating, 1–5.'],
  channel: [
    'string',
    false,
    'Saluran: web, assisted, sms, email, open311, integration, import, federation.',
    'Channel family.',
  ],
  attachment_urls: [
    'url[]',
    false,
    'Lampiran yang boleh dipublikasikan (di CSV dipisah spasi).',
    'Attachments allowed for publication (space-separated in CSV).',
  ],
};

const ROUNDED =
  'Jumlah laporan, dibulatkan ke kelipatan 5; sel di bawah 5 tidak dimuat. / Reports, rounded to a multiple of 5; cells under 5 are left out.';

const COUNT_FIELDS: Record<(typeof COUNT_COLUMNS)[number], Entry> = {
  month: ['month', false, 'Bulan laporan masuk (WIB).', 'Month the reports were filed (WIB).'],
  province_code: ['string', false, 'Kode provinsi.', 'Province code.'],
  province_name: ['string', true, 'Nama provinsi.', 'Province name.'],
  regency_code: [
    'string',
    true,
    'Kode kabupaten/kota; kosong: hanya provinsi.',
    'Regency code; empty: province only.',
  ],
  regency_name: ['string', true, 'Nama kabupaten/kota.', 'Regency name.'],
  topic_code: ['string', false, 'Kode topik.', 'Topic code.'],
  topic_name: ['string', false, 'Nama topik.', 'Topic name.'],
  status: ['string', false, 'Status (kode).', 'Status (code).'],
  reports: ['integer', false, ...(ROUNDED.split(' / ') as [string, string])],
};

const TOTAL_FIELDS: Record<(typeof TOTAL_COLUMNS)[number], Entry> = {
  month: ['month', false, 'Bulan laporan masuk (WIB).', 'Month the reports were filed (WIB).'],
  province_code: ['string', false, 'Kode provinsi.', 'Province code.'],
  province_name: ['string', true, 'Nama provinsi.', 'Province name.'],
  reports: [
    'integer',
    true,
    'Semua laporan provinsi itu pada bulan itu (termasuk yang dirahasiakan), dibulatkan ke kelipatan 5; kosong bila di bawah 5.',
    'Every report of the province that month (confidential ones too), rounded to a multiple of 5; empty under 5.',
  ],
};

const fieldsOf = (table: DictionaryField['table'], entries: Record<string, Entry>): DictionaryField[] =>
  Object.entries(entries).map(([field, [type, nullable, id, en]]) => ({
    table,
    field,
    type,
    nullable,
    description_id: id,
    description_en: en,
  }));

/** Every field of every file, in column order. */
export const DICTIONARY: readonly DictionaryField[] = [
  ...fieldsOf('reports', REPORT_FIELDS),
  ...fieldsOf('aggregates', COUNT_FIELDS),
  ...fieldsOf('aggregates_totals', TOTAL_FIELDS),
];
