/**
 * "Instans tepercaya": each trusted peer with its fingerprint and its backlog (queue length, oldest undelivered
 * message, last error, last delivery). A peer whose oldest message waits over 15 minutes, or with an error, stands
 * out — by a labelled badge and its reason, not by colour alone. A table from md up, cards below.
 */
import { Badge, Box, Code, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionOf, type FederationPeer } from './api';
import { Fingerprint } from './identity-section';
import { When } from './when';

const WARN_BG = 'var(--mantine-color-red-0)';
const WARN_BORDER = '4px solid var(--mantine-color-red-8)';

function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation('federation');
  const known = state === 'trusted' || state === 'suspended';
  return (
    <Badge
      color={state === 'trusted' ? 'green' : 'gray'}
      variant="light"
      c="#1f2937"
      tt="none"
      miw="fit-content"
      style={{ flexShrink: 0 }}
    >
      {known ? t(`peers.state.${state}`) : state}
    </Badge>
  );
}

/** The badge and reasons of a peer that needs attention; nothing when all is well. */
function Attention({ peer, now }: { peer: FederationPeer; now: number }) {
  const { t } = useTranslation('federation');
  const a = attentionOf(peer.backlog, now);
  if (!a.stale && !a.error) return null;
  return (
    <Stack gap={2} mt={4}>
      <Badge color="#b91c1c" variant="filled" tt="none" w="fit-content" data-testid="attention">
        {t('peers.attention')}
      </Badge>
      {a.stale && <Text size="xs">{t('peers.staleReason')}</Text>}
      {a.error && <Text size="xs">{t('peers.errorReason')}</Text>}
    </Stack>
  );
}

function Queue({ peer, now }: { peer: FederationPeer; now: number }) {
  const { t } = useTranslation('federation');
  return (
    <Stack gap={2}>
      {peer.backlog.queued === 0 ? (
        <Text size="sm">{t('peers.empty')}</Text>
      ) : (
        <Text size="sm" fw={700}>
          {t('peers.queuedCount', { count: peer.backlog.queued })}
        </Text>
      )}
      {peer.backlog.oldestQueuedAt && (
        <>
          <Text size="xs">{t('peers.oldest')}</Text>
          <When iso={peer.backlog.oldestQueuedAt} now={now} />
        </>
      )}
    </Stack>
  );
}

function LastError({ peer, now }: { peer: FederationPeer; now: number }) {
  const { t } = useTranslation('federation');
  if (!peer.backlog.lastError) return <Text size="sm">{t('peers.noError')}</Text>;
  return (
    <Stack gap={2}>
      <Text size="sm" c="red.9" style={{ overflowWrap: 'anywhere' }}>
        {peer.backlog.lastError}
      </Text>
      <When iso={peer.backlog.lastErrorAt} now={now} />
    </Stack>
  );
}

function Who({ peer }: { peer: FederationPeer }) {
  return (
    <>
      <Text fw={600}>{peer.name}</Text>
      <Code>{peer.slug}</Code>
      <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
        {peer.baseUrl}
      </Text>
    </>
  );
}

export function PeersTable({ peers, now }: { peers: FederationPeer[]; now: number }) {
  const { t } = useTranslation('federation');
  return (
    <Box visibleFrom="md">
      <Table.ScrollContainer minWidth={900}>
        <Table data-testid="peers" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('peers.instance')}</Table.Th>
              <Table.Th>{t('peers.stateLabel')}</Table.Th>
              <Table.Th>{t('peers.fingerprint')}</Table.Th>
              <Table.Th>{t('peers.queued')}</Table.Th>
              <Table.Th>{t('peers.lastError')}</Table.Th>
              <Table.Th>{t('peers.lastDelivered')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {peers.map((p) => {
              const a = attentionOf(p.backlog, now);
              const warn = a.stale || a.error;
              return (
                <Table.Tr key={p.slug} data-peer={p.slug} bg={warn ? WARN_BG : undefined}>
                  <Table.Td style={{ borderLeft: warn ? WARN_BORDER : undefined }} maw={260}>
                    <Who peer={p} />
                    <Attention peer={p} now={now} />
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={p.state} />
                    <Text size="xs" mt={4}>
                      {t('peers.trustedAt')}
                    </Text>
                    <When iso={p.trustedAt} now={now} />
                  </Table.Td>
                  <Table.Td miw={170}>
                    <Fingerprint value={p.fingerprint} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Queue peer={p} now={now} />
                  </Table.Td>
                  <Table.Td maw={240}>
                    <LastError peer={p} now={now} />
                  </Table.Td>
                  <Table.Td>
                    <When iso={p.backlog.lastDeliveredAt} now={now} none={t('peers.never')} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dark.6">
        {label}
      </Text>
      {children}
    </div>
  );
}

export function PeerCards({ peers, now }: { peers: FederationPeer[]; now: number }) {
  const { t } = useTranslation('federation');
  return (
    <Stack hiddenFrom="md" gap="sm" data-testid="peer-cards">
      {peers.map((p) => {
        const a = attentionOf(p.backlog, now);
        const warn = a.stale || a.error;
        return (
          <Paper
            key={p.slug}
            withBorder
            p="md"
            component="article"
            aria-label={p.name}
            data-peer={p.slug}
            bg={warn ? WARN_BG : undefined}
            style={{ borderLeft: warn ? WARN_BORDER : undefined }}
          >
            <Stack gap="xs">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Who peer={p} />
                </div>
                <StateBadge state={p.state} />
              </Group>
              <Attention peer={p} now={now} />
              <Field label={t('peers.fingerprint')}>
                <Fingerprint value={p.fingerprint} size="sm" />
              </Field>
              <SimpleGrid cols={2} spacing="sm">
                <Field label={t('peers.queued')}>
                  <Queue peer={p} now={now} />
                </Field>
                <Field label={t('peers.lastDelivered')}>
                  <When iso={p.backlog.lastDeliveredAt} now={now} none={t('peers.never')} />
                </Field>
              </SimpleGrid>
              <Field label={t('peers.lastError')}>
                <LastError peer={p} now={now} />
              </Field>
              <Field label={t('peers.trustedAt')}>
                <When iso={p.trustedAt} now={now} />
              </Field>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
