/** The owning institution, searched by name; its code is what the program stores (`pemprov-64`). */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ResponseBody } from '@pintu/api-types';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

export function InstitutionSelect(props: {
  label: string;
  description?: string;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('programs');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const hits = useQuery({
    queryKey: ['programs-admin', 'institutions', debounced],
    queryFn: () =>
      api.get<ResponseBody<'/api/v1/institutions'>>('/institutions', {
        q: debounced,
        all: true,
        pageSize: 10,
      }),
    enabled: debounced.length >= 2,
  });
  const data = (hits.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.name} (${i.code})` }));
  if (props.value && !data.some((d) => d.value === props.value))
    data.unshift({ value: props.value, label: props.value });
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={t('admin.searchInstitution')}
      data={data}
      value={props.value || null}
      onChange={(v) => props.onChange(v ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={debounced.length < 2 ? t('admin.typeMore') : t('admin.noInstitution')}
      error={props.error}
      required={props.required}
      filter={({ options }) => options}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}
