/** Staff pages need a signed-in account with a staff grant; others are sent to the staff sign-in. */
import { Alert, Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isStaff, useMe } from '../../api/session';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';

export function RequireStaff({ children }: { children: ReactNode }) {
  const { t } = useTranslation('staff');
  const me = useMe();
  const { pathname, search } = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/staff/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (!isStaff(me.data))
    return (
      <Container py="xl">
        <Alert color="red" role="alert" title={t('notStaff.title')}>
          {t('notStaff.text')}
        </Alert>
      </Container>
    );
  return children;
}
