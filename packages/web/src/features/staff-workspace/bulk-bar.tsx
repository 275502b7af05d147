/** Bulk actions over the checked inbox items: verify to an institution, or dispose down to a unit. */
import { Alert, Button, Checkbox, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InboxItem, staffApi } from './api';
import { InstitutionPicker, UnitPicker } from './pickers';

export function BulkBar({
  action,
  items,
  onDone,
  onSelectAll,
  allSelected,
}: {
  action: 'verify' | 'dispose_down';
  items: InboxItem[];
  onDone: () => void;
  onSelectAll: (all: boolean) => void;
  allSelected: boolean;
}) {
  const { t } = useTranslation('staff');
  const [open, setOpen] = useState(false);
  const [targets, setTargets] = useState<string[]>([]);
  const [unit, setUnit] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState<string[]>([]);
  const holders = new Set(items.map((i) => i.holder?.id ?? null));
  const holder = holders.size === 1 ? (items[0]?.holder?.id ?? null) : null;

  const run = async () => {
    setBusy(true);
    const failed: string[] = [];
    for (const item of items) {
      const body =
        action === 'verify' ? { action, targets: targets.map(Number) } : { action, unit: Number(unit) };
      try {
        await staffApi.act(item.trackingId, body);
      } catch (e) {
        failed.push(`${item.trackingId}: ${(e as Error).message}`);
      }
    }
    setBusy(false);
    setFailures(failed);
    notifications.show({
      message: t('bulk.done', { count: items.length - failed.length }),
      color: failed.length ? 'orange' : 'green',
    });
    if (!failed.length) {
      setOpen(false);
      setTargets([]);
      setUnit(null);
    }
    onDone();
  };

  return (
    <Paper withBorder p="sm" mt="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Checkbox
          label={t('bulk.selectAll')}
          checked={allSelected}
          onChange={(e) => onSelectAll(e.currentTarget.checked)}
        />
        <Group gap="sm">
          <Text size="sm">{t('bulk.selected', { count: items.length })}</Text>
          <Button
            size="sm"
            disabled={items.length === 0}
            onClick={() => setOpen(true)}
            data-testid="bulk-action"
          >
            {t(`bulk.${action}`)}
          </Button>
        </Group>
      </Group>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={t(`bulk.${action}Title`, { count: items.length })}
      >
        <Stack>
          {action === 'verify' ? (
            <InstitutionPicker multiple label={t('dialog.targets')} value={targets} onChange={setTargets} />
          ) : holder === null ? (
            <Alert color="orange">{t('bulk.mixedHolders')}</Alert>
          ) : (
            <UnitPicker institutionId={holder} value={unit} onChange={setUnit} />
          )}
          {failures.length > 0 && (
            <Alert color="red" role="alert" title={t('bulk.failed')}>
              {failures.map((f) => (
                <div key={f}>{f}</div>
              ))}
            </Alert>
          )}
          <Button
            onClick={run}
            loading={busy}
            disabled={action === 'verify' ? targets.length === 0 : unit === null}
          >
            {t('dialog.confirm')}
          </Button>
        </Stack>
      </Modal>
    </Paper>
  );
}
