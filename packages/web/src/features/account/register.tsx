/** Register a citizen account; the e-mail must be verified before the first sign-in. */
import { Alert, Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, auth } from '../../api/client';

export function Component() {
  const { t, i18n } = useTranslation('account');
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '', confirm: '' },
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('errors.required')),
      email: (v) => (/^\S+@\S+$/.test(v) ? null : t('errors.email')),
      password: (v) => (v.length >= 10 ? null : t('errors.passwordShort')),
      confirm: (v, all) => (v === all.password ? null : t('errors.passwordMismatch')),
    },
  });
  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await auth.post('/sign-up/email', {
        name: v.name.trim(),
        email: v.email.trim(),
        password: v.password,
        callbackURL: '/login',
        language: i18n.language === 'en' ? 'en' : 'id',
      });
      setSent(v.email.trim());
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.network'));
    }
  });
  return (
    <Container size="xs" py="lg">
      <Title order={1}>{t('register.title')}</Title>
      <Text mt="xs">{t('register.intro')}</Text>
      {sent ? (
        <Alert color="green" role="status" mt="md" title={t('register.sentTitle')}>
          {t('register.sent', { email: sent })}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack mt="md">
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('fields.name')}
              autoComplete="name"
              required
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('fields.password')}
              description={t('register.passwordHelp')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('fields.confirm')}
              autoComplete="new-password"
              required
              {...form.getInputProps('confirm')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('register.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </Container>
  );
}
