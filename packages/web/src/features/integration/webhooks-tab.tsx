/**
 * An app's webhook endpoints as cards (they fit a phone): URL, event types, state, and per endpoint edit,
 * enable/disable, rotate secret, send a test event, delete, and its delivery log.
 */
import { Alert, Badge, Button, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { integrationApi, qk, type WebhookEndpoint } from './api';
import { DeliveryLog } from './deliveries';
import { EndpointModal } from './endpoint-form';
import { useWhen } from './keys-tab';
import { ConfirmModal, SecretModal, type ShownSecret } from './secret-modal';
import { useRun } from './use-run';

export function WebhooksTab({ appId }: { appId: string }) {
  const { t } = useTranslation('integration');
  const endpoints = useQuery({
    queryKey: qk.endpoints(appId),
    queryFn: () => integrationApi.endpoints(appId),
  });
  const [editing, setEditing] = useState<{ target: WebhookEndpoint | null } | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  if (endpoints.isError)
    return <QueryError error={endpoints.error} onRetry={() => void endpoints.refetch()} />;
  const items = endpoints.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" maw={640}>
          {t('webhooks.lead')}
        </Text>
        <Button onClick={() => setEditing({ target: null })}>{t('webhooks.create')}</Button>
      </Group>
      {endpoints.isSuccess && items.length === 0 && <Text size="sm">{t('webhooks.none')}</Text>}
      {items.map((e, i) => (
        <EndpointCard
          key={e.id}
          endpoint={e}
          openLog={i === 0}
          onEdit={() => setEditing({ target: e })}
          onSecret={(value) =>
            setSecret({ title: t('webhooks.rotatedTitle'), lead: t('webhooks.rotatedLead'), value })
          }
        />
      ))}
      <EndpointModal
        appId={appId}
        opened={editing !== null}
        target={editing?.target ?? null}
        onClose={() => setEditing(null)}
      />
      <SecretModal secret={secret} onClose={() => setSecret(null)} />
    </Stack>
  );
}

function EndpointCard({
  endpoint: e,
  openLog,
  onEdit,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  openLog: boolean;
  onEdit: () => void;
  onSecret: (secret: string) => void;
}) {
  const { t } = useTranslation('integration');
  const when = useWhen();
  const toggle = useRun();
  const rotate = useRun();
  const test = useRun();
  const remove = useRun();
  const [showLog, setShowLog] = useState(openLog);
  const [deleting, setDeleting] = useState(false);
  const logId = `log-${e.id}`;
  const sendTest = async () => {
    const d = await test.run(() => integrationApi.sendTest(e.id));
    if (d) {
      notifications.show({ color: 'green', message: t('webhooks.testQueued', { id: d.messageId }) });
      setShowLog(true);
    } else notifications.show({ color: 'red', message: t('webhooks.testFailed') });
  };
  const problem = toggle.errors._ ?? rotate.errors._ ?? test.errors._;
  return (
    <Paper withBorder p="md" component="article" aria-label={e.url} data-endpoint-id={e.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <Code style={{ overflowWrap: 'anywhere' }} data-testid="endpoint-url">
            {e.url}
          </Code>
          {e.enabled ? (
            <Badge color="green" variant="light" c="#1f2937" tt="none">
              {t('webhooks.enabled')}
            </Badge>
          ) : (
            <Badge color="gray" variant="light" c="#1f2937" tt="none">
              {t('webhooks.disabled')}
            </Badge>
          )}
        </Group>
        {e.description && <Text size="sm">{e.description}</Text>}
        <Group gap={4}>
          {e.eventTypes.map((x) => (
            <Badge key={x} variant="outline" color="dark" tt="none" size="sm">
              {x}
            </Badge>
          ))}
        </Group>
        {e.failingSince && (
          <Alert color="orange" p="xs">
            {t('webhooks.failingSince', { since: when(e.failingSince) })}
          </Alert>
        )}
        {!e.enabled && e.disabledReason && (
          <Alert color="gray" p="xs">
            {t('webhooks.disabledReason', {
              at: when(e.disabledAt),
              reason: t(`webhooks.reason.${e.disabledReason}`, { defaultValue: e.disabledReason }),
            })}
          </Alert>
        )}
        {e.previousSecretUntil && new Date(e.previousSecretUntil) > new Date() && (
          <Text size="xs">{t('webhooks.previousSecret', { until: when(e.previousSecretUntil) })}</Text>
        )}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group gap="xs" wrap="wrap">
          <Button size="compact-sm" onClick={() => void sendTest()} loading={test.busy} disabled={!e.enabled}>
            {t('webhooks.test')}
          </Button>
          <Button size="compact-sm" variant="light" onClick={onEdit}>
            {t('webhooks.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            loading={toggle.busy}
            onClick={() =>
              void toggle.run(
                () => integrationApi.patchEndpoint(e.id, { enabled: !e.enabled }),
                e.enabled ? t('webhooks.disabledDone') : t('webhooks.enabledDone'),
              )
            }
          >
            {e.enabled ? t('webhooks.disable') : t('webhooks.enable')}
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            loading={rotate.busy}
            onClick={async () => {
              const out = await rotate.run(() => integrationApi.rotateSecret(e.id));
              if (out) onSecret(out.secret);
            }}
          >
            {t('webhooks.rotateSecret')}
          </Button>
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(true)}>
            {t('webhooks.delete')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-expanded={showLog}
            aria-controls={logId}
            onClick={() => setShowLog(!showLog)}
          >
            {showLog ? t('webhooks.hideLog') : t('webhooks.showLog')}
          </Button>
        </Group>
        <div id={logId}>{showLog && <DeliveryLog endpointId={e.id} />}</div>
      </Stack>
      <ConfirmModal
        opened={deleting}
        title={t('webhooks.deleteTitle')}
        text={t('webhooks.deleteText', { url: e.url })}
        confirm={t('webhooks.delete')}
        busy={remove.busy}
        error={remove.errors._}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          const ok = await remove.run(() => integrationApi.deleteEndpoint(e.id), t('webhooks.deleted'));
          if (ok) setDeleting(false);
        }}
      />
    </Paper>
  );
}
