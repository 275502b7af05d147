/** Public reports: full-text search and filters (type, status, category, province) kept in the URL; paginated. */
import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  Pagination,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { REPORT_STATUSES, REPORT_TYPES } from '@pintu/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { approx, type Category, type Region, type ReportPage } from '../../api/reports';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { StatusBadge } from '../../components/status-badge';

const PAGE_SIZE = 20;
/** The server pages by number through the first 10,000 (beyond, by cursor); the pager stops there. */
const MAX_LISTED = 10_000;
const STATUSES = REPORT_STATUSES;
const TYPES = REPORT_TYPES;

export function Component() {
  const { t, i18n } = useTranslation('feed');
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const filters = {
    q: params.get('q') ?? undefined,
    type: params.get('type') ?? undefined,
    status: params.get('status') ?? undefined,
    categoryId: params.get('categoryId') ?? undefined,
    regionCode: params.get('regionCode') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: PAGE_SIZE,
  };
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const list = useQuery({
    queryKey: ['feed', filters],
    queryFn: () => api.get<ReportPage>('/reports', filters),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery({
    queryKey: ['categories'],
    queryFn: () => api.get<{ items: Category[] }>('/categories'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const provinces = useQuery({
    queryKey: ['regions', 'root'],
    queryFn: () => api.get<{ items: Region[] }>('/regions', { limit: 1000 }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const en = i18n.language === 'en';
  const date = (s: string) => new Date(s).toLocaleDateString(en ? 'en-GB' : 'id-ID', { dateStyle: 'medium' });

  return (
    <Container size="lg" py="lg">
      <Title order={1}>{t('title')}</Title>
      <Text mt="xs" mb="md">
        {t('intro')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          set('q', q.trim() || null);
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            style={{ flex: 1, minWidth: 200 }}
            type="search"
          />
          <Button type="submit">{t('searchButton')}</Button>
        </Group>
      </form>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mt="sm">
        <Select
          label={t('type')}
          placeholder={t('all')}
          clearable
          value={filters.type ?? null}
          onChange={(v) => set('type', v)}
          data={TYPES.map((x) => ({ value: x, label: t(`common:reportType.${x}`) }))}
        />
        <Select
          label={t('status')}
          placeholder={t('all')}
          clearable
          value={filters.status ?? null}
          onChange={(v) => set('status', v)}
          data={STATUSES.map((x) => ({ value: x, label: t(`common:status.${x}`) }))}
        />
        <Select
          label={t('category')}
          placeholder={t('all')}
          clearable
          searchable
          value={filters.categoryId ?? null}
          onChange={(v) => set('categoryId', v)}
          data={(categories.data?.items ?? []).map((c) => ({
            group: (en && c.nameEn) || c.name,
            items: [c, ...c.children].map((x) => ({
              value: String(x.id),
              label: (en && x.nameEn) || x.name,
            })),
          }))}
        />
        <Select
          label={t('province')}
          placeholder={t('all')}
          clearable
          searchable
          value={filters.regionCode ?? null}
          onChange={(v) => set('regionCode', v)}
          data={(provinces.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
        />
      </SimpleGrid>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : (
        <>
          <Text mt="md" role="status" aria-live="polite">
            {t('found', { count: list.data.total, formatted: approx(t, list.data, i18n.language) })}
          </Text>
          {list.data.total === 0 && <Text mt="sm">{t('empty')}</Text>}
          <Stack mt="sm" gap="sm" component="ul" p={0} style={{ listStyle: 'none' }} data-testid="feed-list">
            {list.data.items.map((r) => (
              <Card key={r.trackingId} withBorder component="li" padding="sm">
                <Group gap="xs" mb={4}>
                  <StatusBadge status={r.status} />
                  <Text size="sm">{t(`common:reportType.${r.type}`)}</Text>
                </Group>
                <Anchor component={Link} to={`/reports/${r.trackingId}`} fw={600} c="dark.9">
                  {r.title}
                </Anchor>
                <Text size="sm" lineClamp={2} mt={2}>
                  {r.body}
                </Text>
                <Text size="xs" mt={4} c="gray.8">
                  {[r.region?.name, r.category?.name, r.institution?.name ?? t('national'), date(r.createdAt)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Card>
            ))}
          </Stack>
          {list.data.total > PAGE_SIZE && (
            <Pagination
              mt="md"
              total={Math.ceil(Math.min(list.data.total, MAX_LISTED) / PAGE_SIZE)}
              value={filters.page}
              onChange={(p) => set('page', String(p))}
              getControlProps={(c) => ({ 'aria-label': t(`pager.${c}`) })}
              getItemProps={(p) => ({ 'aria-label': t('pager.page', { page: p }) })}
            />
          )}
        </>
      )}
    </Container>
  );
}
