/**
 * The developer's pages of the staff workspace (/staff/integration/*, issue 12 §7): the institution's regional apps,
 * and per app its API keys, webhook endpoints and delivery log. For a developer or coordinator (or the national
 * admin); the server decides per institution, this only keeps other staff from an empty page.
 */
import { Alert, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe } from '../../api/session';
import { NotFound } from '../../app/error-page';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { AppPage } from './app-page';
import { AppsPage, type Place } from './apps-page';

const MANAGERS = new Set(['developer', 'coordinator']);

export function Component() {
  const { t } = useTranslation('integration');
  const me = useMe();
  const { pathname } = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/staff/login?next=${encodeURIComponent(pathname)}`} replace />;
  const national = me.data.grants.some((g) => g.role === 'national_admin');
  const places = new Map<number, Place>();
  for (const g of me.data.grants)
    if (MANAGERS.has(g.role) && g.institutionId !== null)
      places.set(g.institutionId, { id: g.institutionId, name: g.institutionName ?? '' });
  if (!national && places.size === 0)
    return (
      <Container py="xl">
        <Alert color="red" role="alert" title={t('notAllowedTitle')}>
          {t('notAllowed')}
        </Alert>
      </Container>
    );
  return (
    <Routes>
      <Route index element={<AppsPage places={[...places.values()]} />} />
      <Route path="apps/:appId" element={<AppPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
