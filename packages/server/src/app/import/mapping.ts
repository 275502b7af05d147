/**
 * The column mapping of `pintu import` (docs/import.md): which column of a legacy export holds what, and how its
 * values translate — legacy statuses to lifecycle end states, agency names to institution codes, district names to
 * region codes, categories to category codes. Checked field by field; every error names its field.
 */
import {
  ARCHIVE_REASONS,
  type ArchiveReason,
  COMPLEXITY_CLASSES,
  type ComplexityClass,
  type FieldError,
  REPORT_STATUSES,
  REPORT_TYPES,
  type ReportStatus,
  type ReportType,
  TIME_ZONES,
  type TimeZone,
} from '@pintu/core';

/** The fields a column can fill; `legacyId`, `receivedAt`, `status` and `text` are required. */
export const MAPPED_FIELDS = [
  'legacyId',
  'receivedAt',
  'agency',
  'district',
  'status',
  'category',
  'text',
  'title',
  'type',
  'incidentDate',
  'dispositionedAt',
  'acknowledgedAt',
  'followUpAt',
  'followUp',
  'closedAt',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];
const REQUIRED: MappedField[] = ['legacyId', 'receivedAt', 'status', 'text'];

/** A legacy status mapped to an end state; `archived` may carry the archive reason (`archived:duplicate`). */
export interface EndState {
  status: ReportStatus;
  archiveReason: ArchiveReason;
}

export interface ImportMapping {
  /** The legacy app, e.g. `sitanggap-balikpapan`: with the legacy id, what makes an import idempotent. */
  source: string;
  columns: Partial<Record<MappedField, string>>;
  /** Local time of the legacy dates (the region's zone). */
  timeZone: TimeZone;
  /** `dmy` (Indonesian, the default) or `mdy` for dates like 05/03/2024. */
  dateOrder: 'dmy' | 'mdy';
  /** Institution code whose subtree the agencies are matched in (the legacy app's government), or all. */
  institutionScope: string | null;
  /** Region code the districts are matched under (e.g. `64.71`), or all. */
  regionScope: string | null;
  defaults: {
    agency: string | null;
    region: string | null;
    category: string | null;
    type: ReportType;
    complexity: ComplexityClass | null;
  };
  values: {
    status: Record<string, EndState>;
    agency: Record<string, string>;
    district: Record<string, string>;
    category: Record<string, string>;
    type: Record<string, ReportType>;
  };
}

