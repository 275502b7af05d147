/**
 * The statistics of one scope: indicators and grade, trend, categories, the province map, rankings and, for staff,
 * the list of reports overdue now. Every table can be downloaded as CSV or Excel.
 */
import { Anchor, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Component as ReactComponent, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { type Scope, statsApi } from './api';
import { CategoryTable, Exports, Indicators, RankingTable, Section, TrendChart } from './widgets';

const ProvinceMap = lazy(() => import('./province-map'));

/** A map that fails (old browser, failed chunk) leaves the rest of the page and says so. */
class MapBoundary extends ReactComponent<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function Loading<T>({
  q,
  children,
}: {
  q: { isPending: boolean; isError: boolean; error: unknown; data?: T; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return <>{children(q.data as T)}</>;
}

export function OverdueList({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation('dashboard');
  const overdue = useQuery({
    queryKey: ['stats', 'overdue', scope],
    queryFn: () => statsApi.overdue(scope),
    retry: (n, e) => !(e instanceof ApiError && e.status === 403) && n < 2,
  });
  // The list is for the roles that oversee (policy `view_overdue`); a unit operator finds its own in the inbox.
  if (overdue.error instanceof ApiError && overdue.error.status === 403)
    return (
      <Section title={t('overdue.title')}>
        <Text size="sm" data-testid="overdue-not-for-role">
          {t('overdue.notForRole')}{' '}
          <Anchor component={Link} to="/staff?queue=overdue">
            {t('overdue.inboxQueue')}
          </Anchor>
        </Text>
      </Section>
    );
  return (
    <Section title={t('overdue.title')} exports={<Exports path="overdue" scope={scope} />}>
      <Loading q={overdue}>
        {(d) =>
          d.items.length === 0 ? (
            <Text size="sm">{t('overdue.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={520} mah={420}>
              <Table striped data-testid="overdue-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('overdue.report')}</Table.Th>
                    <Table.Th>{t('institution')}</Table.Th>
                    <Table.Th>{t('overdue.stage')}</Table.Th>
                    <Table.Th>{t('overdue.due')}</Table.Th>
                    <Table.Th>{t('overdue.late')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.slice(0, 100).map((o) => (
                    <Table.Tr key={o.trackingId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/staff/reports/${o.trackingId}`} size="sm">
                          {o.trackingId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{o.institutionName}</Table.Td>
                      <Table.Td>{t(`stage.${o.stage}`, { defaultValue: o.stage })}</Table.Td>
                      <Table.Td>{new Date(o.dueAt).toLocaleDateString(i18n.language)}</Table.Td>
                      <Table.Td>
                        <Text span fw={700} c="#b91c1c">
                          {t('days', {
                            count: o.workingDaysOverdue,
                            formatted: o.workingDaysOverdue.toLocaleString(i18n.language),
                          })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {d.items.length > 100 && (
                <Text size="xs">{t('overdue.more', { count: d.items.length - 100 })}</Text>
              )}
            </Table.ScrollContainer>
          )
        }
      </Loading>
    </Section>
  );
}

export function Overview({ scope, staff }: { scope: Scope; staff?: boolean }) {
  const { t } = useTranslation('dashboard');
  const [kind, setKind] = useState('regional_government');
  const summary = useQuery({ queryKey: ['stats', 'summary', scope], queryFn: () => statsApi.summary(scope) });
  const trends = useQuery({ queryKey: ['stats', 'trends', scope], queryFn: () => statsApi.trends(scope) });
  const cats = useQuery({ queryKey: ['stats', 'cats', scope], queryFn: () => statsApi.byCategory(scope) });
  const regions = useQuery({
    queryKey: ['stats', 'regions', scope],
    queryFn: () => statsApi.byRegion(scope),
  });
  const ranks = useQuery({
    queryKey: ['stats', 'ranks', kind, scope],
    queryFn: () => statsApi.rankings(kind, scope),
  });
  return (
    <Stack gap="md">
      <Section title={t('indicators')} exports={<Exports path="summary" scope={scope} />}>
        <Loading q={summary}>{(s) => <Indicators summary={s} />}</Loading>
        {scope.institutionId && (
          <Anchor
            href={`/api/v1/stats/institutions/${scope.institutionId}/evaluation.pdf${scope.from ? `?from=${scope.from}&to=${scope.to}` : ''}`}
            size="sm"
            mt="sm"
            display="inline-block"
          >
            {t('export.pdf')}
          </Anchor>
        )}
      </Section>
      {staff && <OverdueList scope={scope} />}
      <Section
        title={t('map.title')}
        exports={<Exports path="by-region" scope={scope} extra={{ level: 'province' }} />}
      >
        <Loading q={regions}>
          {(d) => (
            <MapBoundary fallback={<QueryError error={new Error('map')} />}>
              <Suspense fallback={<PageLoader />}>
                <ProvinceMap items={d.items} />
              </Suspense>
            </MapBoundary>
          )}
        </Loading>
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('trend.title')} exports={<Exports path="trends" scope={scope} />}>
          <Loading q={trends}>{(d) => <TrendChart items={d.items} />}</Loading>
        </Section>
        <Section title={t('byCategory')} exports={<Exports path="by-category" scope={scope} />}>
          <Loading q={cats}>{(d) => <CategoryTable items={d.items} />}</Loading>
        </Section>
      </SimpleGrid>
      <Section
        title={t('rankings.title')}
        exports={<Exports path="rankings" scope={{ from: scope.from, to: scope.to }} extra={{ kind }} />}
      >
        <Tabs value={kind} onChange={(v) => v && setKind(v)}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="regional_government">{t('rankings.regional')}</Tabs.Tab>
            <Tabs.Tab value="ministry">{t('rankings.ministry')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Loading q={ranks}>{(d) => <RankingTable items={d.items} />}</Loading>
      </Section>
    </Stack>
  );
}
