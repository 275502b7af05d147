/** Track a report by its tracking number; the access code (optional) opens the reporter's view. */
import { Button, Container, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, request } from '../../api/client';
import { rememberAccessCode } from '../../api/reports';

export function Component() {
  const { t } = useTranslation('track');
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { trackingId: '', accessCode: '' },
    validate: { trackingId: (v) => (v.trim().length < 6 ? t('required') : null) },
  });
  const submit = form.onSubmit(async ({ trackingId, accessCode }) => {
    const id = trackingId.trim().toUpperCase();
    const code = accessCode.trim().toUpperCase();
    try {
      await request(`/api/v1/reports/${encodeURIComponent(id)}`, {
        headers: code ? { 'x-access-code': code } : {},
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return form.setFieldError('trackingId', t('notFound'));
      return form.setFieldError('trackingId', e instanceof ApiError ? e.message : t('network'));
    }
    if (code) rememberAccessCode(id, code);
    navigate(`/reports/${encodeURIComponent(id)}`);
  });
  return (
    <Container size="xs" py="lg">
      <Title order={1}>{t('title')}</Title>
      <Text mt="xs" mb="lg">
        {t('intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('trackingId')}
            placeholder="LPR-…"
            required
            autoCapitalize="characters"
            {...form.getInputProps('trackingId')}
          />
          <PasswordInput
            label={t('accessCode')}
            description={t('accessCodeHelp')}
            autoComplete="off"
            {...form.getInputProps('accessCode')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('submit')}
          </Button>
        </Stack>
      </form>
    </Container>
  );
}
