/**
 * Shows a secret (an API key or a webhook signing secret) the one time the server hands it out, with a copy button
 * and a warning; closing needs an explicit confirmation click so nobody dismisses it by accident.
 */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ShownSecret {
  title: string;
  /** What the secret is for, and what to do with it. */
  lead: string;
  value: string;
}

export function SecretModal({ secret, onClose }: { secret: ShownSecret | null; onClose: () => void }) {
  const { t } = useTranslation('integration');
  return (
    <Modal
      opened={secret !== null}
      onClose={onClose}
      title={secret?.title}
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {secret && (
        <Stack>
          <Text>{secret.lead}</Text>
          <Code block data-testid="secret-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret.value}
          </Code>
          <Alert color="orange" role="alert" title={t('secret.onceTitle')}>
            {t('secret.once')}
          </Alert>
          <Group justify="space-between" wrap="wrap">
            <CopyButton value={secret.value}>
              {({ copied, copy }) => (
                <Button variant="light" onClick={copy} aria-live="polite">
                  {copied ? t('secret.copied') : t('secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose} data-testid="secret-done">
              {t('secret.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** A yes/no question in a dialog (revoking a key, deleting an endpoint): the action is named on the button. */
export function ConfirmModal({
  opened,
  title,
  text,
  confirm,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  text: string;
  confirm: string;
  busy: boolean;
  error?: string | undefined;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        <Text>{text}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
