/** A report's timeline as staff see it: who did what when, with messages and internal notes. */
import { Badge, Timeline as MTimeline, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Timeline } from './api';

function messageOf(payload: Record<string, unknown>): string | null {
  for (const k of ['message', 'question', 'reason', 'note', 'comment']) {
    const v = payload[k];
    if (typeof v === 'string' && v) return v;
  }
  return null;
}

/** The app an event came through (issue 12: `payload.via`), for the "melalui aplikasi …" badge. */
function viaOf(payload: Record<string, unknown>): string | null {
  const via = payload.via as { name?: unknown; appId?: unknown } | undefined;
  if (!via || typeof via !== 'object') return null;
  return typeof via.name === 'string' ? via.name : typeof via.appId === 'string' ? via.appId : null;
}

export function StaffTimeline({ timeline }: { timeline: Timeline }) {
  const { t, i18n } = useTranslation('staff');
  const events = [...timeline.events].reverse();
  return (
    <MTimeline active={events.length} bulletSize={14} lineWidth={2} data-testid="timeline">
      {events.map((e) => {
        const msg = messageOf(e.payload);
        const via = viaOf(e.payload);
        const who =
          e.actor.side === 'reporter'
            ? t('actor.reporter')
            : e.actor.side === 'system'
              ? t('actor.system')
              : e.actor.institutionId
                ? (timeline.institutions[String(e.actor.institutionId)] ?? t('actor.institution'))
                : t('actor.national');
        return (
          <MTimeline.Item key={e.seq} title={t(`event.${e.type}`, { defaultValue: e.type })}>
            <Text size="xs" c="dark.6">
              {new Date(e.at).toLocaleString(i18n.language)} · {who}
              {e.actor.role ? ` (${t(`role.${e.actor.role}`, { defaultValue: e.actor.role })})` : ''}
            </Text>
            {via && (
              <Badge size="xs" variant="light" color="grape" data-testid="via-app">
                {t('timeline.via', { name: via })}
              </Badge>
            )}
            {e.statusLabel && e.fromStatus !== e.toStatus && (
              <Text size="xs">{t('timeline.status', { status: t(`status.${e.toStatus}`) })}</Text>
            )}
            {msg && (
              <Paper
                withBorder
                p="xs"
                mt={4}
                bg={e.type === 'comment_internal' ? 'yellow.0' : undefined}
                aria-label={e.type === 'comment_internal' ? t('timeline.internal') : undefined}
              >
                <Stack gap={2}>
                  {e.type === 'comment_internal' && (
                    <Text size="xs" fw={700}>
                      {t('timeline.internal')}
                    </Text>
                  )}
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {msg}
                  </Text>
                </Stack>
              </Paper>
            )}
          </MTimeline.Item>
        );
      })}
    </MTimeline>
  );
}
