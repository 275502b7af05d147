/**
 * `pintu import suggest` (issue 15): every agency, district, status and category value of a legacy export that the
 * mapping does not translate yet, with how many rows carry it and the closest institutions, regions or categories.
 * Nothing is applied: the operator confirms each into the mapping's `values` (docs/import.md).
 */
import { type ImportReference, type LegacyImports, REPORT_STATUSES } from '@pintu/core';
import { readTable, type TableOptions } from '../../import/table';
import { locateColumns, lookups } from './legacy-rows';
import type { ImportMapping, MappedField } from './mapping';
import { normalName, normalRegion, suggest } from './names';

export interface Candidate {
  code: string;
  name: string;
  score: number;
}

export interface Unmapped {
  value: string;
  rows: number;
  candidates: Candidate[];
}

export type SuggestArea = 'agency' | 'district' | 'status' | 'category';

export interface Suggestions {
  rows: number;
  unmapped: Record<SuggestArea, Unmapped[]>;
  /** The best candidate of each value, shaped as the mapping's `values`, for the operator to check and paste. */
  draft: Record<SuggestArea, Record<string, string>>;
}

// Words of legacy statuses and the end state they usually mean; only a suggestion, like the others.
// The first that matches wins, so the narrower phrases come first.
const STATUS_WORDS: [RegExp, string][] = [
  [/belum (di)?(tindak ?lanjut|proses|tangani)|disposisi|diteruskan|terkirim/, 'dispositioned'],
  [/verifikasi|baru|masuk|new|open/, 'submitted'],
  [/selesai|tuntas|closed|done|resolved/, 'resolved'],
  [/tolak|batal|arsip|reject|spam|duplikat/, 'archived'],
  [/tunda|pending|lengkapi|hold/, 'on_hold'],
  [/tanggap|jawab|respon|tindak lanjut|menunggu/, 'awaiting_reporter'],
  [/proses|dikerjakan|ditangani|progress/, 'in_progress'],
];

/**
 * The forms an institution is known by: its name, its acronym, and the initials legacy apps abbreviate it to ("Dinas
 * Pekerjaan Umum dan Penataan Ruang Kota Balikpapan" → "dpupr", "dinas pupr"), leaving out the words of the scope's own
 * name ("pemerintah kota balikpapan").
 */
function institutionForms(i: ImportReference['institutions'][number], common: Set<string>): string[] {
  const words = normalName(i.name)
    .split(' ')
    .filter((w) => w !== 'dan' && !common.has(w));
  const initials = words.map((w) => w[0]).join('');
  return [
    normalName(i.name),
    words.join(' '),
    ...(i.acronym ? [normalName(i.acronym)] : []),
    initials,
    `${words[0] ?? ''} ${initials.slice(1)}`,
  ];
}

export async function suggestMapping(
  deps: { legacyImports: LegacyImports },
  input: { file: string; mapping: ImportMapping; table?: TableOptions },
): Promise<Suggestions> {
  const { mapping } = input;
  const ref = await deps.legacyImports.reference({
    institutionCode: mapping.institutionScope,
    regionCode: mapping.regionScope,
  });
  const look = lookups(mapping, ref);
  const areas: [SuggestArea, MappedField, (v: string) => boolean][] = [
    ['agency', 'agency', (v) => look.agency.has(normalName(v))],
    ['district', 'district', (v) => look.district.has(normalRegion(v))],
    ['status', 'status', (v) => look.status.has(normalName(v))],
    ['category', 'category', (v) => look.category.has(normalName(v))],
  ];
  const counts = new Map<SuggestArea, Map<string, number>>(areas.map(([a]) => [a, new Map()]));
  let cols: Map<MappedField, number> | null = null;
  let rows = 0;
  for await (const rec of readTable(input.file, input.table)) {
    if (cols === null) {
      cols = locateColumns(
        mapping,
        rec.cells.map((c) => c.trim()),
      );
      continue;
    }
    rows += 1;
    for (const [area, field, known] of areas) {
      const i = cols.get(field);
      const v = i === undefined ? '' : (rec.cells[i] ?? '').trim();
      if (v && !known(v)) counts.get(area)!.set(v, (counts.get(area)!.get(v) ?? 0) + 1);
    }
  }
  // The scope's own name ("Pemerintah Kota Balikpapan") is what its units' names share.
  const top = Math.min(...ref.institutions.map((i) => i.path.length));
  const common = new Set(
    ref.institutions.filter((i) => i.path.length === top).flatMap((i) => normalName(i.name).split(' ')),
  );
  const pools: Record<SuggestArea, { forms: string[]; value: { code: string; name: string } }[]> = {
    agency: ref.institutions.map((i) => ({
      forms: institutionForms(i, common),
      value: { code: i.code, name: i.name },
    })),
    district: ref.regions
      .filter((r) => r.level >= 3)
      .map((r) => ({ forms: [normalRegion(r.name)], value: { code: r.code, name: r.name } })),
    status: [],
    category: ref.categories.map((c) => ({
      forms: [normalName(c.name)],
      value: { code: c.code, name: c.name },
    })),
  };
  const strip = (n: string) =>
    n
      .split(' ')
      .filter((w) => !common.has(w))
      .join(' ') || n;
  const normalOf = (area: SuggestArea, v: string) =>
    area === 'district' ? normalRegion(v) : area === 'agency' ? strip(normalName(v)) : normalName(v);
  const unmapped = {} as Suggestions['unmapped'];
  const draft = {} as Suggestions['draft'];
  for (const [area] of areas) {
    unmapped[area] = [...counts.get(area)!.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([value, n]) => ({
        value,
        rows: n,
        candidates:
          area === 'status'
            ? statusCandidates(value)
            : suggest(normalOf(area, value), pools[area]).map((s) => ({ ...s.value, score: s.score })),
      }));
    draft[area] = Object.fromEntries(
      unmapped[area]
        .filter((u) => (u.candidates[0]?.score ?? 0) > 0.3)
        .map((u) => [u.value, u.candidates[0]!.code]),
    );
  }
  return { rows, unmapped, draft };
}

function statusCandidates(value: string): Candidate[] {
  const n = normalName(value);
  const hit = STATUS_WORDS.find(([re]) => re.test(n));
  const codes = hit ? [hit[1]] : [];
  return [...codes, ...REPORT_STATUSES.filter((s) => !codes.includes(s))].slice(0, 3).map((code, i) => ({
    code,
    name: code,
    score: hit && i === 0 ? 0.9 : 0,
  }));
}
