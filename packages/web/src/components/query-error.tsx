/** Inline message for a failed query: network, server, not found or other, with a retry button. */
import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../api/client';

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const msg =
    error instanceof NetworkError
      ? t('errors.network')
      : error instanceof ApiError
        ? error.status >= 500
          ? t('errors.server')
          : error.status === 404
            ? t('errors.notFound')
            : error.message
        : t('errors.unexpected');
  return (
    <Alert color="red" title={t('errors.title')} role="alert" my="md">
      {msg}
      {onRetry && (
        <Button size="xs" variant="white" color="red" mt="sm" display="block" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}
