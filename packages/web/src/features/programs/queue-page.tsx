/**
 * A program's queue: its grievances filtered by level and status, the level's deadline on each, overdue ones marked
 * in words and colour, each opening the normal staff report page; more load with the server's cursor.
 */
import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { REPORT_STATUSES } from '@pintu/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { localized, PROGRAM_LEVELS, programsApi, type QueueItem } from '../../api/programs';
import { PageLoader } from '../../components/page-loader';
import { StatusBadge } from '../../components/status-badge';
import { Denied } from './denied';

const OVERDUE = '#b91c1c';

function Item({ item, category }: { item: QueueItem; category: (code: string) => string }) {
  const { t, i18n } = useTranslation('programs');
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  return (
    <Paper
      withBorder
      p="sm"
      data-testid="queue-item"
      data-tracking-id={item.trackingId}
      data-level={item.level}
      data-overdue={item.overdue}
      style={item.overdue ? { borderLeft: `6px solid ${OVERDUE}` } : undefined}
    >
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          {item.overdue && (
            <Badge color={OVERDUE} data-testid="overdue">
              {t('queue.overdue')}
            </Badge>
          )}
          {item.level && (
            <Badge variant="outline" color="dark" tt="none">
              {t(`level.${item.level}`)}
            </Badge>
          )}
          <StatusBadge status={item.status} />
        </Group>
        <Anchor
          component={Link}
          to={`/staff/reports/${item.trackingId}`}
          fw={600}
          style={{ wordBreak: 'break-word' }}
        >
          {item.title}
        </Anchor>
        <Text size="sm" c="dark.6">
          {[item.trackingId, item.category && category(item.category), item.village.name, item.holder?.name]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="xs" c={item.overdue ? OVERDUE : 'dark.6'} fw={item.overdue ? 700 : undefined}>
          {t('queue.filed', { date: date(item.createdAt) })}
          {item.levelDueAt && ` · ${t('queue.due', { date: date(item.levelDueAt) })}`}
        </Text>
      </Stack>
    </Paper>
  );
}

export function QueuePage({ code }: { code: string }) {
  const { t, i18n } = useTranslation('programs');
  const [params, setParams] = useSearchParams();
  const level = params.get('level') ?? '';
  const status = params.get('status') ?? '';
  const set = (key: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(key, v);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const queue = useInfiniteQuery({
    queryKey: ['program-queue', code, level, status],
    queryFn: ({ pageParam }) =>
      programsApi.queue(code, { level: level || undefined, status: status || undefined, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = queue.data?.pages.flatMap((p) => p.items) ?? [];
  // The program (its categories' names) is loaded already by the page's frame.
  const program = useQuery({ queryKey: ['program', code], queryFn: () => programsApi.get(code) });
  const category = (c: string) => {
    const found = program.data?.categories.find((x) => x.code === c);
    return found ? localized(i18n.language, found.name, found.nameEn) : c;
  };
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('queue.level')}
          placeholder={t('queue.allLevels')}
          data={PROGRAM_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          value={level || null}
          onChange={(v) => set('level', v)}
          clearable
          w={220}
          data-testid="filter-level"
        />
        <Select
          label={t('queue.status')}
          placeholder={t('queue.allStatuses')}
          data={REPORT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`, { ns: 'common' }) }))}
          value={status || null}
          onChange={(v) => set('status', v)}
          clearable
          w={260}
          data-testid="filter-status"
        />
      </Group>
      {queue.isPending ? (
        <PageLoader />
      ) : queue.isError ? (
        <Denied error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t('queue.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="program-queue">
          <Text size="sm" aria-live="polite">
            {t('queue.shown', { count: items.length })}
          </Text>
          {items.map((i) => (
            <Item key={i.trackingId} item={i} category={category} />
          ))}
          {queue.hasNextPage && (
            <Group>
              <Button
                variant="outline"
                onClick={() => void queue.fetchNextPage()}
                loading={queue.isFetchingNextPage}
              >
                {t('queue.more')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
