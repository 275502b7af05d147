/** Cascading province → regency → district → village pickers, each searchable; reports the deepest chosen code. */
import { Select, SimpleGrid } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Region } from '../../api/reports';

const LEVELS = ['province', 'regency', 'district', 'village'] as const;

function useChildren(parent: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['regions', parent ?? 'root'],
    queryFn: () => api.get<{ items: Region[] }>('/regions', { parent: parent ?? undefined, limit: 1000 }),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function LevelSelect(props: {
  level: (typeof LEVELS)[number];
  parent: string | null;
  enabled: boolean;
  value: string | null;
  error?: string;
  onChange: (code: string | null) => void;
}) {
  const { t } = useTranslation('report-form');
  const q = useChildren(props.parent, props.enabled);
  const data = (q.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }));
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
      required={props.level === 'province' || props.level === 'regency'}
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

export function RegionPicker({
  value,
  onChange,
  error,
}: {
  value: RegionPath;
  onChange: (v: RegionPath) => void;
  error?: string;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <LevelSelect
        level="province"
        parent={null}
        enabled
        value={value.province}
        onChange={(province) => onChange({ ...EMPTY_REGION, province })}
      />
      <LevelSelect
        level="regency"
        parent={value.province}
        enabled={!!value.province}
        value={value.regency}
        error={value.regency ? undefined : error}
        onChange={(regency) => onChange({ ...value, regency, district: null, village: null })}
      />
      <LevelSelect
        level="district"
        parent={value.regency}
        enabled={!!value.regency}
        value={value.district}
        onChange={(district) => onChange({ ...value, district, village: null })}
      />
      <LevelSelect
        level="village"
        parent={value.district}
        enabled={!!value.district}
        value={value.village}
        error={value.regency ? error : undefined}
        onChange={(village) => onChange({ ...value, village })}
      />
    </SimpleGrid>
  );
}
