/**
 * The federation page (/admin/federation, issue 13, ADR 0013), for the national admin only: the server refuses
 * anyone else (403); this keeps them from an empty page.
 */
import { Alert, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router';
import { useMe } from '../../api/session';
import { NotFound } from '../../app/error-page';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { FederationPage } from './federation-page';

export function Component() {
  const { t } = useTranslation('federation');
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/staff/login?next=/admin/federation" replace />;
  if (!me.data.grants.some((g) => g.role === 'national_admin'))
    return (
      <Container py="xl">
        <Alert color="red" role="alert" title={t('notAllowedTitle')}>
          {t('notAllowed')}
        </Alert>
      </Container>
    );
  return (
    <Routes>
      <Route index element={<FederationPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
