/** In-app notifications, newest first: open the report, mark one or all read. */
import { Anchor, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { staffApi } from './api';
import { StaffNav } from './staff-nav';

export function NotificationsPage() {
  const { t, i18n } = useTranslation('staff');
  const qc = useQueryClient();
  const notes = useQuery({ queryKey: ['notifications'], queryFn: staffApi.notifications });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['notifications'] });
  return (
    <Container size="lg" py="md">
      <StaffNav />
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('notifications.title')}</Title>
        {!!notes.data?.unread && (
          <Button variant="outline" size="sm" onClick={() => staffApi.readAll().then(refresh)}>
            {t('notifications.readAll')}
          </Button>
        )}
      </Group>
      {notes.isPending ? (
        <PageLoader />
      ) : notes.isError ? (
        <QueryError error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.items.length === 0 ? (
        <Text>{t('notifications.empty')}</Text>
      ) : (
        <Stack gap="sm">
          {notes.data.items.map((n) => (
            <Paper key={n.id} withBorder p="sm" bg={n.readAt ? undefined : 'gray.0'}>
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
                  <Text fw={n.readAt ? 400 : 700}>{n.title}</Text>
                  <Text size="sm">{n.body}</Text>
                  <Text size="xs" c="dark.6">
                    {new Date(n.createdAt).toLocaleString(i18n.language)} ·{' '}
                    <Anchor component={Link} to={`/staff/reports/${n.trackingId}`} size="xs">
                      {n.trackingId}
                    </Anchor>
                  </Text>
                </Stack>
                {!n.readAt && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => staffApi.readNotification(n.id).then(refresh)}
                  >
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Container>
  );
}
