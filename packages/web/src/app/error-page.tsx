/** Route error element: a clear message and a way out instead of a blank page (404, server, failed chunk). */
import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ApiError, NetworkError } from '../api/client';

export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const notFound =
    (isRouteErrorResponse(error) && error.status === 404) ||
    (error instanceof ApiError && error.status === 404);
  const message = notFound
    ? t('errors.notFound')
    : error instanceof NetworkError
      ? t('errors.network')
      : error instanceof ApiError && error.status >= 500
        ? t('errors.server')
        : error instanceof TypeError && /import|module|fetch/i.test(error.message)
          ? t('errors.chunk')
          : t('errors.unexpected');
  return (
    <Container size="sm" py="xl">
      <Stack role="alert">
        <Title order={1}>{notFound ? t('errors.notFoundTitle') : t('errors.title')}</Title>
        <Text>{message}</Text>
        <Group>
          {!notFound && <Button onClick={() => window.location.reload()}>{t('errors.reload')}</Button>}
          <Button component={Link} to="/" variant="outline">
            {t('errors.backHome')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <Title order={1}>{t('errors.notFoundTitle')}</Title>
      <Text mt="md">{t('errors.notFound')}</Text>
      <Button component={Link} to="/" mt="md" variant="outline">
        {t('errors.backHome')}
      </Button>
    </Container>
  );
}
