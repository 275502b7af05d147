/**
 * The inbox: queue tabs with counts, filters and sort in the URL, one card per report with its working days left
 * coloured, and bulk verify (to verify) and dispose down (to acknowledge) over the checked reports.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Container,
  Group,
  Pagination,
  Paper,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { type InboxItem, QUEUES, type Queue, staffApi } from './api';
import { BulkBar } from './bulk-bar';
import { DueBadge, noticeText, ProvisionalBadge } from './due-badge';
import { StaffNav } from './staff-nav';

function ItemCard({
  item,
  checked,
  onCheck,
  selectable,
}: {
  item: InboxItem;
  checked: boolean;
  onCheck: (v: boolean) => void;
  selectable: boolean;
}) {
  const { t, i18n } = useTranslation('staff');
  return (
    <Paper withBorder p="sm" data-testid="inbox-item" data-tracking-id={item.trackingId}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {selectable && (
          <Checkbox
            mt={4}
            checked={checked}
            onChange={(e) => onCheck(e.currentTarget.checked)}
            aria-label={t('inbox.select', { id: item.trackingId })}
          />
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <DueBadge
              days={item.workingDaysLeft}
              state={item.dueState}
              reporterClock={item.waitingOn === 'reporter'}
            />
            <ProvisionalBadge notice={item.dueNotice} />
            <Badge variant="outline" color="dark">
              {t(`status.${item.status}`)}
            </Badge>
            {item.isAnonymous && (
              <Badge variant="outline" color="dark">
                {t('flags.anonymous')}
              </Badge>
            )}
            {item.isConfidential && (
              <Badge variant="outline" color="dark">
                {t('flags.confidential')}
              </Badge>
            )}
            {item.unattended && (
              <Badge variant="outline" color="dark" title={t('flags.unattendedHelp')}>
                {t('flags.unattended')}
              </Badge>
            )}
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
            {item.trackingId} · {item.category.name} · {item.region.name}
            {item.holder ? ` · ${item.holder.name}` : ` · ${t('inbox.nationalQueue')}`}
          </Text>
          <Text size="xs" c="dark.6">
            {t('inbox.filed', { date: new Date(item.createdAt).toLocaleDateString(i18n.language) })}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

export function InboxPage() {
  const { t, i18n } = useTranslation('staff');
  const [params, setParams] = useSearchParams();
  const queue = (QUEUES as readonly string[]).includes(params.get('queue') ?? '')
    ? (params.get('queue') as Queue)
    : 'to_verify';
  const sort = params.get('sort') === 'newest' ? 'newest' : 'deadline';
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const categoryId = params.get('categoryId') ?? '';
  const categories = useQuery({
    queryKey: ['categories'],
    queryFn: staffApi.categories,
    staleTime: Infinity,
  });
  const page = Number(params.get('page') ?? '1') || 1;
  const [search, setSearch] = useState(q);
  const [selected, setSelected] = useState<string[]>([]);
  const tabs = useRef<HTMLDivElement>(null);
  // On a phone the tab row scrolls sideways: keep the chosen queue in view.
  useEffect(() => {
    const reveal = () => {
      const tab = tabs.current?.querySelector<HTMLElement>(`[data-testid="queue-${queue}"]`);
      const row = tab?.parentElement;
      if (tab && row)
        row.scrollLeft = tab.offsetLeft - row.offsetLeft - (row.clientWidth - tab.offsetWidth) / 2;
    };
    reveal();
    window.addEventListener('resize', reveal);
    return () => window.removeEventListener('resize', reveal);
  }, [queue]);
  const inbox = useQuery({
    queryKey: ['inbox', queue, sort, q, type, categoryId, page],
    queryFn: () =>
      staffApi.inbox({
        queue,
        sort,
        q: q || undefined,
        type: type || undefined,
        categoryId: categoryId || undefined,
        page,
      }),
    placeholderData: (prev) => prev,
  });
  // From the latest parameters, so quick successive changes (tab, then search) all stick.
  const set = (patch: Record<string, string | null>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });
    setSelected([]);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    set({ q: search.trim().length >= 2 ? search.trim() : null });
  };
  const items = inbox.data?.items ?? [];
  const bulkAction = queue === 'to_verify' ? 'verify' : queue === 'to_acknowledge' ? 'dispose_down' : null;
  const selectable = bulkAction !== null && items.some((i) => !i.readOnly);
  const fmt = (n: number) => n.toLocaleString(i18n.language);

  return (
    <Container size="lg" py="md">
      <StaffNav />
      <Title order={1} mb="sm">
        {t('inbox.title')}
      </Title>
      <Tabs ref={tabs} value={queue} onChange={(v) => v && set({ queue: v })} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {QUEUES.map((qu) => (
            <Tabs.Tab key={qu} value={qu} data-testid={`queue-${qu}`}>
              {t(`queue.${qu}`)}{' '}
              <Badge
                size="sm"
                variant={qu === 'overdue' ? 'filled' : 'light'}
                color={qu === 'overdue' ? '#b91c1c' : 'dark'}
              >
                {inbox.data ? `${fmt(inbox.data.counts[qu])}${inbox.data.countsExact[qu] ? '' : '+'}` : '…'}
              </Badge>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <form onSubmit={onSearch}>
        <Group mt="md" gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('inbox.search')}
            placeholder={t('inbox.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
          />
          <Select
            label={t('inbox.type')}
            value={type || null}
            onChange={(v) => set({ type: v })}
            clearable
            data={['complaint', 'aspiration', 'information_request'].map((v) => ({
              value: v,
              label: t(`type.${v}`),
            }))}
            style={{ flex: '1 1 160px' }}
          />
          <Select
            label={t('inbox.category')}
            value={categoryId || null}
            onChange={(v) => set({ categoryId: v })}
            clearable
            searchable
            data={(categories.data?.items ?? []).map((c) => ({
              group: c.name,
              items: [
                { value: String(c.id), label: t('inbox.allOf', { name: c.name }) },
                ...c.children.map((k) => ({ value: String(k.id), label: k.name })),
              ],
            }))}
            style={{ flex: '1 1 200px' }}
          />
          <Select
            label={t('inbox.sort')}
            value={sort}
            onChange={(v) => set({ sort: v === 'newest' ? 'newest' : null })}
            allowDeselect={false}
            data={[
              { value: 'deadline', label: t('inbox.sortDeadline') },
              { value: 'newest', label: t('inbox.sortNewest') },
            ]}
            style={{ flex: '1 1 160px' }}
          />
          <Button type="submit" variant="outline">
            {t('inbox.searchButton')}
          </Button>
        </Group>
      </form>
      {selectable && bulkAction && (
        <BulkBar
          action={bulkAction}
          items={items.filter((i) => selected.includes(i.trackingId))}
          onDone={() => {
            setSelected([]);
            void inbox.refetch();
          }}
          onSelectAll={(all) =>
            setSelected(all ? items.filter((i) => !i.readOnly).map((i) => i.trackingId) : [])
          }
          allSelected={selected.length > 0 && selected.length === items.filter((i) => !i.readOnly).length}
        />
      )}
      <div aria-live="polite">
        {inbox.isPending ? (
          <PageLoader />
        ) : inbox.isError ? (
          <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : items.length === 0 ? (
          <Text mt="lg">{t('inbox.empty')}</Text>
        ) : (
          <Stack mt="md" gap="sm">
            {[
              ...new Map(
                items.flatMap((i) => (i.dueNotice ? [[i.dueNotice.year, i.dueNotice]] : [])),
              ).values(),
            ].map((n) => (
              <Alert key={n.year} color="orange" variant="light" data-testid="calendar-provisional">
                {noticeText(n, i18n.language)}
              </Alert>
            ))}
            <Text size="sm">
              {t('inbox.total', { count: inbox.data.total, formatted: fmt(inbox.data.total) })}
            </Text>
            {items.map((item) => (
              <ItemCard
                key={item.trackingId}
                item={item}
                selectable={selectable && !item.readOnly}
                checked={selected.includes(item.trackingId)}
                onCheck={(v) =>
                  setSelected((s) => (v ? [...s, item.trackingId] : s.filter((x) => x !== item.trackingId)))
                }
              />
            ))}
            {inbox.data.total > inbox.data.pageSize && (
              <Pagination
                total={Math.ceil(inbox.data.total / inbox.data.pageSize)}
                value={page}
                onChange={(p) => set({ page: String(p) })}
                getControlProps={(c) => ({ 'aria-label': t(`inbox.page.${c}`) })}
                getItemProps={(p) => ({ 'aria-label': t('inbox.page.number', { page: p }) })}
              />
            )}
          </Stack>
        )}
      </div>
    </Container>
  );
}
