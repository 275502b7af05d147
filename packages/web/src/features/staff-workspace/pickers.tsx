/** Pickers for actions: an institution search (verify, not our authority) and the unit picker for dispose down. */
import { MultiSelect, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InstitutionHit, staffApi } from './api';

/** Searches institutions by name; `suggested` (routing suggestions) show before anything is typed. */
export function InstitutionPicker({
  value,
  onChange,
  suggested = [],
  multiple,
  label,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  suggested?: InstitutionHit[];
  multiple?: boolean;
  label: string;
  error?: string | undefined;
}) {
  const { t } = useTranslation('staff');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [known, setKnown] = useState<Record<string, string>>({});
  const hits = useQuery({
    queryKey: ['institution-search', debounced],
    queryFn: () => staffApi.institutions(debounced),
    enabled: debounced.trim().length >= 2,
  });
  const options = new Map<string, string>();
  for (const i of [...suggested, ...(hits.data?.items ?? [])]) options.set(String(i.id), i.name);
  for (const id of value) options.set(id, known[id] ?? options.get(id) ?? id);
  const data = [...options].map(([v, l]) => ({ value: v, label: l }));
  const remember = (ids: string[]) => {
    setKnown((k) => ({ ...k, ...Object.fromEntries(ids.map((id) => [id, options.get(id) ?? id])) }));
    onChange(ids);
  };
  const common = {
    label,
    data,
    searchable: true,
    searchValue: search,
    onSearchChange: setSearch,
    nothingFoundMessage: debounced.length >= 2 ? t('picker.nothing') : t('picker.typeMore'),
    filter: ({ options: o }: { options: unknown[] }) => o as never,
    error,
    required: true,
    comboboxProps: { withinPortal: true },
  };
  return multiple ? (
    <MultiSelect {...common} value={value} onChange={remember} data-testid="institution-picker" />
  ) : (
    <Select
      {...common}
      value={value[0] ?? null}
      onChange={(v) => remember(v ? [v] : [])}
      data-testid="institution-picker"
    />
  );
}

/** The active units directly below the holder, with their open reports. */
export function UnitPicker({
  institutionId,
  value,
  onChange,
  error,
}: {
  institutionId: number | null;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('staff');
  const units = useQuery({
    queryKey: ['units', institutionId],
    queryFn: () => staffApi.units(institutionId as number),
    enabled: institutionId !== null,
  });
  const data = (units.data?.items ?? [])
    .filter((u) => u.active)
    .map((u) => ({ value: String(u.id), label: t('picker.unit', { name: u.name, count: u.openReports }) }));
  return (
    <Select
      label={t('picker.unitLabel')}
      placeholder={units.isPending ? t('picker.loading') : undefined}
      data={data}
      value={value}
      onChange={onChange}
      required
      searchable
      nothingFoundMessage={t('picker.noUnits')}
      error={error ?? (units.isError ? t('picker.unitsFailed') : undefined)}
      data-testid="unit-picker"
      comboboxProps={{ withinPortal: true }}
    />
  );
}
