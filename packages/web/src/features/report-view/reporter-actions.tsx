/** What the reporter may do now (from the core's allowed actions): reply, accept with a rating, reopen, answer a hold. */
import { Alert, Button, Group, Paper, Rating, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../../api/client';

type Action = 'reporter_reply' | 'answer_hold' | 'accept' | 'reopen' | 'rate';

export function ReporterActions(props: {
  allowed: string[];
  path: string;
  headers: Record<string, string>;
  trackingId: string;
}) {
  const { t } = useTranslation('report-view');
  const qc = useQueryClient();
  const [message, setMessage] = useState('');
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: (body: { action: Action } & Record<string, unknown>) =>
      request(`${props.path}/actions`, { method: 'POST', body, headers: props.headers }),
    onSuccess: (answer, body) => {
      // Handled at another instance (ADR 0013): the action went there, and its result comes back in a moment.
      const forwarded = Boolean((answer as { forwardedTo?: string } | null)?.forwardedTo);
      setDone(forwarded ? t('done.forwarded') : t(`done.${body.action}`));
      setMessage('');
      setReason('');
      setComment('');
      const refresh = () => void qc.invalidateQueries({ queryKey: ['report', props.trackingId] });
      refresh();
      if (forwarded) for (const ms of [1500, 4000, 10_000]) setTimeout(refresh, ms);
    },
  });
  const can = (a: Action) => props.allowed.includes(a);
  const error = act.error instanceof ApiError ? act.error.message : act.error ? t('actionFailed') : null;
  const replyAction: Action | null = can('answer_hold')
    ? 'answer_hold'
    : can('reporter_reply')
      ? 'reporter_reply'
      : null;
  const rateAction: Action | null = can('accept') ? 'accept' : can('rate') ? 'rate' : null;
  if (!replyAction && !rateAction && !can('reopen'))
    return done ? (
      <Alert color="green" role="status">
        {done}
      </Alert>
    ) : null;

  return (
    <Stack gap="md" data-testid="reporter-actions">
      <Title order={2} size="h3">
        {t('yourResponse')}
      </Title>
      {done && (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {rateAction && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Text fw={600}>{rateAction === 'accept' ? t('accept.title') : t('rate.title')}</Text>
            <Text size="sm">{rateAction === 'accept' ? t('accept.help') : t('rate.help')}</Text>
            <Text size="sm" id="rating-label">
              {t('accept.rating')}
            </Text>
            <Rating
              value={rating}
              onChange={setRating}
              size="lg"
              aria-labelledby="rating-label"
              data-testid="rating"
            />
            <Textarea
              label={t('accept.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={1000}
            />
            <Group>
              <Button
                disabled={rating < 1}
                loading={act.isPending && act.variables?.action === rateAction}
                onClick={() =>
                  act.mutate({
                    action: rateAction,
                    rating,
                    ...(comment.trim() ? { comment: comment.trim() } : {}),
                  })
                }
                data-testid="accept"
              >
                {rateAction === 'accept' ? t('accept.submit') : t('rate.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {replyAction && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Textarea
              label={replyAction === 'answer_hold' ? t('reply.answerHold') : t('reply.label')}
              description={t('reply.help')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              minRows={3}
              autosize
              maxLength={4000}
            />
            <Group>
              <Button
                variant="outline"
                disabled={message.trim().length < 1}
                loading={act.isPending && act.variables?.action === replyAction}
                onClick={() => act.mutate({ action: replyAction, message: message.trim() })}
              >
                {t('reply.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {can('reopen') && (
        <Paper withBorder p="md">
          <Stack gap="xs">
            <Textarea
              label={t('reopen.label')}
              description={t('reopen.help')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              minRows={2}
              autosize
              maxLength={2000}
            />
            <Group>
              <Button
                variant="outline"
                color="orange.9"
                disabled={reason.trim().length < 1}
                loading={act.isPending && act.variables?.action === 'reopen'}
                onClick={() => act.mutate({ action: 'reopen', reason: reason.trim() })}
              >
                {t('reopen.submit')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