/** Mapping problems, each with its field; thrown as one error by `parseMapping`. */
export class MappingError extends Error {
  constructor(readonly fields: FieldError[]) {
    super(
      `Berkas pemetaan tidak valid / invalid mapping file:\n${fields.map((f) => `  ${f.field}: ${f.message}`).join('\n')}`,
    );
  }
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an end state: `resolved`, `archived`, `archived:duplicate`. */
export function endStateOf(v: unknown): EndState | null {
  if (typeof v !== 'string') return null;
  const [status, reason] = v.split(':') as [string, string | undefined];
  if (!(REPORT_STATUSES as readonly string[]).includes(status)) return null;
  if (
    reason !== undefined &&
    (status !== 'archived' || !(ARCHIVE_REASONS as readonly string[]).includes(reason))
  )
    return null;
  return { status: status as ReportStatus, archiveReason: (reason ?? 'out_of_scope') as ArchiveReason };
}

/** Validates a parsed mapping JSON; throws `MappingError` with every problem at once. */
export function parseMapping(json: unknown): ImportMapping {
  const errs: FieldError[] = [];
  const bad = (field: string, message: string) => errs.push({ field, message });
  if (!isObj(json)) bad('(root)', 'harus objek JSON / must be a JSON object');
  const m: Record<string, unknown> = isObj(json) ? json : {};
  const source = m.source;
  if (typeof source !== 'string' || !/^[a-z0-9][a-z0-9._-]{1,63}$/.test(source))
    bad('source', 'wajib: huruf kecil, angka, . _ - (2–64) / required: lowercase letters, digits, . _ -');
  if (!isObj(m.columns)) bad('columns', 'wajib objek / required object');
  const cols: Record<string, unknown> = isObj(m.columns) ? m.columns : {};
  const columns: ImportMapping['columns'] = {};
  for (const [k, v] of Object.entries(cols)) {
    if (!(MAPPED_FIELDS as readonly string[]).includes(k))
      bad(`columns.${k}`, `tidak dikenal; pilih dari / unknown; one of ${MAPPED_FIELDS.join(', ')}`);
    else if (v === null) continue;
    else if (typeof v !== 'string' || v.trim() === '')
      bad(`columns.${k}`, 'harus nama kolom / must be a column name');
    else columns[k as MappedField] = v.trim();
  }
  for (const f of REQUIRED) if (isObj(m.columns) && !columns[f]) bad(`columns.${f}`, 'wajib / required');
  const defs = isObj(m.defaults) ? m.defaults : {};
  if (!columns.agency && typeof defs.agency !== 'string')
    bad('columns.agency', 'wajib, atau defaults.agency / required, or defaults.agency');
  const str = (v: unknown, field: string): string | null => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && v.trim()) return v.trim();
    bad(field, 'harus teks / must be text');
    return null;
  };
  const timeZone = m.timeZone ?? 'Asia/Jakarta';
  if (!(TIME_ZONES as readonly unknown[]).includes(timeZone))
    bad('timeZone', `salah satu / one of ${TIME_ZONES.join(', ')}`);
  const dateOrder = m.dateOrder ?? 'dmy';
  if (dateOrder !== 'dmy' && dateOrder !== 'mdy') bad('dateOrder', 'dmy atau / or mdy');
  const type = defs.type ?? 'complaint';
  if (!(REPORT_TYPES as readonly unknown[]).includes(type))
    bad('defaults.type', `salah satu / one of ${REPORT_TYPES.join(', ')}`);
  const complexity = defs.complexity ?? null;
  if (complexity !== null && !(COMPLEXITY_CLASSES as readonly unknown[]).includes(complexity))
    bad('defaults.complexity', `salah satu / one of ${COMPLEXITY_CLASSES.join(', ')}`);
  const vals = isObj(m.values) ? m.values : {};
  const table = <T>(name: string, read: (v: unknown) => T | null, what: string): Record<string, T> => {
    const t = vals[name];
    if (t === undefined) return {};
    if (!isObj(t)) {
      bad(`values.${name}`, 'harus objek / must be an object');
      return {};
    }
    const out: Record<string, T> = {};
    for (const [k, v] of Object.entries(t)) {
      const r = read(v);
      if (r === null) bad(`values.${name}.${k}`, what);
      else out[k] = r;
    }
    return out;
  };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const mapping: ImportMapping = {
    source: String(source),
    columns,
    timeZone: timeZone as TimeZone,
    dateOrder: dateOrder as 'dmy' | 'mdy',
    institutionScope: str(m.institutionScope, 'institutionScope'),
    regionScope: str(m.regionScope, 'regionScope'),
    defaults: {
      agency: str(defs.agency, 'defaults.agency'),
      region: str(defs.region, 'defaults.region'),
      category: str(defs.category, 'defaults.category'),
      type: type as ReportType,
      complexity: complexity as ComplexityClass | null,
    },
    values: {
      status: table(
        'status',
        endStateOf,
        `status siklus / a lifecycle status: ${REPORT_STATUSES.join(', ')} (archived:<${ARCHIVE_REASONS.join('|')}>)`,
      ),
      agency: table('agency', text, 'kode instansi / an institution code'),
      district: table('district', text, 'kode wilayah / a region code'),
      category: table('category', text, 'kode kategori / a category code'),
      type: table(
        'type',
        (v) => ((REPORT_TYPES as readonly unknown[]).includes(v) ? (v as ReportType) : null),
        `salah satu / one of ${REPORT_TYPES.join(', ')}`,
      ),
    },
  };
  if (errs.length) throw new MappingError(errs);
  return mapping;
}
