/** The admin form's values and their conversion to and from a program's configuration and the server's errors. */
import { PROGRAM_LEVELS, type ProgramConfig, type ProgramLevel } from '../../api/programs';

type HandlerKind = 'village_unit' | 'regional_government' | 'institution';

export interface LevelRow {
  level: ProgramLevel;
  enabled: boolean;
  kind: HandlerKind;
  code: string;
  deadlineDays: number | string;
}

export interface FormValues {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  ownerCode: string;
  areaRegionCodes: string[];
  categories: { code: string; name: string; nameEn: string; categoryId: string | null }[];
  fields: {
    key: string;
    label: string;
    labelEn: string;
    type: 'text' | 'select' | 'number';
    options: string[];
    required: boolean;
  }[];
  levels: LevelRow[];
  countsInEvaluation: boolean;
  active: boolean;
  source: string;
}

const DEFAULT_DAYS: Record<ProgramLevel, number> = { village: 10, regency: 14, province: 20 };

export function toForm(p?: ProgramConfig): FormValues {
  return {
    code: p?.code ?? '',
    name: p?.name ?? '',
    nameEn: p?.nameEn ?? '',
    description: p?.description ?? '',
    ownerCode: p?.ownerCode ?? '',
    areaRegionCodes: p?.areaRegionCodes ?? [],
    categories: (p?.categories ?? [{ code: '', name: '', nameEn: null, categoryId: 0 }]).map((c) => ({
      code: c.code,
      name: c.name,
      nameEn: c.nameEn ?? '',
      categoryId: c.categoryId ? String(c.categoryId) : null,
    })),
    fields: (p?.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      labelEn: f.labelEn ?? '',
      type: f.type,
      options: f.options ?? [],
      required: f.required,
    })),
    levels: PROGRAM_LEVELS.map((level) => {
      const l = p?.levels.find((x) => x.level === level);
      return {
        level,
        enabled: p ? !!l : true,
        kind: l?.handler.kind ?? (level === 'village' ? 'village_unit' : 'regional_government'),
        code: l?.handler.kind === 'institution' ? l.handler.code : '',
        deadlineDays: l?.deadlineDays ?? DEFAULT_DAYS[level],
      };
    }),
    countsInEvaluation: p?.countsInEvaluation ?? true,
    active: p?.active ?? true,
    source: p?.source ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

export function toConfig(v: FormValues): ProgramConfig {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    nameEn: orNull(v.nameEn),
    description: orNull(v.description),
    ownerCode: v.ownerCode,
    areaRegionCodes: v.areaRegionCodes.map((c) => c.trim()).filter(Boolean),
    categories: v.categories.map((c) => ({
      code: c.code.trim(),
      name: c.name.trim(),
      nameEn: orNull(c.nameEn),
      categoryId: Number(c.categoryId ?? 0),
    })),
    fields: v.fields.map((f) => ({
      key: f.key.trim(),
      label: f.label.trim(),
      labelEn: orNull(f.labelEn),
      type: f.type,
      ...(f.type === 'select' ? { options: f.options } : {}),
      required: f.required,
    })),
    levels: v.levels
      .filter((l) => l.enabled)
      .map((l) => ({
        level: l.level,
        handler: l.kind === 'institution' ? { kind: 'institution', code: l.code } : { kind: l.kind },
        deadlineDays: Number(l.deadlineDays),
      })),
    countsInEvaluation: v.countsInEvaluation,
    active: v.active,
    source: orNull(v.source),
  };
}

/**
 * The server's field paths (`levels.1.handler`, `areaRegionCodes[0]`) as the form's: a level's index counts only the
 * levels sent, so it is turned back into its row; a handler's errors land on its kind or institution code.
 */
export function formErrors(errors: Record<string, string>, v: FormValues): Record<string, string> {
  const rows = v.levels.flatMap((l, i) => (l.enabled ? [i] : []));
  const out: Record<string, string> = {};
  for (const [raw, msg] of Object.entries(errors)) {
    let path = raw.replace(/\[(\d+)\]/g, '.$1');
    const level = /^levels\.(\d+)(\..*)?$/.exec(path);
    if (level) {
      const row = rows[Number(level[1])] ?? Number(level[1]);
      const rest = (level[2] ?? '')
        .replace(/^\.handler\.code$/, '.code')
        .replace(/^\.handler$/, '.kind')
        .replace(/^\.level$/, '');
      path = `levels.${row}${rest}`;
    }
    if (/^areaRegionCodes\.\d+$/.test(path)) {
      const i = Number(path.split('.')[1]);
      out.areaRegionCodes ??= `${v.areaRegionCodes[i] ?? ''}: ${msg}`;
      continue;
    }
    out[path] ??= msg;
  }
  return out;
}
