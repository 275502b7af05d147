/** The staff dashboard (/dashboard): the indicators of an institution the caller works for, or national. */
import { Alert, Anchor, Container, Group, Select, Stack, Switch, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { isStaff, useMe } from '../../api/session';
import { PageLoader } from '../../components/page-loader';
import { Overview } from './overview';
import { PeriodPicker, yearPeriod } from './period-picker';

export function Component() {
  const { t } = useTranslation('dashboard');
  const me = useMe();
  const [choice, setChoice] = useState<string | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [year, setYear] = useState<string | null>(null);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/staff/login?next=/dashboard" replace />;
  if (!isStaff(me.data))
    return (
      <Container py="xl">
        <Alert color="red" role="alert">
          {t('staffOnly')}
        </Alert>
      </Container>
    );
  const grants = me.data.grants.filter((g) => g.institutionId !== null);
  const national = me.data.grants.some((g) => g.institutionId === null);
  const options = [
    ...(national ? [{ value: 'national', label: t('national') }] : []),
    ...grants.map((g) => ({
      value: String(g.institutionId),
      label: g.institutionName ?? String(g.institutionId),
    })),
  ];
  const selected = choice ?? options[0]?.value ?? 'national';
  const institutionId = selected === 'national' ? undefined : Number(selected);
  const scope = { institutionId, subtree: institutionId ? subtree : undefined, ...yearPeriod(year) };
  return (
    <Container size="lg" py="md">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={1}>{t('title')}</Title>
          <Anchor component={Link} to="/staff">
            {t('toInbox')}
          </Anchor>
        </Group>
        <Group align="flex-end" gap="md" wrap="wrap">
          {options.length > 1 && (
            <Select
              label={t('scope')}
              data={options}
              value={selected}
              onChange={setChoice}
              allowDeselect={false}
              w={280}
            />
          )}
          {institutionId && (
            <Switch
              label={t('subtree')}
              checked={subtree}
              onChange={(e) => setSubtree(e.currentTarget.checked)}
            />
          )}
          <PeriodPicker value={year} onChange={setYear} />
        </Group>
        <Overview scope={scope} staff />
      </Stack>
    </Container>
  );
}
