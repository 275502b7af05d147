/** My account: who I am, download my data (JSON), erase my identity (password, then a confirmation dialog). */
import {
  Alert,
  Button,
  Container,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { ApiError, api } from '../../api/client';
import { isStaff, ME_KEY, useMe } from '../../api/session';
import { PageLoader } from '../../components/page-loader';

export function Component() {
  const { t } = useTranslation('account');
  const me = useMe();
  const qc = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [erased, setErased] = useState(false);
  // Checked before the session: once erased, go home rather than to the sign-in page.
  if (erased) return <Navigate to="/" replace />;
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/login" replace />;
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/me/erase', { password });
      setErased(true);
      qc.setQueryData(ME_KEY, null);
    } catch (e) {
      setConfirm(false);
      setError(e instanceof ApiError ? (e.fieldErrors.password ?? e.message) : t('errors.network'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Container size="sm" py="lg">
      <Title order={1}>{t('account.title')}</Title>
      <Text mt="sm">
        {me.data.name} · {me.data.email}
      </Text>
      <Paper withBorder p="md" mt="lg">
        <Title order={2} size="h4">
          {t('account.downloadTitle')}
        </Title>
        <Text size="sm" mt={4}>
          {t('account.downloadHelp')}
        </Text>
        <Button component="a" href="/api/v1/me/data" download mt="sm" variant="outline">
          {t('account.download')}
        </Button>
      </Paper>
      {!isStaff(me.data) && (
        <Paper withBorder p="md" mt="lg">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('account.eraseTitle')}
            </Title>
            <Text size="sm">{t('account.eraseHelp')}</Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <PasswordInput
              label={t('account.erasePassword')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
            />
            <Group>
              <Button color="red.9" disabled={!password} onClick={() => setConfirm(true)}>
                {t('account.erase')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('account.confirmTitle')}>
        <Text size="sm">{t('account.confirmText')}</Text>
        <Group mt="md" justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(false)}>
            {t('common:actions.cancel')}
          </Button>
          <Button color="red.9" loading={busy} onClick={() => void erase()}>
            {t('account.confirm')}
          </Button>
        </Group>
      </Modal>
    </Container>
  );
}
