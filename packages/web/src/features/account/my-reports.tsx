/** "My reports": what the signed-in citizen filed from this account; each opens in the reporter's view. */
import { Anchor, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import type { Schema } from '@pintu/api-types';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { api } from '../../api/client';
import { useMe } from '../../api/session';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { type ReportStatus, StatusBadge } from '../../components/status-badge';

// The document types MyReport's status as any string; the server sends a report status (core's lifecycle).
type MyReport = Omit<Schema<'MyReport'>, 'status'> & { status: ReportStatus };

export function Component() {
  const { t, i18n } = useTranslation('account');
  const me = useMe();
  const list = useQuery({
    queryKey: ['my-reports'],
    queryFn: () => api.get<{ items: MyReport[] }>('/me/reports'),
    enabled: !!me.data,
  });
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/login" replace />;
  return (
    <Container size="md" py="lg">
      <Group justify="space-between">
        <Title order={1}>{t('my.title')}</Title>
        <Button component={Link} to="/report">
          {t('my.new')}
        </Button>
      </Group>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <PageLoader />
      ) : list.data.items.length === 0 ? (
        <Text mt="md">{t('my.empty')}</Text>
      ) : (
        <Stack mt="md" gap="sm" component="ul" p={0} style={{ listStyle: 'none' }}>
          {list.data.items.map((r) => (
            <Card key={r.trackingId} withBorder component="li" padding="sm">
              <StatusBadge status={r.status} />
              <Anchor component={Link} to={`/reports/${r.trackingId}`} fw={600} display="block" mt={4}>
                {r.title}
              </Anchor>
              <Text size="sm">
                {r.trackingId} · {r.institution?.name ?? t('my.national')} ·{' '}
                {new Date(r.createdAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID')}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </Container>
  );
}
