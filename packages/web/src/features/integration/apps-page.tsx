/** The institution's regional apps: the list (with live keys per app) and the form that registers a new one. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Container,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { type IntegrationApp, integrationApi, qk, SLUG_PATTERN } from './api';
import { useRun } from './use-run';

/** An institution the signed-in account may register apps for. */
export interface Place {
  id: number;
  name: string;
}

/** A slug suggested from the app's name: lower case, ASCII letters and digits, hyphens between words. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export function AppsPage({ places }: { places: Place[] }) {
  const { t } = useTranslation('integration');
  const apps = useQuery({ queryKey: qk.apps, queryFn: integrationApi.apps });
  return (
    <Container size="lg" py="md">
      <Stack>
        <Anchor component={Link} to="/staff" size="sm">
          {t('backToWorkspace')}
        </Anchor>
        <Title order={1}>{t('title')}</Title>
        <Text>{t('lead')}</Text>
        <Title order={2} size="h3">
          {t('apps.title')}
        </Title>
        {apps.isPending ? (
          <PageLoader />
        ) : apps.isError ? (
          <QueryError error={apps.error} onRetry={() => void apps.refetch()} />
        ) : apps.data.items.length === 0 ? (
          <Text data-testid="apps-empty">{t('apps.none')}</Text>
        ) : (
          <AppsTable apps={apps.data.items} />
        )}
        <RegisterForm places={places} />
      </Stack>
    </Container>
  );
}

function AppsTable({ apps }: { apps: IntegrationApp[] }) {
  const { t } = useTranslation('integration');
  // A few apps per institution: each app's key list (cached for its page too) gives its live keys.
  const keys = useQueries({
    queries: apps.map((a) => ({ queryKey: qk.keys(a.id), queryFn: () => integrationApi.keys(a.id) })),
  });
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="apps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('apps.name')}</Table.Th>
            <Table.Th>{t('apps.slug')}</Table.Th>
            <Table.Th>{t('apps.contact')}</Table.Th>
            <Table.Th>{t('apps.status')}</Table.Th>
            <Table.Th>{t('apps.liveKeys')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {apps.map((a, i) => {
            const live = keys[i]?.data?.items.filter((k) => k.status === 'live' || k.status === 'expiring');
            return (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/staff/integration/apps/${encodeURIComponent(a.id)}`}
                    fw={600}
                  >
                    {a.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Code>{a.slug}</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{a.contactName}</Text>
                  <Text size="xs" c="dark.6">
                    {a.contactEmail}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AppStatus app={a} />
                </Table.Td>
                <Table.Td>{live ? live.length : '–'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** "Aktif" or "Nonaktif" as text on a tinted badge (never colour alone). */
export function AppStatus({ app }: { app: IntegrationApp }) {
  const { t } = useTranslation('integration');
  return app.disabledAt ? (
    <Badge color="gray" variant="light" c="#1f2937" tt="none">
      {t('apps.disabled')}
    </Badge>
  ) : (
    <Badge color="green" variant="light" c="#1f2937" tt="none">
      {t('apps.active')}
    </Badge>
  );
}

function RegisterForm({ places }: { places: Place[] }) {
  const { t } = useTranslation('integration');
  const navigate = useNavigate();
  const { busy, errors, run } = useRun();
  const [form, setForm] = useState({ name: '', slug: '', contactName: '', contactEmail: '' });
  const [slugTouched, setSlugTouched] = useState(false);
  const [place, setPlace] = useState<string | null>(places[0] ? String(places[0].id) : null);
  const slug = slugTouched ? form.slug : slugOf(form.name);
  const slugOk = SLUG_PATTERN.test(slug);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (place === null) return;
    const app = await run(
      () => integrationApi.registerApp({ ...form, slug, institutionId: Number(place) }),
      t('apps.registered'),
    );
    if (app) navigate(`/staff/integration/apps/${encodeURIComponent(app.id)}`);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="register-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="register-title">
            {t('register.title')}
          </Title>
          {places.length > 1 && (
            <Select
              label={t('register.institution')}
              data={places.map((p) => ({ value: String(p.id), label: p.name }))}
              value={place}
              onChange={setPlace}
              allowDeselect={false}
              error={errors.institutionId}
            />
          )}
          {places.length === 0 && <Alert color="yellow">{t('register.noInstitution')}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('register.name')}
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={errors.name}
            />
            <TextInput
              label={t('register.slug')}
              required
              value={slug}
              onChange={(e) => {
                setSlugTouched(true);
                setForm({ ...form, slug: e.currentTarget.value });
              }}
              description={
                slug === ''
                  ? t('register.slugHelp')
                  : slugOk
                    ? t('register.slugOk', { channel: `integration:${slug}` })
                    : t('register.slugBad')
              }
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              error={errors.slug}
              styles={{ description: { color: slug !== '' && !slugOk ? '#b91c1c' : undefined } }}
              aria-invalid={(slug !== '' && !slugOk) || !!errors.slug}
              maxLength={40}
              autoCapitalize="none"
              spellCheck={false}
            />
            <TextInput
              label={t('register.contactName')}
              required
              value={form.contactName}
              onChange={(e) => setForm({ ...form, contactName: e.currentTarget.value })}
              error={errors.contactName}
            />
            <TextInput
              label={t('register.contactEmail')}
              type="email"
              required
              value={form.contactEmail}
              onChange={(e) => setForm({ ...form, contactEmail: e.currentTarget.value })}
              error={errors.contactEmail}
            />
          </SimpleGrid>
          {errors._ && (
            <Alert color="red" role="alert">
              {errors._}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy} disabled={place === null}>
              {t('register.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
