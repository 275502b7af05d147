/**
 * A program's report (/programs/:code/report) for a period: totals, time to resolve and resolved within the
 * deadline, counts by category, level, status and gender (sex-disaggregated, as the World Bank asks), gender ×
 * status, the villages with the facilitators' map, and the CSV of it all.
 */
import { Anchor, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { REPORT_STATUSES } from '@pintu/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Component as ReactComponent, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localized,
  type Period,
  PROGRAM_LEVELS,
  type Program,
  programReportCsvUrl,
  programsApi,
} from '../../api/programs';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { Breakdown, Figure, GenderStatus, Section } from './breakdowns';
import { Denied } from './denied';

const VillageMap = lazy(() => import('./village-map'));

/** A map that fails (old browser, failed chunk) leaves the rest of the page and its table. */
class MapBoundary extends ReactComponent<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

const startOfYear = () => `${new Date().getFullYear()}-01-01`;

function Villages({ code, period }: { code: string; period: Period }) {
  const { t, i18n } = useTranslation('programs');
  const q = useQuery({
    queryKey: ['program-villages', code, period],
    queryFn: () => programsApi.villages(code, period),
  });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const items = [...q.data.items].sort((a, b) => b.filed - a.filed);
  const n = (v: number) => v.toLocaleString(i18n.language);
  const withPoint = items.some((i) => i.point);
  return (
    <Stack gap="sm">
      {withPoint ? (
        <MapBoundary fallback={<Text size="sm">{t('map.failed')}</Text>}>
          <Suspense fallback={<PageLoader />}>
            <VillageMap items={items} />
          </Suspense>
        </MapBoundary>
      ) : (
        <Text size="sm" data-testid="no-points">
          {t('map.noPoints')}
        </Text>
      )}
      {items.length === 0 ? (
        <Text size="sm">{t('report.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="by-village">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('report.village')}</Table.Th>
                <Table.Th ta="right">{t('report.filed')}</Table.Th>
                <Table.Th ta="right">{t('report.byFacilitators')}</Table.Th>
                <Table.Th ta="right">{t('report.open')}</Table.Th>
                <Table.Th ta="right">{t('report.resolved')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((v) => (
                <Table.Tr key={v.code} data-key={v.code}>
                  <Table.Td>{v.name}</Table.Td>
                  <Table.Td ta="right">{n(v.filed)}</Table.Td>
                  <Table.Td ta="right">{n(v.byFacilitators)}</Table.Td>
                  <Table.Td ta="right">{n(v.open)}</Table.Td>
                  <Table.Td ta="right">{n(v.resolved)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function Report({ program, period }: { program: Program; period: Period }) {
  const { t, i18n } = useTranslation('programs');
  const q = useQuery({
    queryKey: ['program-report', program.code, period],
    queryFn: () => programsApi.report(program.code, period),
  });
  if (q.isPending) return <PageLoader />;
  if (q.isError) return <Denied error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const n = (v: number) => v.toLocaleString(i18n.language);
  const days = (v: number | null) =>
    v === null ? '—' : t('days', { count: v, formatted: v.toLocaleString(i18n.language) });
  const category = (key: string, fallback?: string | null) => {
    const c = program.categories.find((x) => x.code === key);
    return c ? localized(i18n.language, c.name, c.nameEn) : (fallback ?? key);
  };
  const level = (key: string) => t(`level.${key}`, { defaultValue: key });
  const status = (key: string) => t(`status.${key}`, { ns: 'common', defaultValue: key });
  const gender = (key: string) => t(`gender.${key === 'notGiven' ? 'none' : key}`, { defaultValue: key });
  const resolved = r.byStatus.resolved ?? 0;
  const open = r.total - resolved - (r.byStatus.archived ?? 0);
  const byLevel = PROGRAM_LEVELS.flatMap((l) => (r.byLevel[l] ? [{ key: l, count: r.byLevel[l] }] : []));
  const byStatus = REPORT_STATUSES.flatMap((s) => (r.byStatus[s] ? [{ key: s, count: r.byStatus[s] }] : []));
  const byGender = (['female', 'male', 'notGiven'] as const).map((g) => ({ key: g, count: r.byGender[g] }));
  const within = r.withinDeadline;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" data-testid="totals">
        <Figure label={t('report.filed')} value={n(r.total)} testId="total-filed" />
        <Figure label={t('report.open')} value={n(open)} testId="total-open" />
        <Figure label={t('report.resolved')} value={n(resolved)} testId="total-resolved" />
        <Figure
          label={t('report.withinDeadline')}
          value={within.percent === null ? '—' : `${within.percent.toLocaleString(i18n.language)}%`}
          hint={t('report.withinDeadlineHint', { within: within.within, count: within.resolved })}
          testId="within-deadline"
        />
        <Figure
          label={t('report.meanResolve')}
          value={days(r.timeToResolve.meanWorkingDays)}
          testId="mean-resolve"
        />
        <Figure
          label={t('report.medianResolve')}
          value={days(r.timeToResolve.medianWorkingDays)}
          testId="median-resolve"
        />
      </SimpleGrid>
      <Stack gap="md">
        <Breakdown
          id="category"
          title={t('report.category')}
          items={r.byCategory.map((c) => ({ key: c.code, label: c.name, count: c.count }))}
          label={category}
          color="#1e40af"
        />
        <Breakdown id="level" title={t('report.level')} items={byLevel} label={level} color="#0f766e" />
        <Breakdown id="status" title={t('report.status')} items={byStatus} label={status} color="#9a3412" />
        <Breakdown id="gender" title={t('report.gender')} items={byGender} label={gender} color="#6d28d9" />
      </Stack>
      <Section title={t('report.genderStatus')} id="gender-status-title">
        <GenderStatus cells={r.genderByStatus} gender={gender} status={status} />
      </Section>
    </Stack>
  );
}

export function ReportPage({ code }: { code: string }) {
  const { t } = useTranslation('programs');
  const program = useQuery({ queryKey: ['program', code], queryFn: () => programsApi.get(code) });
  const [from, setFrom] = useState(startOfYear());
  // Open-ended by default: up to today in the owner's time zone, whatever the browser's.
  const [to, setTo] = useState('');
  const period: Period = { from: from || undefined, to: to || undefined };
  if (program.isPending) return <PageLoader />;
  if (program.isError) return <QueryError error={program.error} onRetry={() => void program.refetch()} />;
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap" justify="space-between">
        <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('report.period')}>
          <TextInput
            type="date"
            label={t('report.from')}
            value={from}
            max={to}
            onChange={(e) => setFrom(e.currentTarget.value)}
            w={170}
          />
          <TextInput
            type="date"
            label={t('report.to')}
            description={t('report.toHelp')}
            value={to}
            min={from}
            onChange={(e) => setTo(e.currentTarget.value)}
            w={170}
          />
        </Group>
        <Anchor href={programReportCsvUrl(code, period)} download data-testid="program-csv">
          {t('report.csv')}
        </Anchor>
      </Group>
      <Report program={program.data} period={period} />
      <Section title={t('report.villages')} id="villages-title">
        <Text size="sm" mb="sm">
          {t('report.villagesHelp')}
        </Text>
        <Villages code={code} period={period} />
      </Section>
    </Stack>
  );
}
