/** The holiday calendar (national admin): days off of a year; adding or removing one moves open deadlines. */
import {
  Alert,
  Button,
  Container,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { QueryError } from '../../components/query-error';
import { adminApi, type Holiday } from './api';
import { DecreeForm } from './decree-form';

const KINDS = ['national', 'cuti_bersama', 'special', 'regional'] as const;

export function HolidaysPage() {
  const { t, i18n } = useTranslation('admin');
  const notice = (n: { id: string; en: string }) => (i18n.language.startsWith('en') ? n.en : n.id);
  const qc = useQueryClient();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  // Regional days off are listed for a region (with its parents'); national ones always.
  const [region, setRegion] = useState('');
  const regionCode = /^\d{2}(\.\d{2})?$/.test(region.trim()) ? region.trim() : undefined;
  const list = useQuery({
    queryKey: ['admin', 'holidays', year, regionCode],
    queryFn: () => adminApi.holidays(Number(year), regionCode),
  });
  const [form, setForm] = useState({
    date: '',
    name: '',
    kind: 'national' as Holiday['kind'],
    regionCode: '',
    source: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const done = async (affected: unknown[]) => {
    notifications.show({ color: 'green', message: t('holidays.moved', { count: affected.length }) });
    await qc.invalidateQueries({ queryKey: ['admin', 'holidays'] });
  };
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const res = await adminApi.addHoliday({
        date: form.date,
        name: form.name,
        kind: form.kind,
        source: form.source,
        regionCode: form.kind === 'regional' ? form.regionCode : undefined,
      });
      setForm({ ...form, date: '', name: '' });
      await done(res.affected);
    } catch (err) {
      setErrors(err instanceof ApiError ? { ...err.fieldErrors, _: err.message } : { _: t('failed') });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (h: Holiday) => {
    if (h.id === null) return;
    if (!window.confirm(t('holidays.confirmDelete', { name: h.name, date: h.date }))) return;
    try {
      const res = await adminApi.deleteHoliday(h.id);
      await done(res?.affected ?? []);
    } catch (err) {
      notifications.show({ color: 'red', message: (err as Error).message });
    }
  };
  const now = new Date().getFullYear();
  const calendar = list.data?.calendar;
  const fixedDays = (list.data?.items ?? []).filter((h) => h.id === null);
  return (
    <Container size="lg" py="md">
      <Stack>
        <Title order={1}>{t('holidays.title')}</Title>
        {calendar && !calendar.decreed && calendar.notice && (
          <Alert
            color="orange"
            variant="light"
            data-testid="calendar-provisional"
            title={notice(calendar.notice)}
          >
            {t('decree.provisionalHelp')}
          </Alert>
        )}
        {calendar && calendar.decrees.length > 0 && (
          <Text size="sm" data-testid="calendar-decrees">
            {t('decree.basis')} {calendar.decrees.map((d) => `${d.ref} (${d.date})`).join('; ')}
          </Text>
        )}
        <Select
          label={t('holidays.year')}
          data={[now - 1, now, now + 1].map(String)}
          value={year}
          onChange={(v) => v && setYear(v)}
          allowDeselect={false}
          w={160}
        />
        <TextInput
          label={t('holidays.regionFilter')}
          description={t('holidays.regionFilterHelp')}
          descriptionProps={{ c: 'dark.6' }}
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          w={260}
        />
        <Paper withBorder p="md">
          <form onSubmit={add}>
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('holidays.add')}
              </Title>
              <Group grow wrap="wrap" align="flex-start">
                <TextInput
                  label={t('holidays.date')}
                  type="date"
                  required
                  value={form.date}
                  onChange={(e) => setForm({ ...form, date: e.currentTarget.value })}
                  error={errors.date}
                  miw={160}
                />
                <TextInput
                  label={t('holidays.name')}
                  required
                  value={form.name}
                  onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
                  error={errors.name}
                  miw={220}
                />
              </Group>
              <Group grow wrap="wrap" align="flex-start">
                <Select
                  label={t('holidays.kind')}
                  data={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                  value={form.kind}
                  onChange={(v) => setForm({ ...form, kind: (v ?? 'national') as Holiday['kind'] })}
                  allowDeselect={false}
                  miw={160}
                />
                {form.kind === 'regional' && (
                  <TextInput
                    label={t('holidays.region')}
                    required
                    value={form.regionCode}
                    onChange={(e) => setForm({ ...form, regionCode: e.currentTarget.value })}
                    error={errors.regionCode}
                    miw={140}
                  />
                )}
                <TextInput
                  label={t('holidays.source')}
                  required
                  value={form.source}
                  onChange={(e) => setForm({ ...form, source: e.currentTarget.value })}
                  error={errors.source}
                  miw={220}
                />
              </Group>
              {errors._ && (
                <Alert color="red" role="alert">
                  {errors._}
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={busy}>
                  {t('holidays.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
        {calendar && !calendar.decreed && (
          <DecreeForm key={calendar.year} year={calendar.year} fixedDays={fixedDays} />
        )}
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="holidays">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('holidays.date')}</Table.Th>
                  <Table.Th>{t('holidays.name')}</Table.Th>
                  <Table.Th>{t('holidays.kind')}</Table.Th>
                  <Table.Th>{t('holidays.source')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data?.items ?? []).map((h) => (
                  <Table.Tr key={h.id ?? `fixed-${h.date}`}>
                    <Table.Td>{h.date}</Table.Td>
                    <Table.Td>{h.name}</Table.Td>
                    <Table.Td>
                      {t(`kind.${h.kind}`)}
                      {h.regionCode ? ` (${h.regionCode})` : ''}
                    </Table.Td>
                    <Table.Td>
                      {h.source}
                      {h.id === null && ` · ${t('holidays.fixed')}`}
                    </Table.Td>
                    <Table.Td>
                      {h.id !== null && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          onClick={() => void remove(h)}
                          aria-label={t('holidays.delete', { name: h.name })}
                        >
                          {t('holidays.deleteShort')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Container>
  );
}
