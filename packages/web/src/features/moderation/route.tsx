/**
 * The moderation queue (/admin/moderation, docs/abuse.md), for the national admin only: reports flagged as spam or
 * abusive — by an intake rule (the honeypot, a busy address) or by staff of their holder — each released back into
 * normal handling or confirmed (closed, hidden from the public, out of every evaluation). The server refuses
 * anyone else (403); this keeps them from an empty page.
 */
import { Alert, Container, Pagination, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useMe } from '../../api/session';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { moderationApi, PAGE_SIZE } from './api';
import { QueueItem } from './queue-item';

export function Component() {
  const { t } = useTranslation('moderation');
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/staff/login?next=/admin/moderation" replace />;
  if (!me.data.grants.some((g) => g.role === 'national_admin'))
    return (
      <Container py="xl">
        <Alert color="red" role="alert" title={t('notAllowedTitle')}>
          {t('notAllowed')}
        </Alert>
      </Container>
    );
  return <QueuePage />;
}

function QueuePage() {
  const { t } = useTranslation('moderation');
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<string | null>(null);
  const queue = useQuery({ queryKey: ['moderation', page], queryFn: () => moderationApi.queue(page) });
  const decided = (message: string) => {
    setDone(message);
    void client.invalidateQueries({ queryKey: ['moderation'] });
  };
  return (
    <Container size="lg" py="md">
      <Stack>
        <Title order={1}>{t('title')}</Title>
        <Text>{t('intro')}</Text>
        {done && (
          <Alert color="green" role="status" c="green.9">
            {done}
          </Alert>
        )}
        {queue.isPending && <PageLoader />}
        {queue.isError && <QueryError error={queue.error} onRetry={() => void queue.refetch()} />}
        {queue.data && queue.data.items.length === 0 && (
          <Text data-testid="moderation-empty">{t('empty')}</Text>
        )}
        {queue.data?.items.map((item) => (
          <QueueItem key={item.trackingId} item={item} onDecided={decided} />
        ))}
        {queue.data && queue.data.total > PAGE_SIZE && (
          <Pagination
            total={Math.ceil(queue.data.total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            aria-label={t('pages')}
          />
        )}
      </Stack>
    </Container>
  );
}
