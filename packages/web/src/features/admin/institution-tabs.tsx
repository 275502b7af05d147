/** The administration tabs of one institution: units, staff, SK, settings, audit. */
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { adminApi, type InstitutionAdmin } from './api';
import { UnitEditButton } from './unit-edit';
import { useSaver } from './use-saver';

function Problem({ text }: { text?: string | undefined }) {
  return text ? (
    <Alert color="red" role="alert">
      {text}
    </Alert>
  ) : null;
}

export function UnitsTab({ inst }: { inst: InstitutionAdmin }) {
  const { t } = useTranslation('admin');
  const units = useQuery({ queryKey: ['admin', 'units', inst.id], queryFn: () => adminApi.units(inst.id) });
  const [name, setName] = useState('');
  const s = useSaver();
  const add = (e: FormEvent) => {
    e.preventDefault();
    void s.run(
      () => adminApi.addUnit(inst.id, name),
      () => setName(''),
    );
  };
  return (
    <Stack>
      <form onSubmit={add}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('units.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={s.errors.name}
            style={{ flex: '1 1 240px' }}
          />
          <Button type="submit" loading={s.busy}>
            {t('units.add')}
          </Button>
        </Group>
      </form>
      <Problem text={s.errors._} />
      <Table.ScrollContainer minWidth={420}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.name')}</Table.Th>
              <Table.Th>{t('units.open')}</Table.Th>
              <Table.Th>{t('units.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(units.data?.items ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.openReports}</Table.Td>
                <Table.Td>{u.active ? t('active') : t('inactive')}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {u.active && <UnitEditButton inst={inst} unit={u} siblings={units.data?.items ?? []} />}
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => void s.run(() => adminApi.patch(u.id, { active: !u.active }))}
                    >
                      {u.active ? t('units.deactivate') : t('units.reactivate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {units.data?.items.length === 0 && <Text size="sm">{t('units.none')}</Text>}
    </Stack>
  );
}

const ROLES = ['coordinator', 'liaison_officer', 'unit_operator', 'leadership'] as const;

export function StaffTab({ inst }: { inst: InstitutionAdmin }) {
  const { t } = useTranslation('admin');
  const staff = useQuery({ queryKey: ['admin', 'staff', inst.id], queryFn: () => adminApi.staff(inst.id) });
  const units = useQuery({ queryKey: ['admin', 'units', inst.id], queryFn: () => adminApi.units(inst.id) });
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'unit_operator' as (typeof ROLES)[number],
    at: String(inst.id),
  });
  const s = useSaver();
  const places = [
    { value: String(inst.id), label: inst.name },
    ...(units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: String(u.id), label: u.name })),
  ];
  const add = (e: FormEvent) => {
    e.preventDefault();
    void s.run(
      () =>
        adminApi.addStaff({
          name: form.name,
          email: form.email,
          role: form.role,
          institutionId: Number(form.at),
        }),
      () => setForm({ ...form, name: '', email: '' }),
    );
  };
  return (
    <Stack>
      <form onSubmit={add}>
        <Stack gap="xs">
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label={t('staff.name')}
              required
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              error={s.errors.name}
              miw={200}
            />
            <TextInput
              label={t('staff.email')}
              type="email"
              required
              value={form.email}
              onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
              error={s.errors.email}
              miw={200}
            />
          </Group>
          <Group grow wrap="wrap" align="flex-start">
            <Select
              label={t('staff.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              value={form.role}
              onChange={(v) => setForm({ ...form, role: ROLES.find((r) => r === v) ?? 'unit_operator' })}
              allowDeselect={false}
              miw={200}
            />
            <Select
              label={t('staff.place')}
              data={places}
              value={form.at}
              onChange={(v) => setForm({ ...form, at: v ?? String(inst.id) })}
              allowDeselect={false}
              miw={200}
            />
          </Group>
          <Text size="xs" c="dark.6">
            {t('staff.help')}
          </Text>
          <Group>
            <Button type="submit" loading={s.busy}>
              {t('staff.add')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Problem text={s.errors._} />
      <Table.ScrollContainer minWidth={560}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.name')}</Table.Th>
              <Table.Th>{t('staff.email')}</Table.Th>
              <Table.Th>{t('staff.role')}</Table.Th>
              <Table.Th>{t('staff.totp')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(staff.data?.items ?? []).map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>
                  {m.grants
                    .map(
                      (g) => `${t(`role.${g.role}`, { defaultValue: g.role })} · ${g.institutionName ?? ''}`,
                    )
                    .join(', ')}
                </Table.Td>
                <Table.Td>{m.twoFactorEnabled ? t('yes') : t('no')}</Table.Td>
                <Table.Td>
                  {m.active ? (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => void s.run(() => adminApi.deactivate(m.userId))}
                    >
                      {t('staff.deactivate')}
                    </Button>
                  ) : (
                    <Badge color="gray.8">{t('inactive')}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function SkTab({ inst }: { inst: InstitutionAdmin }) {
  const { t } = useTranslation('admin');
  const [number, setNumber] = useState(inst.sk?.number ?? '');
  const [date, setDate] = useState(inst.sk?.date ?? '');
  const [file, setFile] = useState<File | null>(null);
  const s = useSaver();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void s.run(async () => {
      if (!file) throw new ApiError({ status: 422, detail: t('sk.needPdf') });
      const { id } = await adminApi.upload(file);
      await adminApi.sk(inst.id, { number, date, attachmentId: id });
    });
  };
  return (
    <form onSubmit={save}>
      <Stack maw={520}>
        <Text size="sm">
          {inst.sk ? t('sk.current', { number: inst.sk.number, date: inst.sk.date }) : t('sk.none')}
        </Text>
        <TextInput
          label={t('sk.number')}
          required
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={s.errors.number}
        />
        <TextInput
          label={t('sk.date')}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={s.errors.date}
        />
        <FileInput
          label={t('sk.pdf')}
          accept="application/pdf"
          required
          value={file}
          onChange={setFile}
          error={s.errors.attachmentId}
        />
        <Problem text={s.errors._} />
        <Group>
          <Button type="submit" loading={s.busy}>
            {t('sk.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SettingsTab({ inst }: { inst: InstitutionAdmin }) {
  const { t } = useTranslation('admin');
  const s = useSaver();
  const value = inst.settings.followUpRequiresApproval;
  return (
    <Stack maw={560}>
      <Switch
        label={t('settings.approval')}
        description={t('settings.approvalHelp', {
          value: inst.effectiveSettings.followUpRequiresApproval ? t('yes') : t('no'),
        })}
        styles={{ description: { color: 'var(--mantine-color-dark-6)' } }}
        checked={inst.effectiveSettings.followUpRequiresApproval}
        onChange={(e) =>
          void s.run(() => adminApi.settings(inst.id, { followUpRequiresApproval: e.currentTarget.checked }))
        }
      />
      {value !== undefined && (
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          onClick={() => void s.run(() => adminApi.settings(inst.id, {}))}
        >
          {t('settings.inherit')}
        </Button>
      )}
      <Problem text={s.errors._} />
    </Stack>
  );
}

export function AuditTab({ inst }: { inst: InstitutionAdmin }) {
  const { t, i18n } = useTranslation('admin');
  const audit = useQuery({ queryKey: ['admin', 'audit', inst.id], queryFn: () => adminApi.audit(inst.id) });
  if ((audit.data?.items.length ?? 0) === 0) return <Text size="sm">{t('audit.none')}</Text>;
  return (
    <Stack gap="xs">
      {audit.data?.items.map((a) => (
        <Paper key={a.id} withBorder p="xs">
          <Text size="sm">
            {new Date(a.at).toLocaleString(i18n.language)} ·{' '}
            {t(`audit.${a.action}`, { defaultValue: a.action })} ·{' '}
            {t(`role.${a.actorRole}`, { defaultValue: a.actorRole })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
