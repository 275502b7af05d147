/** Sign in with e-mail and password, then the TOTP code when the account has it on. */
import {
  Alert,
  Anchor,
  Button,
  Container,
  PasswordInput,
  PinInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, auth } from '../../api/client';
import { fetchMe, isStaff, ME_KEY } from '../../api/session';

export function Component() {
  const { t } = useTranslation('account');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [totp, setTotp] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t('errors.email')),
      password: (v) => (v ? null : t('errors.required')),
    },
  });
  const done = async () => {
    const me = await fetchMe();
    qc.setQueryData(ME_KEY, me);
    navigate(isStaff(me) ? '/staff' : '/my-reports');
  };
  const fail = (e: unknown) =>
    setError(
      e instanceof ApiError ? (e.status === 401 ? t('errors.credentials') : e.message) : t('errors.network'),
    );

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      const res = await auth.post<{ twoFactorRedirect?: boolean }>('/sign-in/email', v);
      if (res?.twoFactorRedirect) return setTotp(true);
      await done();
    } catch (e) {
      fail(e);
    }
  });
  const verify = async () => {
    setError(null);
    try {
      await auth.post('/two-factor/verify-totp', { code });
      await done();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Container size="xs" py="lg">
      <Title order={1}>{t('login.title')}</Title>
      {error && (
        <Alert color="red" role="alert" mt="md">
          {error}
        </Alert>
      )}
      {totp ? (
        <Stack mt="md">
          <Text id="totp-label">{t('login.totp')}</Text>
          <PinInput
            length={6}
            type="number"
            oneTimeCode
            value={code}
            onChange={setCode}
            aria-labelledby="totp-label"
          />
          <Button onClick={() => void verify()} disabled={code.length !== 6}>
            {t('login.verify')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack mt="md">
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('fields.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('login.submit')}
            </Button>
            <Text size="sm">
              {t('login.noAccount')}{' '}
              <Anchor component={Link} to="/register">
                {t('login.register')}
              </Anchor>
            </Text>
            <Text size="sm">{t('login.guest')}</Text>
          </Stack>
        </form>
      )}
    </Container>
  );
}
