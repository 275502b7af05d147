/**
 * The program report's pieces: a figure card, one breakdown as a bar chart with its numbers in a table beside it
 * (the table is what a screen reader and a test read), gender × status, and the villages.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { REPORT_STATUSES } from '@pintu/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgramReport } from '../../api/programs';

/** One bar of a breakdown: its key (a code), its count and, where the server names it, its label. */
export interface Count {
  key: string;
  count: number;
  label?: string | null | undefined;
}

export function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" fw={700} c="dark.6">
        {label}
      </Text>
      <Text fz={24} fw={700} lh={1.2} data-value>
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

export function Section({
  title,
  id,
  children,
  extra,
}: {
  title: string;
  id: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {extra}
      {children}
    </Paper>
  );
}

export function Breakdown({
  id,
  title,
  items,
  label,
  color,
}: {
  id: string;
  title: string;
  items: Count[];
  label: (key: string, fallback?: string | null) => string;
  color: string;
}) {
  const { t, i18n } = useTranslation('programs');
  const rows = items.map((i) => ({ name: label(i.key, i.label), count: i.count, key: i.key }));
  return (
    <Section title={title} id={`by-${id}`}>
      {rows.length === 0 ? (
        <Text size="sm">{t('report.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <BarChart
            h={Math.max(140, rows.length * 36)}
            data={rows}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 150 }}
            series={[{ name: 'count', label: t('report.count'), color }]}
            aria-labelledby={`by-${id}`}
          />
          <Table data-testid={`by-${id}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{title}</Table.Th>
                <Table.Th ta="right">{t('report.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key} data-key={r.key}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right" data-count={r.count}>
                    {r.count.toLocaleString(i18n.language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      )}
    </Section>
  );
}

export function GenderStatus({
  cells,
  gender,
  status,
}: {
  cells: ProgramReport['genderByStatus'];
  gender: (key: string) => string;
  status: (key: string) => string;
}) {
  const { t, i18n } = useTranslation('programs');
  const genders = Object.keys(cells) as (keyof typeof cells)[];
  const statuses = REPORT_STATUSES.filter((s) => genders.some((g) => (cells[g][s] ?? 0) > 0));
  if (statuses.length === 0) return <Text size="sm">{t('report.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table striped data-testid="gender-status">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('report.gender')}</Table.Th>
            {statuses.map((s) => (
              <Table.Th key={s}>{status(s)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {genders.map((g) => (
            <Table.Tr key={g} data-key={g}>
              <Table.Th scope="row">{gender(g)}</Table.Th>
              {statuses.map((s) => (
                <Table.Td key={s} data-status={s}>
                  {(cells[g][s] ?? 0).toLocaleString(i18n.language)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
