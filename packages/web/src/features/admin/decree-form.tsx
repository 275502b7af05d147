/**
 * Entering a year's decree (SKB 3 Menteri): load the year's file in the project's holiday format, or type the decree
 * and its days; "Periksa" previews what changes and which open deadlines move (a dry run), "Simpan" enters it. The
 * days start with the year's fixed-date holidays, which every SKB lists.
 */
import {
  Alert,
  Button,
  FileButton,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { adminApi, type DecreeFile, type DecreeResult, type Holiday } from './api';

const DAY_KINDS = ['national', 'cuti_bersama', 'special', 'regional'] as const;
type Day = DecreeFile['holidays'][number];

export function DecreeForm({ year, fixedDays }: { year: number; fixedDays: Holiday[] }) {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const [source, setSource] = useState({ ref: '', title: '', date: '', note: '' });
  const [days, setDays] = useState<Day[]>(() =>
    fixedDays.map((h) => ({ date: h.date, name: h.name, kind: h.kind, source: '' })),
  );
  const [day, setDay] = useState<Day>({ date: '', name: '', kind: 'national', source: '' });
  const [preview, setPreview] = useState<DecreeResult | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  // Days typed here cite the decree being entered; a loaded file keeps its own sources.
  const [loaded, setLoaded] = useState<DecreeFile | null>(null);
  // A preview is only good for what it checked: any edit asks for a new check before saving.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the inputs are the trigger, not read
  useEffect(() => setPreview(null), [source, days, loaded]);
  const file = (): DecreeFile =>
    loaded ?? {
      year,
      sources: [{ ...source, kind: 'annual' }],
      holidays: days.map((d) => ({ ...d, source: source.ref })),
    };

  const load = async (f: File | null) => {
    if (!f) return;
    setPreview(null);
    try {
      const parsed = JSON.parse(await f.text()) as DecreeFile;
      if (parsed.year !== year) throw new Error(t('decree.wrongYear', { year: parsed.year, expected: year }));
      setLoaded(parsed);
      setErrors({});
    } catch (e) {
      setErrors({ _: e instanceof SyntaxError ? t('decree.notJson') : (e as Error).message });
    }
  };

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setErrors({});
    try {
      const result = await adminApi.enterDecree(file(), dryRun);
      setPreview(result);
      if (!dryRun) {
        notifications.show({
          color: 'green',
          message: t('holidays.moved', { count: result.affected.length }),
        });
        await qc.invalidateQueries({ queryKey: ['admin', 'holidays'] });
      }
    } catch (e) {
      setErrors(e instanceof ApiError ? { ...e.fieldErrors, _: e.message } : { _: t('failed') });
    } finally {
      setBusy(false);
    }
  };

  const dayErrors = Object.entries(errors).filter(
    ([k]) => k.startsWith('holidays.') || k.startsWith('sources'),
  );
  return (
    <Paper withBorder p="md" data-testid="decree-form">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('decree.title', { year })}
        </Title>
        <Text size="sm">{t('decree.help')}</Text>
        <Group>
          <FileButton onChange={(f) => void load(f)} accept="application/json,.json">
            {(props) => (
              <Button variant="default" {...props}>
                {t('decree.loadFile')}
              </Button>
            )}
          </FileButton>
          {loaded && (
            <Text size="sm" data-testid="decree-loaded">
              {t('decree.loaded', {
                refs: loaded.sources.map((s) => s.ref).join(', '),
                count: loaded.holidays.length,
              })}{' '}
              <Button size="compact-sm" variant="subtle" onClick={() => setLoaded(null)}>
                {t('decree.unload')}
              </Button>
            </Text>
          )}
        </Group>
        {!loaded && (
          <>
            <Group grow wrap="wrap" align="flex-start">
              <TextInput
                label={t('decree.ref')}
                description={t('decree.refHelp')}
                required
                value={source.ref}
                onChange={(e) => setSource({ ...source, ref: e.currentTarget.value })}
                error={errors['sources.0.ref']}
                miw={180}
              />
              <TextInput
                label={t('decree.signedOn')}
                type="date"
                required
                value={source.date}
                onChange={(e) => setSource({ ...source, date: e.currentTarget.value })}
                error={errors['sources.0.date']}
                miw={160}
              />
            </Group>
            <TextInput
              label={t('decree.decreeTitle')}
              required
              value={source.title}
              onChange={(e) => setSource({ ...source, title: e.currentTarget.value })}
              error={errors['sources.0.title']}
            />
            <DayTable days={days} onRemove={(i) => setDays(days.filter((_, j) => j !== i))} />
            <Group grow wrap="wrap" align="flex-end">
              <TextInput
                label={t('holidays.date')}
                type="date"
                value={day.date}
                onChange={(e) => setDay({ ...day, date: e.currentTarget.value })}
                miw={150}
              />
              <TextInput
                label={t('holidays.name')}
                value={day.name}
                onChange={(e) => setDay({ ...day, name: e.currentTarget.value })}
                miw={200}
              />
              <Select
                label={t('holidays.kind')}
                data={DAY_KINDS.filter((k) => k !== 'regional').map((k) => ({
                  value: k,
                  label: t(`kind.${k}`),
                }))}
                value={day.kind}
                onChange={(v) => setDay({ ...day, kind: (v ?? 'national') as Day['kind'] })}
                allowDeselect={false}
                miw={150}
              />
              <Button
                variant="default"
                disabled={!day.date || !day.name}
                onClick={() => {
                  setDays([...days, day].sort((a, b) => a.date.localeCompare(b.date)));
                  setDay({ ...day, date: '', name: '' });
                }}
              >
                {t('decree.addDay')}
              </Button>
            </Group>
          </>
        )}
        {errors._ && (
          <Alert color="red" role="alert">
            {errors._}
            {dayErrors.length > 0 && (
              <List size="sm" mt={4}>
                {dayErrors.map(([k, v]) => (
                  <List.Item key={k}>{`${k}: ${v}`}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {preview && <Preview result={preview} />}
        <Group>
          <Button variant="default" loading={busy} onClick={() => void send(true)}>
            {t('decree.check')}
          </Button>
          <Button loading={busy} disabled={!preview?.dryRun} onClick={() => void send(false)}>
            {t('decree.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function DayTable({ days, onRemove }: { days: Day[]; onRemove: (i: number) => void }) {
  const { t } = useTranslation('admin');
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table data-testid="decree-days">
        <Table.Tbody>
          {days.map((d, i) => (
            <Table.Tr key={`${d.date}-${d.kind}`}>
              <Table.Td>{d.date}</Table.Td>
              <Table.Td>{d.name}</Table.Td>
              <Table.Td>{t(`kind.${d.kind}`)}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-sm"
                  variant="subtle"
                  onClick={() => onRemove(i)}
                  aria-label={t('holidays.delete', { name: d.name })}
                >
                  {t('holidays.deleteShort')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Preview({ result }: { result: DecreeResult }) {
  const { t } = useTranslation('admin');
  return (
    <Alert color={result.dryRun ? 'blue' : 'green'} data-testid="decree-preview">
      <Text size="sm" fw={600}>
        {result.dryRun ? t('decree.wouldChange') : t('decree.changed')}
      </Text>
      <Text size="sm">
        {t('decree.counts', {
          added: result.added.length,
          renamed: result.renamed.length,
          removed: result.removed.length,
          affected: result.affected.length,
        })}
      </Text>
      {result.affected.slice(0, 10).map((a) => (
        <Text size="xs" key={`${a.trackingId}-${a.stage}`}>
          {a.trackingId}: {a.from.slice(0, 10)} → {a.to.slice(0, 10)}
        </Text>
      ))}
    </Alert>
  );
}
