import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { QueryError } from '../../components/query-error';

/** What a failed program query says: no access (403) gets its own sentence, the rest the usual message. */
export function Denied({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('programs');
  if (error instanceof ApiError && (error.status === 403 || error.status === 401))
    return (
      <Alert color="red" role="alert" title={t('staff.deniedTitle')} data-testid="program-denied">
        {t('staff.denied')}
      </Alert>
    );
  return <QueryError error={error} onRetry={onRetry} />;
}
