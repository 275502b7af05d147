/**
 * The national admin's federation page (issue 13): this instance's identity and fingerprint, trusting a peer, the
 * trusted peers with their backlog (refreshed every 15 seconds), and the authority map.
 */
import { Anchor, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { attentionOf, federationApi, qk, REFRESH_MS } from './api';
import { AuthoritySection } from './authority-section';
import { IdentitySection } from './identity-section';
import { PeerCards, PeersTable } from './peers-section';
import { TrustForm } from './trust-form';
import { useLocale } from './when';

export function FederationPage() {
  const { t } = useTranslation('federation');
  const locale = useLocale();
  const view = useQuery({ queryKey: qk.view, queryFn: federationApi.view, refetchInterval: REFRESH_MS });
  const now = Date.now();
  return (
    <Container size="lg" py="md">
      <Stack>
        <Anchor component={Link} to="/admin" size="sm">
          {t('back')}
        </Anchor>
        <Title order={1}>{t('title')}</Title>
        <Text maw={760}>{t('lead')}</Text>
        {view.isPending ? (
          <PageLoader />
        ) : view.isError ? (
          <QueryError error={view.error} onRetry={() => void view.refetch()} />
        ) : (
          <>
            <IdentitySection self={view.data.self} />
            <TrustForm selfName={view.data.self.name} />
            <Paper withBorder p="md" component="section" aria-labelledby="peers-title">
              <Stack gap="sm">
                <Group justify="space-between" align="flex-end" wrap="wrap">
                  <div>
                    <Title order={2} size="h3" id="peers-title">
                      {t('peers.title')}
                    </Title>
                    <Text size="sm" data-testid="updated">
                      {t('peers.updated', { time: new Date(view.dataUpdatedAt).toLocaleTimeString(locale) })}
                    </Text>
                  </div>
                  <Button variant="default" onClick={() => void view.refetch()} loading={view.isFetching}>
                    {t('peers.refresh')}
                  </Button>
                </Group>
                {view.data.peers.length === 0 ? (
                  <Text data-testid="peers-empty">{t('peers.none')}</Text>
                ) : (
                  <>
                    <Summary peers={view.data.peers} now={now} />
                    <PeersTable peers={view.data.peers} now={now} />
                    <PeerCards peers={view.data.peers} now={now} />
                  </>
                )}
              </Stack>
            </Paper>
            <AuthoritySection view={view.data} />
          </>
        )}
      </Stack>
    </Container>
  );
}

/** One line over the list: how many peers, and how many need attention. */
function Summary({ peers, now }: { peers: Parameters<typeof PeersTable>[0]['peers']; now: number }) {
  const { t } = useTranslation('federation');
  const attention = peers.filter((p) => {
    const a = attentionOf(p.backlog, now);
    return a.stale || a.error;
  }).length;
  return (
    <Text size="sm" data-testid="peers-summary">
      {t('peers.summary', { count: peers.length })}{' '}
      {attention > 0 ? t('peers.summaryAttention', { count: attention }) : t('peers.summaryOk')}
    </Text>
  );
}
