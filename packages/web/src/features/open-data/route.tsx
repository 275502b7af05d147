/**
 * "Data Terbuka / Open data" (issue 15, docs/open-data.md): the daily files with their sizes and date, the licence,
 * the rule on small counts, how to harvest the catalogue, and the data dictionary. Everything comes from
 * `/api/v1/open-data`; the files themselves are plain links under `/open-data/`.
 */
import { Anchor, Badge, Code, Container, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { Schema } from '@pintu/api-types';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';

type OpenDataIndex = Schema<'OpenDataIndex'>;

/** 1234567 → "1,2 MB" (id) / "1.2 MB" (en). */
function size(bytes: number, locale: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n.toLocaleString(locale, { maximumFractionDigits: u ? 1 : 0 })} ${units[u]}`;
}

export function Component() {
  const { t, i18n } = useTranslation('open-data');
  const en = i18n.language === 'en';
  const locale = en ? 'en-GB' : 'id-ID';
  const index = useQuery({
    queryKey: ['open-data'],
    queryFn: () => api.get<OpenDataIndex>('/open-data'),
  });
  if (index.isPending) return <PageLoader />;
  if (index.isError) return <QueryError error={index.error} onRetry={() => index.refetch()} />;
  const d = index.data;
  const origin = window.location.origin;

  return (
    <Container size="lg" py="lg">
      <Stack gap="xl">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text mt="xs">{t('intro')}</Text>
        </div>

        <section aria-labelledby="od-files">
          <Title order={2} id="od-files" size="h3">
            {t('files')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {d.generatedAt
              ? t('updated', {
                  date: new Date(d.generatedAt).toLocaleString(locale, {
                    dateStyle: 'long',
                    timeStyle: 'short',
                  }),
                })
              : t('notYet')}
          </Text>
          {d.files.length > 0 && (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('file')}</Table.Th>
                  <Table.Th>{t('format')}</Table.Th>
                  <Table.Th ta="right">{t('size')}</Table.Th>
                  <Table.Th ta="right">{t('rows')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.files.map((f) => (
                  <Table.Tr key={f.name}>
                    <Table.Td>
                      <Anchor href={`/open-data/${f.name}`} download={f.name}>
                        {en ? f.title_en : f.title_id}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {f.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{f.format}</Badge>
                    </Table.Td>
                    <Table.Td ta="right">{size(f.bytes, locale)}</Table.Td>
                    <Table.Td ta="right">{f.rows === null ? '—' : f.rows.toLocaleString(locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" mt="sm">
            {t('api')} <Code>/api/v1/open-data/reports</Code>, <Code>/api/v1/open-data/aggregates</Code> —{' '}
            <Anchor href="/api/docs">{t('apiDocs')}</Anchor>
          </Text>
        </section>

        <section aria-labelledby="od-privacy">
          <Title order={2} id="od-privacy" size="h3">
            {t('privacy')}
          </Title>
          <List mt="xs" spacing={4}>
            <List.Item>{t('rules.personal')}</List.Item>
            <List.Item>{t('rules.confidential')}</List.Item>
            <List.Item>{t('rules.place')}</List.Item>
            <List.Item>{t('rules.attachments')}</List.Item>
            <List.Item>
              <strong>{t('rules.smallCounts')}</strong> {en ? d.rule.en : d.rule.id}
            </List.Item>
          </List>
        </section>

        <section aria-labelledby="od-licence">
          <Title order={2} id="od-licence" size="h3">
            {t('licence')}
          </Title>
          <Text mt="xs">
            <Anchor href={d.licence.url} rel="license">
              {d.licence.title}
            </Anchor>{' '}
            — {t('licenceText')}
          </Text>
        </section>

        <section aria-labelledby="od-harvest">
          <Title order={2} id="od-harvest" size="h3">
            {t('harvest')}
          </Title>
          <Text mt="xs">{t('harvestText')}</Text>
          <Group gap="xs" mt="xs">
            <Code>{`${origin}/open-data/catalog.jsonld`}</Code>
            <Code>{`${origin}/open-data/data.json`}</Code>
          </Group>
        </section>

        <section aria-labelledby="od-dictionary">
          <Title order={2} id="od-dictionary" size="h3">
            {t('dictionary')}
          </Title>
          <Table.ScrollContainer minWidth={640} mt="xs">
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('table')}</Table.Th>
                  <Table.Th>{t('field')}</Table.Th>
                  <Table.Th>{t('type')}</Table.Th>
                  <Table.Th>{t('description')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.dictionary.map((f) => (
                  <Table.Tr key={`${f.table}.${f.field}`}>
                    <Table.Td>{f.table}</Table.Td>
                    <Table.Td>
                      <Code>{f.field}</Code>
                    </Table.Td>
                    <Table.Td>
                      {f.type}
                      {f.nullable ? '?' : ''}
                    </Table.Td>
                    <Table.Td>{en ? f.description_en : f.description_id}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      </Stack>
    </Container>
  );
}
