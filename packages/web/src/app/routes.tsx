/**
 * The route table. Each feature adds ONE lazy line here; its module exports `Component` (and may export
 * `ErrorBoundary`), so every feature is its own chunk and citizen pages stay small. A feature with sub-pages takes
 * `path: 'x/*'` and declares its own <Routes> inside.
 */
import type { RouteObject } from 'react-router';
import { PageLoader } from '../components/page-loader';
import { ErrorPage, NotFound } from './error-page';
import { Layout } from './layout';

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <ErrorPage />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          // citizen portal (helper A)
          { index: true, lazy: () => import('../features/home/route') },
          { path: 'report', lazy: () => import('../features/report-form/route') },
          { path: 'report/sent', lazy: () => import('../features/report-form/sent') },
          { path: 'track', lazy: () => import('../features/track/route') },
          { path: 'reports/:trackingId', lazy: () => import('../features/report-view/route') },
          { path: 'reports', lazy: () => import('../features/feed/route') },
          { path: 'login', lazy: () => import('../features/account/login') },
          { path: 'register', lazy: () => import('../features/account/register') },
          { path: 'my-reports', lazy: () => import('../features/account/my-reports') },
          { path: 'account', lazy: () => import('../features/account/account') },
          // staff workspace, dashboards, administration, statistics (helper B) go below
          { path: 'staff/*', lazy: () => import('../features/staff-workspace/route') },
          { path: 'staff/integration/*', lazy: () => import('../features/integration/route') },
          { path: 'dashboard', lazy: () => import('../features/dashboard/route') },
          { path: 'stats', lazy: () => import('../features/dashboard/public-route') },
          { path: 'data', lazy: () => import('../features/open-data/route') },
          { path: 'admin/*', lazy: () => import('../features/admin/route') },
          { path: 'admin/federation/*', lazy: () => import('../features/federation/route') },
          { path: 'admin/moderation', lazy: () => import('../features/moderation/route') },
          // program channels (issue 15): intake link, public list, a program's queue and report, administration
          { path: 'program/:code', lazy: () => import('../features/programs-intake/route') },
          { path: 'programs', lazy: () => import('../features/programs/list') },
          { path: 'programs/:code/*', lazy: () => import('../features/programs/route') },
          { path: 'admin/programs/*', lazy: () => import('../features/programs-admin/route') },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
