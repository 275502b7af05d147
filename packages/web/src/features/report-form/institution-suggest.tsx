/** Institutions suggested for the chosen region and category; the reporter may pick one or leave it to Pintu. */
import { Radio, Stack, Text } from '@mantine/core';
import type { ResponseBody } from '@pintu/api-types';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';

export function InstitutionSuggest(props: {
  regionCode: string | null;
  categoryId: string | null;
  value: string;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation('report-form');
  const enabled = !!props.regionCode && !!props.categoryId;
  const q = useQuery({
    queryKey: ['suggest', props.regionCode, props.categoryId],
    queryFn: () =>
      api.get<ResponseBody<'/api/v1/routing/suggest'>>('/routing/suggest', {
        regionCode: props.regionCode,
        categoryId: props.categoryId,
      }),
    enabled,
  });
  if (!enabled) return <Text size="sm">{t('institution.waiting')}</Text>;
  return (
    <Radio.Group
      label={t('institution.label')}
      description={t('institution.help')}
      value={props.value}
      onChange={props.onChange}
    >
      <Stack gap="xs" mt="xs">
        <Radio value="" label={t('institution.auto')} />
        {(q.data?.items ?? []).slice(0, 5).map((s) => (
          <Radio key={s.institution.id} value={String(s.institution.id)} label={s.institution.name} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
