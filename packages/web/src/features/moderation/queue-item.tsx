/** One flagged report in the moderation queue: what was flagged and why, and the two decisions with a note. */
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { type Decision, type ModerationItem, moderationApi } from './api';

export function QueueItem({
  item,
  onDecided,
}: {
  item: ModerationItem;
  onDecided: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('moderation');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<Decision | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const decide = async (action: Decision) => {
    setBusy(action);
    setFailure(null);
    try {
      await moderationApi.decide(item.trackingId, action, note.trim() || undefined);
      onDecided(t(`done.${action}`, { trackingId: item.trackingId }));
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : t('failed'));
    } finally {
      setBusy(null);
    }
  };
  const why = item.source === 'rule' ? item.rules.map((r) => t(`rule.${r}`)).join(', ') : t('byStaff');
  return (
    <Card
      withBorder
      component="article"
      aria-labelledby={`m-${item.trackingId}`}
      data-testid="moderation-item"
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge color="red" variant="light" c="red.9">
            {t(`reason.${item.reason}`)}
          </Badge>
          <Text size="sm" c="dark.6">
            {why} · {new Date(item.flaggedAt).toLocaleString(i18n.language)}
          </Text>
        </Group>
        <Title order={2} size="h4" id={`m-${item.trackingId}`} style={{ wordBreak: 'break-word' }}>
          <Anchor component={Link} to={`/staff/reports/${item.trackingId}`}>
            {item.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dark.6">
          {item.trackingId} · {t('channel', { channel: item.channel })} ·{' '}
          {item.institution?.name ??
            t('nationalQueue', { requested: item.requestedInstitution?.name ?? t('none') })}
        </Text>
        <Text lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
          {item.body}
        </Text>
        {item.note && (
          <Text size="sm">
            <strong>{t('staffNote')}:</strong> {item.note}
          </Text>
        )}
        <Textarea
          label={t('note')}
          autosize
          minRows={1}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            loading={busy === 'release_flag'}
            disabled={busy !== null}
            onClick={() => void decide('release_flag')}
            data-testid="release-flag"
          >
            {t('release')}
          </Button>
          <Button
            color="red.9"
            loading={busy === 'confirm_flag'}
            disabled={busy !== null}
            onClick={() => void decide('confirm_flag')}
            data-testid="confirm-flag"
          >
            {t('confirm')}
          </Button>
        </Group>
        <Text size="xs" c="dark.6">
          {t('help')}
        </Text>
      </Stack>
    </Card>
  );
}
