/** The public statistics page (/stats): national indicators, trend, categories, the map and rankings. */
import { Container, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Overview } from './overview';
import { PeriodPicker, yearPeriod } from './period-picker';

export function Component() {
  const { t } = useTranslation('dashboard');
  const [year, setYear] = useState<string | null>(null);
  return (
    <Container size="lg" py="md">
      <Stack gap="md">
        <Title order={1}>{t('public.title')}</Title>
        <Text maw={760}>{t('public.lead')}</Text>
        <Group>
          <PeriodPicker value={year} onChange={setYear} />
        </Group>
        <Overview scope={yearPeriod(year)} />
      </Stack>
    </Container>
  );
}
