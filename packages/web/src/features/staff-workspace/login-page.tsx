/** Staff sign-in: e-mail and password, then the authenticator code when the account has TOTP turned on. */
import { Alert, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, auth, NetworkError } from '../../api/client';
import { ME_KEY } from '../../api/session';

export function LoginPage() {
  const { t } = useTranslation('staff');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const done = async () => {
    await qc.invalidateQueries({ queryKey: ME_KEY });
    const next = params.get('next');
    navigate(next?.startsWith('/') ? next : '/staff', { replace: true });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (step === 'password') {
        const res = await auth.post<{ twoFactorRedirect?: boolean }>('/sign-in/email', { email, password });
        if (res.twoFactorRedirect) setStep('totp');
        else await done();
      } else {
        await auth.post('/two-factor/verify-totp', { code });
        await done();
      }
    } catch (err) {
      setError(
        err instanceof NetworkError
          ? t('login.network')
          : err instanceof ApiError && err.status < 500
            ? step === 'password'
              ? t('login.wrong')
              : t('login.wrongCode')
            : t('login.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size="xs" py="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1}>{t('login.title')}</Title>
          <Text size="sm">{t('login.lead')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {step === 'password' ? (
            <>
              <TextInput
                label={t('login.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
            </>
          ) : (
            <TextInput
              label={t('login.code')}
              description={t('login.codeHelp')}
              descriptionProps={{ c: 'dark.6' }}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
            />
          )}
          <Button type="submit" loading={busy}>
            {step === 'password' ? t('login.submit') : t('login.verify')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
