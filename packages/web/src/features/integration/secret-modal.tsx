/**
 * Shows a secret (an API key or a webhook signing secret) the one time the server hands it out, with a copy button
 * and a warning; closing needs an explicit confirmation click so nobody dismisses it by accident. Also the confirm
 * dialog of the destructive actions.
 */
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface ShownSecret {
  title: string;
  /** What the secret is for, and what to do with it. */
  lead: string;
  value: string;
}

/**
 * The secret with its warning and copy button. The dialog that asked for the secret shows it in place (one dialog,
 * so focus goes back to the button that opened it when it closes).
 */
export function SecretView({ lead, value, onDone }: { lead: string; value: string; onDone: () => void }) {
  const { t } = useTranslation('integration');
  return (
    <Stack>
      <Text>{lead}</Text>
      <Code block data-testid="secret-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
        {value}
      </Code>
      <Alert color="orange" role="alert" title={t('secret.onceTitle')}>
        {t('secret.once')}
      </Alert>
      <Group justify="space-between" wrap="wrap">
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} aria-live="polite">
              {copied ? t('secret.copied') : t('secret.copy')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone} data-testid="secret-done">
          {t('secret.done')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Modal props while a secret is on screen: only the explicit "saved it" button closes it. */
export const SECRET_LOCK = {
  closeOnClickOutside: false,
  closeOnEscape: false,
  withCloseButton: false,
} as const;

/** A secret in its own dialog (rotating a webhook secret, which asks nothing first). */
export function SecretModal({ secret, onClose }: { secret: ShownSecret | null; onClose: () => void }) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title={secret?.title} size="lg" {...SECRET_LOCK}>
      {secret && <SecretView lead={secret.lead} value={secret.value} onDone={onClose} />}
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
