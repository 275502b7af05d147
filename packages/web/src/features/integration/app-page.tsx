/** One regional app: its details and two tabs, API keys and webhooks (with the delivery log). */
import { Anchor, Badge, Code, Container, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { integrationApi, qk } from './api';
import { AppStatus } from './apps-page';
import { KeysTab } from './keys-tab';
import { WebhooksTab } from './webhooks-tab';

export function AppPage() {
  const { t } = useTranslation('integration');
  const appId = useParams().appId ?? '';
  const app = useQuery({ queryKey: qk.app(appId), queryFn: () => integrationApi.app(appId) });
  return (
    <Container size="lg" py="md">
      <Stack>
        <Anchor component={Link} to="/staff/integration" size="sm">
          {t('backToApps')}
        </Anchor>
        {app.isPending ? (
          <PageLoader />
        ) : app.isError ? (
          <QueryError error={app.error} onRetry={() => void app.refetch()} />
        ) : (
          <>
            <Group gap="sm" wrap="wrap">
              <Title order={1}>{app.data.name}</Title>
              <AppStatus app={app.data} />
            </Group>
            <Group gap="xs" wrap="wrap">
              <Text size="sm">{t('app.channel')}</Text>
              <Code>{app.data.channel ?? `integration:${app.data.slug}`}</Code>
              <Badge variant="outline" color="dark" tt="none">
                {app.data.contactName} · {app.data.contactEmail}
              </Badge>
            </Group>
            <Tabs defaultValue="keys" keepMounted={false}>
              <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
                <Tabs.Tab value="keys">{t('tabs.keys')}</Tabs.Tab>
                <Tabs.Tab value="webhooks">{t('tabs.webhooks')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="keys" pt="md">
                <KeysTab appId={appId} />
              </Tabs.Panel>
              <Tabs.Panel value="webhooks" pt="md">
                <WebhooksTab appId={appId} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </Container>
  );
}
