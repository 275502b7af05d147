/** The report's timeline: each step with who acted, when, and the message or rating it carried. */
import { Timeline as MTimeline, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Timeline as TimelineData, TimelineEvent } from '../../api/reports';

function who(e: TimelineEvent, institutions: Record<string, string>, t: (k: string) => string): string {
  if (e.actor.side === 'institution' && e.actor.institutionId != null)
    return institutions[String(e.actor.institutionId)] ?? t('side.institution');
  return t(`side.${e.actor.side}`);
}

export function ReportTimeline({ data }: { data: TimelineData }) {
  const { t, i18n } = useTranslation('report-view');
  const fmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <MTimeline bulletSize={16} lineWidth={2} active={data.events.length - 1} data-testid="timeline">
      {data.events.map((e) => {
        const message = typeof e.payload.message === 'string' ? e.payload.message : null;
        const rating = typeof e.payload.rating === 'number' ? e.payload.rating : null;
        const reason = typeof e.payload.reason === 'string' ? e.payload.reason : null;
        const question = typeof e.payload.question === 'string' ? e.payload.question : null;
        return (
          <MTimeline.Item key={e.seq} title={t(`event.${e.type}`, { defaultValue: e.type })}>
            <Text size="sm">
              {who(e, data.institutions, t)} · <time dateTime={e.at}>{fmt.format(new Date(e.at))}</time>
            </Text>
            {e.toStatus && e.toStatus !== e.fromStatus && (
              <Text size="sm">
                {t('statusNow')}: {t(`common:status.${e.toStatus}`)}
              </Text>
            )}
            {(message ?? question ?? reason) && (
              <Paper withBorder p="xs" mt={4} bg="gray.0">
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {message ?? question ?? reason}
                </Text>
              </Paper>
            )}
            {rating !== null && (
              <Text size="sm" mt={4}>
                {t('ratingGiven', { rating })}
              </Text>
            )}
          </MTimeline.Item>
        );
      })}
    </MTimeline>
  );
}
