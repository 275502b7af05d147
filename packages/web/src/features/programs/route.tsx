/**
 * A program's staff area (/programs/:code/*): its queue and its report with the facilitators' map. Open to anyone
 * signed in; the server answers only those who handle, own, oversee or facilitate the program, and says no to others.
 */
import { Anchor, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { localized, programsApi } from '../../api/programs';
import { useMe } from '../../api/session';
import { NotFound } from '../../app/error-page';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { QueuePage } from './queue-page';
import { ReportPage } from './report-page';

function Frame({ code, children }: { code: string; children: ReactNode }) {
  const { t, i18n } = useTranslation('programs');
  const program = useQuery({ queryKey: ['program', code], queryFn: () => programsApi.get(code) });
  if (program.isPending) return <PageLoader />;
  if (program.isError) return <QueryError error={program.error} onRetry={() => void program.refetch()} />;
  const p = program.data;
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={700} c="dark.6">
          {t('staff.kicker')}
        </Text>
        <Title order={1} size="h2">
          {localized(i18n.language, p.name, p.nameEn)}
        </Title>
      </div>
      <Group component="nav" aria-label={t('nav.label')} gap="md" wrap="wrap">
        <Anchor component={NavLink} to={`/programs/${code}`} end fw={600}>
          {t('nav.queue')}
        </Anchor>
        <Anchor component={NavLink} to={`/programs/${code}/report`} fw={600}>
          {t('nav.report')}
        </Anchor>
        <Anchor component={Link} to={`/program/${code}`} fw={600}>
          {t('nav.intake')}
        </Anchor>
        <Anchor component={Link} to="/programs" fw={600}>
          {t('nav.all')}
        </Anchor>
      </Group>
      {children}
    </Stack>
  );
}

export function Component() {
  const { code = '' } = useParams();
  const me = useMe();
  const { pathname } = useLocation();
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to={`/staff/login?next=${encodeURIComponent(pathname)}`} replace />;
  return (
    <Container size="lg" py="md">
      <Frame code={code}>
        <Routes>
          <Route index element={<QueuePage code={code} />} />
          <Route path="report" element={<ReportPage code={code} />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Frame>
    </Container>
  );
}
