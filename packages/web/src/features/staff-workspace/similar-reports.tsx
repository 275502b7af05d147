/** Duplicate search for the archive dialog: similar reports in the caller's scope, or a search by words/trackingId. */
import { Anchor, Badge, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { staffApi } from './api';

export function SimilarReports({
  trackingId,
  value,
  onChange,
}: {
  trackingId: string;
  value: string | null;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation('staff');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const similar = useQuery({
    queryKey: ['similar', trackingId, debounced],
    queryFn: () => staffApi.similar(trackingId, debounced.length >= 3 ? debounced : undefined),
  });
  return (
    <Stack gap="xs">
      <TextInput
        label={t('similar.search')}
        description={t('similar.help')}
        descriptionProps={{ c: 'dark.6' }}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
      />
      <Radio.Group
        label={t('similar.pick')}
        value={value}
        onChange={onChange}
        required
        data-testid="similar-list"
      >
        <Stack gap="xs" mt="xs">
          {similar.isPending && <Text size="sm">{t('picker.loading')}</Text>}
          {similar.data?.items.length === 0 && <Text size="sm">{t('similar.none')}</Text>}
          {similar.data?.items.map((s) => (
            <Radio
              key={s.trackingId}
              value={s.trackingId}
              label={
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600}>
                    {s.title}
                  </Text>
                  <Badge size="xs" variant="outline" color="dark">
                    {t('similar.score', { pct: Math.round(s.similarity * 100) })}
                  </Badge>
                </Group>
              }
              description={
                <Text span size="xs" c="dark.6">
                  <Anchor component={Link} to={`/staff/reports/${s.trackingId}`} target="_blank" size="xs">
                    {s.trackingId}
                  </Anchor>{' '}
                  · {t(`status.${s.status}`)}
                  {s.holder ? ` · ${s.holder.name}` : ''}
                </Text>
              }
            />
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
