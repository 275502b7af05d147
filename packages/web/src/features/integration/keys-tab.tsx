/** An app's API keys: the list, and creating (shown once), rotating (two live keys for a while) and revoking. */
import { Alert, Badge, Button, Code, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/query-error';
import { type IntegrationKey, integrationApi, type KeyStatus, qk } from './api';
import { CreateKeyModal, RotateKeyModal } from './key-forms';
import { ConfirmModal } from './secret-modal';
import { useRun } from './use-run';

const STATUS_COLOR: Record<KeyStatus, string> = {
  live: 'green',
  expiring: 'yellow',
  expired: 'gray',
  revoked: 'red',
};

/** A key's status as text on a tinted badge (never colour alone). */
export function KeyStatusBadge({ status }: { status: KeyStatus }) {
  const { t } = useTranslation('integration');
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      c="#1f2937"
      tt="none"
      miw="fit-content"
      data-status={status}
    >
      {t(`keys.status.${status}`)}
    </Badge>
  );
}

/** A date and time in the page's language, or a dash. */
export function useWhen() {
  const { i18n } = useTranslation();
  return (iso: string | null | undefined, none = '–') =>
    iso ? new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID') : none;
}

export function KeysTab({ appId }: { appId: string }) {
  const { t } = useTranslation('integration');
  const when = useWhen();
  const keys = useQuery({ queryKey: qk.keys(appId), queryFn: () => integrationApi.keys(appId) });
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<IntegrationKey | null>(null);
  const [revoking, setRevoking] = useState<IntegrationKey | null>(null);
  const revoke = useRun();
  if (keys.isError) return <QueryError error={keys.error} onRetry={() => void keys.refetch()} />;
  const items = keys.data?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" maw={640}>
          {t('keys.lead')}
        </Text>
        <Button onClick={() => setCreating(true)}>{t('keys.create')}</Button>
      </Group>
      <Table.ScrollContainer minWidth={860}>
        <Table striped data-testid="keys">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('keys.name')}</Table.Th>
              <Table.Th>{t('keys.prefix')}</Table.Th>
              <Table.Th>{t('keys.permissions')}</Table.Th>
              <Table.Th>{t('keys.statusLabel')}</Table.Th>
              <Table.Th>{t('keys.lastUsed')}</Table.Th>
              <Table.Th>{t('keys.expires')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('keys.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((k) => (
              <Table.Tr key={k.id} data-key-id={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>
                  <Code data-testid="key-prefix">{`pintu_${k.prefix}_…`}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {k.permissions.map((p) => (
                      <Badge key={p} variant="outline" color="dark" tt="none" size="sm">
                        {p}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <KeyStatusBadge status={k.status} />
                </Table.Td>
                <Table.Td>{when(k.lastUsedAt, t('keys.neverUsed'))}</Table.Td>
                <Table.Td>{when(k.expiresAt, t('keys.noExpiry'))}</Table.Td>
                <Table.Td>
                  {(k.status === 'live' || k.status === 'expiring') && (
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="light" onClick={() => setRotating(k)}>
                        {t('keys.rotate')}
                      </Button>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(k)}>
                        {t('keys.revoke')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {keys.isSuccess && items.length === 0 && <Text size="sm">{t('keys.none')}</Text>}
      <CreateKeyModal appId={appId} opened={creating} onClose={() => setCreating(false)} />
      <RotateKeyModal target={rotating} onClose={() => setRotating(null)} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('keys.revokeTitle', { name: revoking?.name ?? '' })}
        text={t('keys.revokeText', { prefix: revoking?.prefix ?? '' })}
        confirm={t('keys.revoke')}
        busy={revoke.busy}
        error={revoke.errors._}
        onClose={() => {
          revoke.clear();
          setRevoking(null);
        }}
        onConfirm={async () => {
          if (!revoking) return;
          const done = await revoke.run(() => integrationApi.revokeKey(revoking.id), t('keys.revoked'));
          if (done) setRevoking(null);
        }}
      />
      {keys.isSuccess && items.some((k) => k.status === 'expiring') && (
        <Alert color="yellow">{t('keys.expiringNote')}</Alert>
      )}
    </Stack>
  );
}
