/**
 * Cascading province → regency → district → village pickers, each searchable; reports the deepest chosen code.
 * Shared by the report form and a program's intake page, whose `within` limits the choices to the program's area
 * (region codes, each covering everything under it) and `villageRequired` asks for a village. Its strings are the
 * report form's (`report-form` namespace).
 */
import { Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Region } from '../api/reports';

const LEVELS = ['province', 'regency', 'district', 'village'] as const;

function useChildren(parent: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['regions', parent ?? 'root'],
    queryFn: () => api.get<{ items: Region[] }>('/regions', { parent: parent ?? undefined, limit: 1000 }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Whether `code` lies inside one of the `area` codes or contains one (Kemendagri codes: `64`, `64.02`, `64.02.01`). */
export function touchesArea(code: string, area: readonly string[]): boolean {
  return area.some((a) => code === a || code.startsWith(`${a}.`) || a.startsWith(`${code}.`));
}

/** Whether `code` lies inside the area (a code covers every region under it). */
export function insideArea(code: string, area: readonly string[]): boolean {
  return area.some((a) => code === a || code.startsWith(`${a}.`));
}

function LevelSelect(props: {
  level: (typeof LEVELS)[number];
  parent: string | null;
  enabled: boolean;
  value: string | null;
  error?: string | undefined;
  required: boolean;
  within?: readonly string[] | undefined;
  onChange: (code: string | null) => void;
}) {
  const { t } = useTranslation('report-form');
  const q = useChildren(props.parent, props.enabled);
  const within = props.within;
  const data = (q.data?.items ?? [])
    .filter((r) => !within || touchesArea(r.code, within))
    .map((r) => ({ value: r.code, label: r.name }));
  return (
    <Select
      label={t(`region.${props.level}`)}
      placeholder={props.enabled ? t('region.choose') : t('region.chooseAbove')}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable
      disabled={!props.enabled}
      nothingFoundMessage={q.isLoading ? t('region.loading') : t('region.none')}
      error={props.error}
      required={props.required}
      comboboxProps={{ withinPortal: true }}
      data-testid={`region-${props.level}`}
    />
  );
}

export interface RegionPath {
  province: string | null;
  regency: string | null;
  district: string | null;
  village: string | null;
}

export const EMPTY_REGION: RegionPath = { province: null, regency: null, district: null, village: null };

export function deepestRegion(p: RegionPath): string | null {
  return p.village ?? p.district ?? p.regency ?? p.province;
}

/** The path of a region code (`64.02.01.2001` → its province, regency, district and village). */
export function regionPathOf(code: string): RegionPath {
  const parts = code.split('.');
  const upTo = (n: number) => (parts.length >= n ? parts.slice(0, n).join('.') : null);
  return { province: upTo(1), regency: upTo(2), district: upTo(3), village: upTo(4) };
}

export function RegionPicker({
  value,
  onChange,
  error,
  within,
  villageRequired,
}: {
  value: RegionPath;
  onChange: (v: RegionPath) => void;
  error?: string | undefined;
  within?: readonly string[] | undefined;
  villageRequired?: boolean;
}) {
  // Where the error shows: on the first level still missing (the village when one is required), else the deepest.
  const errorOn = !error
    ? null
    : !value.regency
      ? 'regency'
      : villageRequired && !value.district
        ? 'district'
        : 'village';
  const on = (level: string) => (errorOn === level ? error : undefined);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <LevelSelect
        level="province"
        parent={null}
        enabled
        required
        within={within}
        value={value.province}
        onChange={(province) => onChange({ ...EMPTY_REGION, province })}
      />
      <LevelSelect
        level="regency"
        parent={value.province}
        enabled={!!value.province}
        required
        within={within}
        value={value.regency}
        error={on('regency')}
        onChange={(regency) => onChange({ ...value, regency, district: null, village: null })}
      />
      <LevelSelect
        level="district"
        parent={value.regency}
        enabled={!!value.regency}
        required={!!villageRequired}
        within={within}
        value={value.district}
        error={on('district')}
        onChange={(district) => onChange({ ...value, district, village: null })}
      />
      <LevelSelect
        level="village"
        parent={value.district}
        enabled={!!value.district}
        required={!!villageRequired}
        within={within}
        value={value.village}
        error={on('village')}
        onChange={(village) => onChange({ ...value, village })}
      />
    </SimpleGrid>
  );
}
