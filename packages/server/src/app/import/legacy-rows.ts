/**
 * One legacy row read through the mapping: the header located, values translated (status, agency, district,
 * category, type), dates parsed, title and body shaped to Pintu's limits. A row that cannot be read is a rejection
 * with a stable reason code for the error file; a header the mapping does not fit stops the whole file.
 */
import {
  COMPLEXITY_CLASSES,
  type ComplexityClass,
  type Holder,
  type ImportInstitution,
  type ImportReference,
  REPORT_LIMITS,
  REPORT_STATUSES,
  type ReportType,
  STATUS_LABELS_ID,
  type TimeZone,
} from '@pintu/core';
import { localDay, parseLegacyDate } from './legacy-dates';
import { type EndState, type ImportMapping, type MappedField, MappingError } from './mapping';
import { normalName, normalRegion, suggest } from './names';

/** A row rejected: its reason code (the error file's), and a bilingual message naming the field and value. */
export interface Rejection {
  code: string;
  message: string;
}

/** A row read: what the report's row and history are made of. */
export interface LegacyRow {
  legacyId: string;
  type: ReportType;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  categoryId: number;
  institution: ImportInstitution | null;
  holder: Holder | null;
  end: EndState;
  filedAt: Date;
  dispositionedAt: Date | null;
  acknowledgedAt: Date | null;
  followUpAt: Date | null;
  closedAt: Date | null;
  complexity: ComplexityClass;
  followUpMessage: string | null;
}

/** The header does not fit the mapping: a file-level problem. */
export class HeaderError extends Error {}

/** Where each mapped column is in the header; throws `HeaderError` naming every missing column. */
export function locateColumns(mapping: ImportMapping, header: string[]): Map<MappedField, number> {
  const at = new Map(header.map((h, i) => [normalName(h), i]));
  const found = new Map<MappedField, number>();
  const missing: string[] = [];
  for (const [field, column] of Object.entries(mapping.columns) as [MappedField, string][]) {
    const i = at.get(normalName(column));
    if (i === undefined) {
      const near = suggest(
        normalName(column),
        header.map((h) => ({ forms: [normalName(h)], value: h })),
        1,
      )[0];
      missing.push(
        `  columns.${field} = "${column}"${near && near.score >= 0.5 ? ` (mirip / close: "${near.value}")` : ''}`,
      );
    } else found.set(field, i);
  }
  if (missing.length)
    throw new HeaderError(
      `Kepala tabel tidak cocok dengan pemetaan / the header does not match the mapping:\n${missing.join('\n')}\n` +
        `Kolom di berkas / columns in the file: ${header.slice(0, 40).join(', ')}${header.length > 40 ? ', …' : ''}`,
    );
  return found;
}

