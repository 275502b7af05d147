/** Dashboard pieces: indicator cards with the grade, SLA compliance, backlog age, trend chart, categories, rankings. */
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CategoryItem,
  exportUrl,
  type Grade,
  pct,
  type RankingItem,
  type Scope,
  type Summary,
  type TrendItem,
} from './api';

export function Section({
  title,
  children,
  exports,
}: {
  title: string;
  children: ReactNode;
  exports?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h4">
          {title}
        </Title>
        {exports}
      </Group>
      {children}
    </Paper>
  );
}

/** CSV and Excel download links of one stats endpoint. */
export function Exports({
  path,
  scope,
  extra,
}: {
  path: string;
  scope: Scope;
  extra?: Record<string, string>;
}) {
  const { t } = useTranslation('dashboard');
  return (
    <Group gap="xs">
      <Anchor
        href={exportUrl(path, scope, 'csv', extra)}
        download
        size="sm"
        data-testid={`export-${path}-csv`}
      >
        {t('export.csv')}
      </Anchor>
      <Anchor href={exportUrl(path, scope, 'xlsx', extra)} download size="sm">
        {t('export.xlsx')}
      </Anchor>
    </Group>
  );
}

const GRADE_COLORS: Record<string, string> = {
  sangat_baik: '#166534',
  baik: '#1e40af',
  sedang: '#9a3412',
  kurang: '#b91c1c',
};

export function GradeBadge({ grade }: { grade: Grade | null }) {
  const { t } = useTranslation('dashboard');
  if (!grade) return <Badge color="gray.8">{t('grade.none')}</Badge>;
  return (
    <Badge
      size="xl"
      color={GRADE_COLORS[grade.code] ?? '#374151'}
      data-testid="grade"
      data-grade={grade.code}
    >
      {t('grade.title')}: {t(`grade.${grade.code}`, { defaultValue: grade.label })}
    </Badge>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" fw={700} c="dark.6">
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dark.6">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

export function Indicators({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation('dashboard');
  const n = (v: number) => v.toLocaleString(i18n.language);
  const ind = summary.indicators;
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <div>
          <Text size="sm">{t('period', { from: summary.period.from, to: summary.period.to })}</Text>
          <Title order={2} size="h3">
            {summary.scope.name}
          </Title>
        </div>
        <GradeBadge grade={summary.grade} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm" data-testid="indicators">
        <Stat label={t('ind.received')} value={n(ind.received)} />
        <Stat label={t('ind.resolved')} value={n(ind.resolved)} />
        <Stat label={t('ind.completionRate')} value={pct(ind.completionRate, i18n.language)} />
        <Stat label={t('ind.followUpRate')} value={pct(ind.followUpRate, i18n.language)} />
        <Stat
          label={t('ind.averageFollowUpSpeed')}
          value={
            ind.averageFollowUpSpeed === null
              ? '—'
              : t('days', {
                  count: ind.averageFollowUpSpeed,
                  formatted: ind.averageFollowUpSpeed.toLocaleString(i18n.language),
                })
          }
        />
        <Stat label={t('ind.inProcess')} value={n(ind.inProcess)} />
        <Stat label={t('ind.notFollowedUp')} value={n(ind.notFollowedUp)} />
        <Stat label={t('ind.overdueNow')} value={n(ind.overdueNow)} />
        <Stat label={t('ind.reopenRate')} value={pct(ind.reopenRate, i18n.language)} />
        <Stat
          label={t('ind.meanRating')}
          value={ind.meanRating === null ? '—' : `${ind.meanRating.toLocaleString(i18n.language)} / 5`}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <div>
          <Text fw={700} size="sm" mb={4}>
            {t('sla.title')}
          </Text>
          <Table.ScrollContainer minWidth={300}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sla.stage')}</Table.Th>
                  <Table.Th>{t('sla.met')}</Table.Th>
                  <Table.Th>{t('sla.breached')}</Table.Th>
                  <Table.Th>{t('sla.rate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {ind.slaCompliance.map((s) => (
                  <Table.Tr key={s.stage}>
                    <Table.Td>{t(`stage.${s.stage}`, { defaultValue: s.stage })}</Table.Td>
                    <Table.Td>{n(s.met)}</Table.Td>
                    <Table.Td>{n(s.breached)}</Table.Td>
                    <Table.Td>{pct(s.rate, i18n.language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
        <div>
          <Text fw={700} size="sm" mb={4} id="backlog-title">
            {t('backlog.title')}
          </Text>
          <BarChart
            h={180}
            data={ind.backlogAge.map((b) => ({
              bucket: t('backlog.bucket', { bucket: b.bucket }),
              count: b.count,
            }))}
            dataKey="bucket"
            series={[{ name: 'count', label: t('backlog.count'), color: '#b91c1c' }]}
            aria-labelledby="backlog-title"
          />
        </div>
      </SimpleGrid>
    </Stack>
  );
}

export function TrendChart({ items }: { items: TrendItem[] }) {
  const { t } = useTranslation('dashboard');
  if (items.length === 0) return <Text size="sm">{t('empty')}</Text>;
  return (
    <LineChart
      h={240}
      data={items}
      dataKey="month"
      series={[
        { name: 'received', label: t('ind.received'), color: '#1e40af' },
        { name: 'resolved', label: t('ind.resolved'), color: '#166534' },
      ]}
      withLegend
      curveType="linear"
      aria-label={t('trend.label')}
    />
  );
}

export function CategoryTable({ items }: { items: CategoryItem[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const top = [...items].sort((a, b) => b.received - a.received).slice(0, 10);
  if (top.length === 0) return <Text size="sm">{t('empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('category')}</Table.Th>
            <Table.Th>{t('ind.received')}</Table.Th>
            <Table.Th>{t('ind.resolved')}</Table.Th>
            <Table.Th>{t('ind.completionRate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top.map((c) => (
            <Table.Tr key={c.categoryId}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>{c.received.toLocaleString(i18n.language)}</Table.Td>
              <Table.Td>{c.resolved.toLocaleString(i18n.language)}</Table.Td>
              <Table.Td>{pct(c.completionRate, i18n.language)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RankingTable({ items }: { items: RankingItem[] }) {
  const { t, i18n } = useTranslation('dashboard');
  if (items.length === 0) return <Text size="sm">{t('empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped data-testid="rankings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('institution')}</Table.Th>
            <Table.Th>{t('ind.received')}</Table.Th>
            <Table.Th>{t('ind.completionRate')}</Table.Th>
            <Table.Th>{t('ind.averageFollowUpSpeed')}</Table.Th>
            <Table.Th>{t('grade.title')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => (
            <Table.Tr key={r.institutionId}>
              <Table.Td>{r.rank}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.received.toLocaleString(i18n.language)}</Table.Td>
              <Table.Td>{pct(r.completionRate, i18n.language)}</Table.Td>
              <Table.Td>
                {r.averageFollowUpSpeed === null
                  ? '—'
                  : t('days', {
                      count: r.averageFollowUpSpeed,
                      formatted: r.averageFollowUpSpeed.toLocaleString(i18n.language),
                    })}
              </Table.Td>
              <Table.Td>
                {r.grade ? t(`grade.${r.grade.code}`, { defaultValue: r.grade.label }) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
