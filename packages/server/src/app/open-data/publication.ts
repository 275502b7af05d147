/**
 * What the open data is published as: the licence (docs/open-data.md says why CC BY 4.0), the files of a dump with
 * their media types, and the manifest that lists them (sizes, hashes, dates) for the /data page and the API.
 */

export const LICENCE = {
  id: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/** The small-count rule as the page, the API and the catalogue state it (small-counts.ts is the rule itself). */
export const SMALL_COUNT_RULE = {
  id: 'Jumlah di bawah 5 tidak dimuat (sel dihilangkan, sama seperti sel kosong). Setiap jumlah yang dimuat — sel maupun total provinsi-bulan — dibulatkan ke kelipatan 5, ke bawah atau ke atas secara acak tetapi tetap (metode cell key), sehingga total dikurangi sel tidak pernah mengungkap sel yang disembunyikan.',
  en: 'Counts under 5 are not published (the cell is left out, exactly like an empty one). Every published count — cells and province-month totals — is rounded to a multiple of 5, down or up at random but consistently (the cell key method), so a total minus its cells never reveals a hidden cell.',
} as const;

export type OpenFileName =
  | 'reports.csv'
  | 'reports.jsonl'
  | 'aggregates.csv'
  | 'aggregates-totals.csv'
  | 'dictionary.json'
  | 'dictionary.csv'
  | 'catalog.jsonld'
  | 'data.json';

export interface OpenFileKind {
  name: OpenFileName;
  mediaType: string;
  format: string;
  title_id: string;
  title_en: string;
}

/** Every file of a dump, data first; `manifest.json` lists them and is written last. */
export const OPEN_FILES: readonly OpenFileKind[] = [
  {
    name: 'reports.csv',
    mediaType: 'text/csv',
    format: 'CSV',
    title_id: 'Laporan publik (CSV)',
    title_en: 'Public reports (CSV)',
  },
  {
    name: 'reports.jsonl',
    mediaType: 'application/x-ndjson',
    format: 'JSONL',
    title_id: 'Laporan publik (JSON Lines)',
    title_en: 'Public reports (JSON Lines)',
  },
  {
    name: 'aggregates.csv',
    mediaType: 'text/csv',
    format: 'CSV',
    title_id: 'Jumlah laporan per bulan, wilayah, topik dan status',
    title_en: 'Report counts by month, region, topic and status',
  },
  {
    name: 'aggregates-totals.csv',
    mediaType: 'text/csv',
    format: 'CSV',
    title_id: 'Total laporan per provinsi dan bulan',
    title_en: 'Report totals by province and month',
  },
  {
    name: 'dictionary.json',
    mediaType: 'application/json',
    format: 'JSON',
    title_id: 'Kamus data (JSON)',
    title_en: 'Data dictionary (JSON)',
  },
  {
    name: 'dictionary.csv',
    mediaType: 'text/csv',
    format: 'CSV',
    title_id: 'Kamus data (CSV)',
    title_en: 'Data dictionary (CSV)',
  },
  {
    name: 'catalog.jsonld',
    mediaType: 'application/ld+json',
    format: 'JSON-LD',
    title_id: 'Katalog DCAT (JSON-LD)',
    title_en: 'DCAT catalogue (JSON-LD)',
  },
  {
    name: 'data.json',
    mediaType: 'application/json',
    format: 'JSON',
    title_id: 'Katalog DCAT-US 1.1 (data.json)',
    title_en: 'DCAT-US 1.1 catalogue (data.json)',
  },
];

export interface OpenFileEntry extends OpenFileKind {
  bytes: number;
  sha256: string;
  /** Rows of a data file (not of the dictionary or a catalogue). */
  rows: number | null;
  url: string;
}

/** What a dump wrote: `manifest.json` beside the files. */
export interface OpenDataManifest {
  generatedAt: string;
  licence: typeof LICENCE;
  rule: typeof SMALL_COUNT_RULE;
  /** First and last creation month of any report. */
  temporal: { start: string; end: string } | null;
  files: OpenFileEntry[];
}