/** The mapping's value tables joined to the reference data, checked once; unknown codes are mapping errors. */
export function lookups(mapping: ImportMapping, ref: ImportReference) {
  const errs: { field: string; message: string }[] = [];
  const byCode = new Map(ref.institutions.map((i) => [i.code, i]));
  const regionCodes = new Set(ref.regions.map((r) => r.code));
  const categoryByCode = new Map(ref.categories.map((c) => [c.code, c]));
  const agency = new Map<string, ImportInstitution>();
  for (const i of ref.institutions) {
    agency.set(normalName(i.name), i);
    if (i.acronym) agency.set(normalName(i.acronym), i);
  }
  for (const [name, code] of Object.entries(mapping.values.agency)) {
    const i = byCode.get(code);
    if (i) agency.set(normalName(name), i);
    else
      errs.push({
        field: `values.agency.${name}`,
        message: `instansi "${code}" tidak ada / no institution ${code} in scope`,
      });
  }
  const district = new Map<string, string>();
  for (const r of ref.regions) if (r.level === 3) district.set(normalRegion(r.name), r.code);
  for (const [name, code] of Object.entries(mapping.values.district)) {
    if (regionCodes.has(code)) district.set(normalRegion(name), code);
    else
      errs.push({
        field: `values.district.${name}`,
        message: `wilayah "${code}" tidak ada / no region ${code} in scope`,
      });
  }
  const category = new Map<string, (typeof ref.categories)[number]>();
  for (const c of ref.categories) {
    category.set(normalName(c.name), c);
    category.set(normalName(c.code), c);
  }
  for (const [name, code] of Object.entries(mapping.values.category)) {
    const c = categoryByCode.get(code);
    if (c) category.set(normalName(name), c);
    else
      errs.push({
        field: `values.category.${name}`,
        message: `kategori "${code}" tidak ada / no category ${code}`,
      });
  }
  const status = new Map<string, EndState>();
  for (const s of REPORT_STATUSES) {
    status.set(normalName(s), { status: s, archiveReason: 'out_of_scope' });
    status.set(normalName(STATUS_LABELS_ID[s]), { status: s, archiveReason: 'out_of_scope' });
  }
  for (const [name, end] of Object.entries(mapping.values.status)) status.set(normalName(name), end);
  const type = new Map(Object.entries(mapping.values.type).map(([k, v]) => [normalName(k), v]));
  const pick = (code: string | null, field: string, ok: boolean) => {
    if (code !== null && !ok) errs.push({ field, message: `"${code}" tidak dikenal / unknown` });
  };
  pick(mapping.defaults.agency, 'defaults.agency', byCode.has(mapping.defaults.agency ?? ''));
  pick(mapping.defaults.region, 'defaults.region', regionCodes.has(mapping.defaults.region ?? ''));
  pick(mapping.defaults.category, 'defaults.category', categoryByCode.has(mapping.defaults.category ?? ''));
  if (errs.length) throw new MappingError(errs);
  return {
    agency,
    district,
    category,
    status,
    type,
    defaultAgency: mapping.defaults.agency ? byCode.get(mapping.defaults.agency)! : null,
    defaultCategory: mapping.defaults.category ? categoryByCode.get(mapping.defaults.category)! : null,
  };
}
export type Lookups = ReturnType<typeof lookups>;

/** Normal forms by raw value: a legacy column repeats a few values over and over (the hot path of a long file). */
const memo = (f: (s: string) => string) => {
  const cache = new Map<string, string>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      if (cache.size < 100_000) cache.set(s, v);
    }
    return v;
  };
};
const name = memo(normalName);
const region = memo(normalRegion);

const holderOf = (i: ImportInstitution): Holder => ({
  institutionId: String(i.id),
  ancestorIds: i.path.slice(0, -1).map(String),
  timeZone: i.timeZone as TimeZone,
  regionCode: i.regionCode,
});

const reject = (code: string, message: string): { ok: false; rejection: Rejection } => ({
  ok: false,
  rejection: { code, message },
});

/** The title: the legacy title, or the text's opening words, within Pintu's limits. */
function titleOf(title: string, text: string, source: string, legacyId: string): string {
  let t = (title || text).replace(/\s+/g, ' ').trim();
  if (t.length > REPORT_LIMITS.titleMax) {
    const cut = t.slice(0, REPORT_LIMITS.titleMax - 1);
    t = `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : cut.length)}…`;
  }
  return t.length >= REPORT_LIMITS.titleMin
    ? t
    : `${t} (${source} ${legacyId})`.trim().slice(0, REPORT_LIMITS.titleMax);
}

/** The body: the legacy text; a short one carries where it came from (Pintu needs 30 characters), a long one is cut. */
function bodyOf(text: string, source: string, legacyId: string): string {
  let b = text.trim();
  if (b.length > REPORT_LIMITS.bodyMax) b = `${b.slice(0, REPORT_LIMITS.bodyMax - 4)} […]`;
  if (b.length < REPORT_LIMITS.bodyMin) b = `${b}\n\n(Diimpor dari ${source}, nomor ${legacyId}.)`;
  return b;
}

