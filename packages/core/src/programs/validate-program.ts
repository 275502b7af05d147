/**
 * Checks of a program's configuration and of a grievance's extra fields, as field-level errors (Indonesian first,
 * like every message a person reads). The shape is checked here; that codes exist is checked against what storage
 * found (`programReferenceErrors`), so the rule stays pure.
 */
import type { FieldError } from '../errors';
import {
  PROGRAM_FIELD_TYPES,
  PROGRAM_LEVELS,
  type ProgramConfig,
  type ProgramField,
  type ProgramLevel,
} from './program';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$/;
const KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
const REGION = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
/** The longest level deadline a program may set: a year of working days. */
export const PROGRAM_DEADLINE_MAX = 250;

const err = (field: string, code: string, message: string): FieldError => ({ field, code, message });

function uniqueBy<T>(
  out: FieldError[],
  list: readonly T[],
  key: (t: T) => string,
  field: string,
  what: string,
) {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push(err(`${field}.${i}`, 'duplicate', `${what} "${k}" disebut dua kali.`));
    seen.add(k);
  });
}

function levelErrors(out: FieldError[], config: ProgramConfig): void {
  const levels = config.levels;
  if (levels.length === 0) {
    out.push(err('levels', 'required', 'Program membutuhkan paling sedikit satu tingkat penanganan.'));
    return;
  }
  levels.forEach((l, i) => {
    if (!PROGRAM_LEVELS.includes(l.level))
      out.push(
        err(`levels.${i}.level`, 'invalid', `Tingkat harus salah satu dari ${PROGRAM_LEVELS.join(', ')}.`),
      );
    if (!Number.isInteger(l.deadlineDays) || l.deadlineDays < 1 || l.deadlineDays > PROGRAM_DEADLINE_MAX)
      out.push(err(`levels.${i}.deadlineDays`, 'invalid', `Tenggat 1–${PROGRAM_DEADLINE_MAX} hari kerja.`));
    const h = l.handler;
    const kinds = ['village_unit', 'regional_government', 'institution'];
    if (!h || !kinds.includes(h.kind))
      out.push(err(`levels.${i}.handler`, 'invalid', `Penangan harus salah satu dari ${kinds.join(', ')}.`));
    else if (h.kind === 'institution' && !(typeof h.code === 'string' && h.code.length > 0))
      out.push(err(`levels.${i}.handler.code`, 'required', 'Sebutkan kode instansi penangan.'));
    else if (h.kind === 'village_unit' && l.level !== 'village')
      out.push(err(`levels.${i}.handler`, 'invalid', 'Unit desa hanya menangani tingkat desa.'));
  });
  // One entry per level, lowest first, and no level missing between the lowest and the highest: a grievance
  // raised from the village must find a handler at the regency before the province.
  const order = levels.map((l) => PROGRAM_LEVELS.indexOf(l.level as ProgramLevel));
  if (order.some((o) => o < 0)) return;
  for (let i = 1; i < order.length; i++) {
    if (order[i]! <= order[i - 1]!) {
      out.push(
        err(`levels.${i}.level`, 'order', 'Tingkat harus urut dari bawah ke atas dan tidak berulang.'),
      );
      return;
    }
    if (order[i]! > order[i - 1]! + 1) {
      const missing = PROGRAM_LEVELS[order[i - 1]! + 1]!;
      out.push(
        err(
          `levels.${i}.handler`,
          'level_missing',
          `Tingkat ${missing} belum punya penangan (tidak boleh dilompati).`,
        ),
      );
      return;
    }
  }
}

function fieldErrors(out: FieldError[], fields: readonly ProgramField[]): void {
  fields.forEach((f, i) => {
    if (!KEY.test(f.key ?? ''))
      out.push(err(`fields.${i}.key`, 'invalid', 'Kunci isian: huruf, angka, garis bawah; diawali huruf.'));
    if (!PROGRAM_FIELD_TYPES.includes(f.type))
      out.push(err(`fields.${i}.type`, 'invalid', `Jenis isian: ${PROGRAM_FIELD_TYPES.join(', ')}.`));
    if (f.type === 'select' && !(Array.isArray(f.options) && f.options.length > 0))
      out.push(err(`fields.${i}.options`, 'required', 'Isian pilihan membutuhkan daftar pilihan.'));
    if (!f.label?.trim()) out.push(err(`fields.${i}.label`, 'required', 'Label isian wajib diisi.'));
  });
  uniqueBy(out, fields, (f) => f.key, 'fields', 'Kunci isian');
}

