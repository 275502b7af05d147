/**
 * The dialogs that hand out a key: "Buat kunci" (name, permissions, expiry, rate limit) and "Rotasi" (overlap).
 * Each shows the new key in place, once, and closes only when the developer says it is saved.
 */
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CreatedKey,
  type IntegrationKey,
  integrationApi,
  KEY_PERMISSIONS,
  type KeyPermission,
} from './api';
import { SECRET_LOCK, SecretView } from './secret-modal';
import { useRun } from './use-run';

const DEFAULT_RATE = 600;

/** The end of a picked day (`YYYY-MM-DD`) in the browser's time zone, as the ISO instant the API takes. */
export function endOfDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 0, (m ?? 1) - 1, d ?? 1, 23, 59, 59).toISOString();
}

export function CreateKeyModal({
  appId,
  opened,
  onClose,
}: {
  appId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('integration');
  const { busy, errors, run, clear } = useRun();
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<KeyPermission[]>(['reports:file', 'reports:read']);
  const [expires, setExpires] = useState('');
  const [rate, setRate] = useState<number | string>(DEFAULT_RATE);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const close = () => {
    clear();
    setCreated(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const key = await run(() =>
      integrationApi.createKey(appId, {
        name: name.trim(),
        permissions,
        ...(expires ? { expiresAt: endOfDay(expires) } : {}),
        ...(rate !== '' && Number(rate) !== DEFAULT_RATE ? { rateLimit: Number(rate) } : {}),
      }),
    );
    if (key) {
      setName('');
      setExpires('');
      setRate(DEFAULT_RATE);
      setCreated(key);
    }
  };
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('keys.createdTitle') : t('keys.createTitle')}
      size="lg"
      {...(created ? SECRET_LOCK : {})}
    >
      {created ? (
        <SecretView lead={t('keys.createdLead', { name: created.name })} value={created.key} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('keys.name')}
              description={t('keys.nameHelp')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <Checkbox.Group
              label={t('keys.permissions')}
              description={t('keys.permissionsHelp')}
              value={permissions}
              onChange={(v) => setPermissions(KEY_PERMISSIONS.filter((p) => v.includes(p)))}
              error={errors.permissions}
              required
            >
              <Stack gap="xs" mt="xs">
                {KEY_PERMISSIONS.map((p) => (
                  <Checkbox key={p} value={p} label={`${p} — ${t(`permission.${p}`)}`} />
                ))}
              </Stack>
            </Checkbox.Group>
            <TextInput
              type="date"
              label={t('keys.expiresAt')}
              description={t('keys.expiresHelp')}
              value={expires}
              min={today}
              onChange={(e) => setExpires(e.currentTarget.value)}
              error={errors.expiresAt}
            />
            <NumberInput
              label={t('keys.rateLimit')}
              description={t('keys.rateHelp')}
              value={rate}
              onChange={setRate}
              min={1}
              max={100000}
              allowDecimal={false}
              error={errors.rateLimit}
            />
            {errors._ && (
              <Alert color="red" role="alert">
                {errors._}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={permissions.length === 0}>
                {t('keys.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

export function RotateKeyModal({ target, onClose }: { target: IntegrationKey | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('integration');
  const { busy, errors, run, clear } = useRun();
  const [hours, setHours] = useState<number | string>(24);
  const [rotated, setRotated] = useState<CreatedKey | null>(null);
  const close = () => {
    clear();
    setRotated(null);
    setHours(24);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    const key = await run(() => integrationApi.rotateKey(target.id, Number(hours === '' ? 24 : hours)));
    if (key) setRotated(key);
  };
  const until = rotated?.previous
    ? new Date(rotated.previous.expiresAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID')
    : '–';
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={rotated ? t('keys.rotatedTitle') : t('keys.rotateTitle', { name: target?.name ?? '' })}
      size={rotated ? 'lg' : 'md'}
      {...(rotated ? SECRET_LOCK : {})}
    >
      {rotated ? (
        <SecretView lead={t('keys.rotatedLead', { until })} value={rotated.key} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>{t('keys.rotateLead')}</Text>
            <NumberInput
              label={t('keys.overlap')}
              description={t('keys.overlapHelp')}
              value={hours}
              onChange={setHours}
              min={0}
              max={720}
              allowDecimal={false}
              error={errors.overlapHours}
              data-autofocus
            />
            {errors._ && (
              <Alert color="red" role="alert">
                {errors._}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('keys.rotateSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