/** Reads one data row; `cells` as the table gave them. */
export function readRow(
  cells: string[],
  cols: Map<MappedField, number>,
  mapping: ImportMapping,
  look: Lookups,
  serials: boolean,
): { ok: true; row: LegacyRow } | { ok: false; rejection: Rejection } {
  const cell = (f: MappedField) => {
    const i = cols.get(f);
    return i === undefined ? '' : (cells[i] ?? '').replaceAll('\u0000', '').trim();
  };
  const legacyId = cell('legacyId');
  if (!legacyId) return reject('legacy_id_missing', `${mapping.columns.legacyId}: kosong / empty`);
  const opts = { timeZone: mapping.timeZone, dateOrder: mapping.dateOrder, serials };
  const dates: Partial<Record<MappedField, Date | null>> = {};
  let previous = null as Date | null;
  // In lifecycle order: a cell naming only a day, on the day of the step before it, means "later that day".
  for (const f of [
    'receivedAt',
    'dispositionedAt',
    'acknowledgedAt',
    'followUpAt',
    'closedAt',
    'incidentDate',
  ] as const) {
    const v = cell(f);
    if (!v) {
      if (f === 'receivedAt') return reject('date_missing', `${mapping.columns.receivedAt}: kosong / empty`);
      dates[f] = null;
      continue;
    }
    const d = parseLegacyDate(v, opts);
    if (!d) return reject('date_invalid', `${mapping.columns[f]}: "${v}" bukan tanggal / not a date`);
    const sameDay: boolean =
      f !== 'incidentDate' &&
      d.dateOnly &&
      previous !== null &&
      d.at.getTime() < previous.getTime() &&
      localDay(d.at, mapping.timeZone) === localDay(previous, mapping.timeZone);
    dates[f] = sameDay ? previous : d.at;
    if (f !== 'incidentDate') previous = dates[f]!;
  }
  const statusText = cell('status');
  if (!statusText) return reject('status_missing', `${mapping.columns.status}: kosong / empty`);
  const end = look.status.get(name(statusText));
  if (!end)
    return reject(
      'unknown_status',
      `${mapping.columns.status}: "${statusText}" belum dipetakan / not mapped (values.status)`,
    );
  const agencyText = cell('agency');
  const institution = agencyText ? (look.agency.get(name(agencyText)) ?? null) : look.defaultAgency;
  if (agencyText && !institution)
    return reject(
      'unknown_agency',
      `${mapping.columns.agency}: "${agencyText}" belum dipetakan / not mapped (values.agency)`,
    );
  const districtText = cell('district');
  const regionCode = districtText
    ? look.district.get(region(districtText))
    : (mapping.defaults.region ?? undefined);
  if (!regionCode)
    return districtText
      ? reject(
          'unknown_district',
          `${mapping.columns.district}: "${districtText}" belum dipetakan / not mapped (values.district)`,
        )
      : reject(
          'district_missing',
          `${mapping.columns.district ?? 'district'}: kosong, tanpa defaults.region / empty, no defaults.region`,
        );
  const categoryText = cell('category');
  const category = categoryText ? look.category.get(name(categoryText)) : look.defaultCategory;
  if (!category)
    return categoryText
      ? reject(
          'unknown_category',
          `${mapping.columns.category}: "${categoryText}" belum dipetakan / not mapped (values.category)`,
        )
      : reject(
          'category_missing',
          `${mapping.columns.category ?? 'category'}: kosong, tanpa defaults.category / empty, no defaults.category`,
        );
  const typeText = cell('type');
  const type = typeText ? look.type.get(name(typeText)) : mapping.defaults.type;
  if (!type)
    return reject(
      'unknown_type',
      `${mapping.columns.type}: "${typeText}" belum dipetakan / not mapped (values.type)`,
    );
  const text = cell('text');
  if (!text) return reject('text_missing', `${mapping.columns.text}: kosong / empty`);
  const complexity = (COMPLEXITY_CLASSES as readonly string[]).includes(category.defaultComplexity ?? '')
    ? (category.defaultComplexity as ComplexityClass)
    : (mapping.defaults.complexity ?? 'no_field_exam');
  const filedAt = dates.receivedAt!;
  return {
    ok: true,
    row: {
      legacyId,
      type,
      title: titleOf(cell('title'), text, mapping.source, legacyId),
      body: bodyOf(text, mapping.source, legacyId),
      incidentDate: localDay(dates.incidentDate ?? filedAt, mapping.timeZone),
      regionCode,
      categoryId: category.id,
      institution,
      holder: institution ? holderOf(institution) : null,
      end,
      filedAt,
      dispositionedAt: dates.dispositionedAt ?? null,
      acknowledgedAt: dates.acknowledgedAt ?? null,
      followUpAt: dates.followUpAt ?? null,
      closedAt: dates.closedAt ?? null,
      complexity,
      followUpMessage: cell('followUp') || null,
    },
  };
}