/** The shape errors of a program's configuration (codes, order of levels, fields); empty when it is well-formed. */
export function programConfigErrors(config: ProgramConfig): FieldError[] {
  const out: FieldError[] = [];
  if (!SLUG.test(config.code ?? ''))
    out.push(
      err('code', 'invalid', 'Kode program: huruf kecil, angka dan tanda hubung (contoh: fcpf-cf-kaltim).'),
    );
  if (!config.name?.trim()) out.push(err('name', 'required', 'Nama program wajib diisi.'));
  if (config.areaRegionCodes.length === 0)
    out.push(
      err('areaRegionCodes', 'required', 'Wilayah program membutuhkan paling sedikit satu kode wilayah.'),
    );
  config.areaRegionCodes.forEach((code, i) => {
    if (!REGION.test(code))
      out.push(err(`areaRegionCodes.${i}`, 'invalid', 'Kode wilayah Kemendagri tidak valid.'));
  });
  if (config.categories.length === 0)
    out.push(err('categories', 'required', 'Program membutuhkan paling sedikit satu kategori.'));
  config.categories.forEach((c, i) => {
    if (!SLUG.test(c.code ?? ''))
      out.push(err(`categories.${i}.code`, 'invalid', 'Kode kategori tidak valid.'));
    if (!c.name?.trim()) out.push(err(`categories.${i}.name`, 'required', 'Nama kategori wajib diisi.'));
  });
  uniqueBy(out, config.categories, (c) => c.code, 'categories', 'Kode kategori');
  fieldErrors(out, config.fields);
  levelErrors(out, config);
  return out;
}

/** What storage found of the codes a configuration names. */
export interface ProgramReferences {
  ownerExists: boolean;
  /** The area codes that exist among the regions. */
  regionCodes: ReadonlySet<string>;
  categoryIds: ReadonlySet<number>;
  institutionCodes: ReadonlySet<string>;
}

/** The errors of codes that do not exist: owner, area codes, national categories, named handler institutions. */
export function programReferenceErrors(config: ProgramConfig, found: ProgramReferences): FieldError[] {
  const out: FieldError[] = [];
  if (!found.ownerExists) out.push(err('ownerCode', 'unknown', 'Instansi pemilik tidak ditemukan.'));
  config.areaRegionCodes.forEach((code, i) => {
    if (!found.regionCodes.has(code))
      out.push(err(`areaRegionCodes.${i}`, 'unknown', `Wilayah ${code} tidak ditemukan.`));
  });
  config.categories.forEach((c, i) => {
    if (!found.categoryIds.has(c.categoryId))
      out.push(err(`categories.${i}.categoryId`, 'unknown', 'Kategori nasional tidak ditemukan.'));
  });
  config.levels.forEach((l, i) => {
    if (l.handler?.kind === 'institution' && !found.institutionCodes.has(l.handler.code))
      out.push(err(`levels.${i}.handler.code`, 'unknown', `Instansi ${l.handler.code} tidak ditemukan.`));
  });
  return out;
}

/**
 * The errors of a grievance's extra fields against the program's definitions (`program.fields.<key>`); unknown keys
 * are refused so nothing unlooked-for is stored with a report.
 */
export function programFieldErrors(
  defs: readonly ProgramField[],
  values: Readonly<Record<string, unknown>>,
): FieldError[] {
  const out: FieldError[] = [];
  const at = (key: string) => `program.fields.${key}`;
  for (const key of Object.keys(values))
    if (!defs.some((d) => d.key === key))
      out.push(err(at(key), 'unknown', 'Isian ini tidak dikenal program.'));
  for (const d of defs) {
    const v = values[d.key];
    if (v === undefined || v === null || v === '') {
      if (d.required) out.push(err(at(d.key), 'required', `${d.label} wajib diisi.`));
      continue;
    }
    if (d.type === 'number' && !(typeof v === 'number' && Number.isFinite(v)))
      out.push(err(at(d.key), 'invalid', `${d.label} harus berupa angka.`));
    else if (d.type === 'text' && !(typeof v === 'string' && v.length <= 500))
      out.push(err(at(d.key), 'invalid', `${d.label}: teks paling panjang 500 karakter.`));
    else if (d.type === 'select' && !(typeof v === 'string' && (d.options ?? []).includes(v)))
      out.push(err(at(d.key), 'invalid', `${d.label}: pilih salah satu pilihan yang tersedia.`));
  }
  return out;
}
