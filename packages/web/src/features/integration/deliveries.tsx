/** An endpoint's delivery log, newest first, a page at a time ("load more"), with a replay button per delivery. */
import { Alert, Badge, Button, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { type DeliveryStatus, integrationApi, qk, type WebhookDelivery } from './api';
import { useWhen } from './keys-tab';
import { useRun } from './use-run';

const COLOR: Record<DeliveryStatus, string> = {
  pending: 'blue',
  sending: 'indigo',
  delivered: 'green',
  failed: 'red',
  cancelled: 'gray',
};

function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation('integration');
  return (
    <Badge color={COLOR[status]} variant="light" c="#1f2937" tt="none" miw="fit-content" data-status={status}>
      {t(`deliveries.status.${status}`)}
    </Badge>
  );
}

export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation('integration');
  const when = useWhen();
  const log = useInfiniteQuery({
    queryKey: qk.deliveries(endpointId),
    queryFn: ({ pageParam }) => integrationApi.deliveries(endpointId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // While something is on its way, keep the log fresh so its outcome shows without a reload.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending' || d.status === 'sending'))
        ? 3000
        : false,
  });
  const replay = useRun();
  const [replaying, setReplaying] = useState<number | null>(null);
  const again = async (d: WebhookDelivery) => {
    setReplaying(d.id);
    await replay.run(() => integrationApi.replay(d.id), t('deliveries.replayed', { id: d.messageId }));
    setReplaying(null);
  };
  if (log.isError) return <QueryError error={log.error} onRetry={() => void log.refetch()} />;
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap">
        <Text fw={600}>{t('deliveries.title')}</Text>
        <Button
          size="compact-sm"
          variant="subtle"
          onClick={() => void log.refetch()}
          loading={log.isRefetching}
        >
          {t('deliveries.refresh')}
        </Button>
      </Group>
      {replay.errors._ && (
        <Alert color="red" role="alert">
          {replay.errors._}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={980}>
        <Table striped data-testid="deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deliveries.time')}</Table.Th>
              <Table.Th>{t('deliveries.eventType')}</Table.Th>
              <Table.Th>{t('deliveries.trackingId')}</Table.Th>
              <Table.Th>{t('deliveries.statusLabel')}</Table.Th>
              <Table.Th>{t('deliveries.attempts')}</Table.Th>
              <Table.Th>{t('deliveries.httpStatus')}</Table.Th>
              <Table.Th>{t('deliveries.lastError')}</Table.Th>
              <Table.Th>{t('deliveries.responseTime')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('deliveries.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((d) => (
              <Table.Tr key={d.id} data-delivery-id={d.id}>
                <Table.Td>{when(d.createdAt)}</Table.Td>
                <Table.Td>
                  <Code>{d.eventType}</Code>
                </Table.Td>
                <Table.Td>{d.trackingId ?? '–'}</Table.Td>
                <Table.Td>
                  <DeliveryBadge status={d.status} />
                  {d.status === 'pending' && d.nextAttemptAt && d.attempts > 0 && (
                    <Text size="xs" c="dark.6">
                      {t('deliveries.nextAttempt', { at: when(d.nextAttemptAt) })}
                    </Text>
                  )}
                  {d.replayOf !== null && (
                    <Text size="xs" c="dark.6">
                      {t('deliveries.replayOf', { id: d.replayOf })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{d.attempts}</Table.Td>
                <Table.Td>{d.lastStatusCode ?? '–'}</Table.Td>
                <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                  {d.lastError ?? '–'}
                </Table.Td>
                <Table.Td>{d.responseMs === null ? '–' : t('deliveries.ms', { ms: d.responseMs })}</Table.Td>
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={replaying === d.id}
                    disabled={replaying !== null && replaying !== d.id}
                    onClick={() => void again(d)}
                    aria-label={t('deliveries.replayLabel', { id: d.messageId })}
                  >
                    {t('deliveries.replay')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {log.isSuccess && items.length === 0 && <Text size="sm">{t('deliveries.none')}</Text>}
      {log.hasNextPage && (
        <Group>
          <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('deliveries.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
