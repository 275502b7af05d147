/**
 * Administration (/admin/*): an institution's units, staff, SK, settings and audit for its coordinator or the
 * national admin; the holiday calendar for the national admin.
 */
import { Alert, Anchor, Badge, Container, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import { useMe } from '../../api/session';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { adminApi } from './api';
import { HolidaysPage } from './holidays-page';
import { AuditTab, SettingsTab, SkTab, StaffTab, UnitsTab } from './institution-tabs';

function InstitutionAdminPage({
  national,
  grants,
}: {
  national: boolean;
  grants: { id: number; name: string }[];
}) {
  const { t } = useTranslation('admin');
  const [picked, setPicked] = useState<string | null>(grants[0] ? String(grants[0].id) : null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const hits = useQuery({
    queryKey: ['admin', 'search', debounced],
    queryFn: () => adminApi.search(debounced),
    enabled: national && debounced.length >= 2,
  });
  const inst = useQuery({
    queryKey: ['admin', 'inst', picked],
    queryFn: () => adminApi.institution(Number(picked)),
    enabled: picked !== null,
  });
  const options = new Map(grants.map((g) => [String(g.id), g.name]));
  for (const h of hits.data?.items ?? []) options.set(String(h.id), h.name);
  return (
    <Container size="lg" py="md">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={1}>{t('title')}</Title>
          <Group gap="md">
            <Anchor component={Link} to="/admin/programs">
              {t('programs')}
            </Anchor>
            {national && (
              <>
                <Anchor component={Link} to="/admin/holidays">
                  {t('holidays.title')}
                </Anchor>
                <Anchor component={Link} to="/admin/federation">
                  {t('federation')}
                </Anchor>
                <Anchor component={Link} to="/admin/moderation">
                  {t('moderation')}
                </Anchor>
              </>
            )}
          </Group>
        </Group>
        <Select
          label={t('institution')}
          data={[...options].map(([value, label]) => ({ value, label }))}
          value={picked}
          onChange={setPicked}
          searchable={national}
          searchValue={national ? search : undefined}
          onSearchChange={national ? setSearch : undefined}
          placeholder={national ? t('searchInstitution') : undefined}
          maw={480}
        />
        {picked === null ? (
          <Text>{t('pick')}</Text>
        ) : inst.isPending ? (
          <PageLoader />
        ) : inst.isError ? (
          <QueryError error={inst.error} onRetry={() => void inst.refetch()} />
        ) : (
          <>
            <Group gap="xs">
              <Title order={2} size="h3">
                {inst.data.name}
              </Title>
              <Badge color={inst.data.connected ? '#166534' : '#9a3412'}>
                {inst.data.connected ? t('connected') : t('notConnected')}
              </Badge>
            </Group>
            <Tabs defaultValue="units" keepMounted={false}>
              <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
                <Tabs.Tab value="units">{t('tabs.units')}</Tabs.Tab>
                <Tabs.Tab value="staff">{t('tabs.staff')}</Tabs.Tab>
                <Tabs.Tab value="sk">{t('tabs.sk')}</Tabs.Tab>
                <Tabs.Tab value="settings">{t('tabs.settings')}</Tabs.Tab>
                <Tabs.Tab value="audit">{t('tabs.audit')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="units" pt="md">
                <UnitsTab inst={inst.data} />
              </Tabs.Panel>
              <Tabs.Panel value="staff" pt="md">
                <StaffTab inst={inst.data} />
              </Tabs.Panel>
              <Tabs.Panel value="sk" pt="md">
                <SkTab key={inst.data.id} inst={inst.data} />
              </Tabs.Panel>
              <Tabs.Panel value="settings" pt="md">
                <SettingsTab inst={inst.data} />
              </Tabs.Panel>
              <Tabs.Panel value="audit" pt="md">
                <AuditTab inst={inst.data} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </Container>
  );
}

export function Component() {
  const { t } = useTranslation('admin');
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/staff/login?next=/admin" replace />;
  const national = me.data.grants.some((g) => g.role === 'national_admin');
  const grants = me.data.grants
    .filter((g) => g.role === 'coordinator' && g.institutionId !== null)
    .map((g) => ({ id: g.institutionId as number, name: g.institutionName ?? '' }));
  if (!national && grants.length === 0)
    return (
      <Container py="xl">
        <Alert color="red" role="alert">
          {t('notAllowed')}
        </Alert>
      </Container>
    );
  return (
    <Routes>
      <Route index element={<InstitutionAdminPage national={national} grants={grants} />} />
      <Route
        path="holidays"
        element={
          national ? (
            <HolidaysPage />
          ) : (
            <Container py="xl">
              <Alert color="red" role="alert">
                {t('notAllowed')}
              </Alert>
            </Container>
          )
        }
      />
    </Routes>
  );
}
