/**
 * The dialog that registers or edits a webhook endpoint: URL, description and the event types it wants; a new
 * endpoint's signing secret is shown in place, once.
 */
import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { integrationApi, WEBHOOK_EVENT_TYPES, type WebhookEndpoint, type WebhookEventType } from './api';
import { SECRET_LOCK, SecretView } from './secret-modal';
import { useRun } from './use-run';

/** `null` target: a new endpoint; otherwise the endpoint being edited. */
export function EndpointModal({
  appId,
  opened,
  target,
  onClose,
}: {
  appId: string;
  opened: boolean;
  target: WebhookEndpoint | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('integration');
  const { busy, errors, run, clear } = useRun();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [types, setTypes] = useState<WebhookEventType[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    setUrl(target?.url ?? '');
    setDescription(target?.description ?? '');
    setTypes(WEBHOOK_EVENT_TYPES.filter((e) => (target ? target.eventTypes.includes(e) : true)));
  }, [opened, target]);
  const close = () => {
    clear();
    setSecret(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { url: url.trim(), description: description.trim(), eventTypes: types };
    if (target) {
      const saved = await run(() => integrationApi.patchEndpoint(target.id, body), t('webhooks.saved'));
      if (saved) onClose();
      return;
    }
    const created = await run(() => integrationApi.createEndpoint(appId, body));
    if (created) setSecret(created.secret);
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={
        secret ? t('webhooks.createdTitle') : target ? t('webhooks.editTitle') : t('webhooks.createTitle')
      }
      size="lg"
      {...(secret ? SECRET_LOCK : {})}
    >
      {secret ? (
        <SecretView lead={t('webhooks.createdLead')} value={secret} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <TextInput
              label={t('webhooks.url')}
              description={t('webhooks.urlHelp')}
              placeholder="https://"
              type="url"
              required
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              error={errors.url}
              data-autofocus
            />
            <Textarea
              label={t('webhooks.description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={errors.description}
              autosize
              minRows={1}
              maxLength={500}
            />
            <Checkbox.Group
              label={t('webhooks.eventTypes')}
              value={types}
              onChange={(v) => setTypes(WEBHOOK_EVENT_TYPES.filter((x) => v.includes(x)))}
              error={errors.eventTypes}
              required
            >
              <Stack gap="xs" mt="xs">
                {WEBHOOK_EVENT_TYPES.map((e) => (
                  <Checkbox key={e} value={e} label={e} description={t(`event.${e}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            {errors._ && (
              <Alert color="red" role="alert">
                {errors._}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} disabled={types.length === 0}>
                {target ? t('webhooks.save') : t('webhooks.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
