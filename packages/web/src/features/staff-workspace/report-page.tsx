/**
 * A report as staff see it: content, reporter as the server shows it, handling (deadline, custody, draft), only the
 * actions the core allows this user now, internal notes, and the timeline. Outside the caller's scope it says so.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Grid,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { ActionDialog, DIALOG_ACTIONS, type DialogAction } from './action-dialog';
import { type StaffReport, staffApi } from './api';
import { DueBadge, dueStateOf, ProvisionalNote } from './due-badge';
import { StaffNav } from './staff-nav';
import { StaffTimeline } from './timeline';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dark.6">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function NoteForm({ trackingId, onDone }: { trackingId: string; onDone: () => void }) {
  const { t } = useTranslation('staff');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await staffApi.act(trackingId, { action: 'comment_internal', message: text });
      setText('');
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label={t('note.label')}
          description={t('note.help')}
          descriptionProps={{ c: 'dark.6' }}
          autosize
          minRows={2}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={error}
        />
        <Group>
          <Button type="submit" variant="outline" size="sm" loading={busy} disabled={!text.trim()}>
            {t('note.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Draft({ report, onDone }: { report: StaffReport; onDone: () => void }) {
  const { t } = useTranslation('staff');
  const draft = report.handling?.draft;
  const allowed = report.handling?.allowedActions ?? [];
  const [busy, setBusy] = useState(false);
  if (!draft) return null;
  const approve = async () => {
    setBusy(true);
    try {
      await staffApi.act(report.trackingId, { action: 'approve_follow_up' });
      onDone();
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="draft">
      <Text fw={700}>{draft.state === 'pending' ? t('draft.pending') : t('draft.returned')}</Text>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {draft.message}
      </Text>
      {draft.attachmentIds.length > 0 && (
        <Text size="sm" mt={4} data-testid="draft-attachments">
          {t('draft.attachments', { count: draft.attachmentIds.length })}
        </Text>
      )}
      {draft.returnNote && (
        <Text size="sm" mt={4}>
          {t('draft.returnNote', { note: draft.returnNote })}
        </Text>
      )}
      {allowed.includes('approve_follow_up') && draft.state === 'pending' && (
        <Group mt="sm">
          <Button size="sm" onClick={approve} loading={busy} data-testid="approve-draft">
            {t('actions.approve_follow_up')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

export function ReportPage() {
  const { trackingId = '' } = useParams();
  const navigate = useNavigate();
  const { t, i18n } = useTranslation('staff');
  const qc = useQueryClient();
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const report = useQuery({
    queryKey: ['staff-report', trackingId],
    queryFn: () => staffApi.report(trackingId),
  });
  const events = useQuery({
    queryKey: ['staff-events', trackingId],
    queryFn: () => staffApi.events(trackingId),
    enabled: report.data?.view === 'staff',
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['staff-report', trackingId] });
    void qc.invalidateQueries({ queryKey: ['staff-events', trackingId] });
    void qc.invalidateQueries({ queryKey: ['inbox'] });
  };

  if (report.isPending) return <PageLoader />;
  const denied =
    (report.isError && report.error instanceof ApiError && [403, 404].includes(report.error.status)) ||
    (report.data && report.data.view !== 'staff');
  if (denied)
    return (
      <Container size="lg" py="md">
        <StaffNav />
        <Alert color="red" role="alert" title={t('report.deniedTitle')} data-testid="report-denied">
          {t('report.denied')}
        </Alert>
      </Container>
    );
  if (report.isError)
    return (
      <Container size="lg" py="md">
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      </Container>
    );
  const r = report.data;
  const h = r.handling;
  const allowed = h?.allowedActions ?? [];
  const dialogActions = DIALOG_ACTIONS.filter((a) => (allowed as readonly string[]).includes(a));
  const state = h ? dueStateOf(h.workingDaysLeft, h.dueAt) : null;

  return (
    <Container size="lg" py="md">
      <StaffNav />
      <Anchor component={Link} to="/staff" size="sm">
        ← {t('report.back')}
      </Anchor>
      <Group gap="xs" mt="sm" wrap="wrap">
        <Badge variant="outline" color="dark" data-testid="report-status">
          {t(`status.${r.status}`)}
        </Badge>
        {h && (
          <DueBadge days={h.workingDaysLeft} state={state} reporterClock={h.stage === 'reporter_response'} />
        )}
        {r.isAnonymous && (
          <Badge variant="outline" color="dark">
            {t('flags.anonymous')}
          </Badge>
        )}
        {r.isConfidential && (
          <Badge variant="outline" color="dark">
            {t('flags.confidential')}
          </Badge>
        )}
        {h?.moderation && h.moderation.status !== 'released' && (
          <Badge variant="light" color="red" c="red.9" data-testid="moderation-badge">
            {t(`moderation.${h.moderation.status}`, { reason: t(`moderationReason.${h.moderation.reason}`) })}
          </Badge>
        )}
      </Group>
      <Title order={1} mt="xs" size="h2" style={{ wordBreak: 'break-word' }}>
        {r.title}
      </Title>
      <Text size="sm" c="dark.6">
        {r.trackingId} · {t(`type.${r.type}`)} · {new Date(r.createdAt).toLocaleDateString(i18n.language)}
      </Text>
      <Grid mt="md" gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.body}</Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Fact label={t('report.category')}>{r.category?.name ?? '—'}</Fact>
              <Fact label={t('report.region')}>{r.region?.name ?? '—'}</Fact>
              <Fact label={t('report.address')}>{r.address ?? '—'}</Fact>
              <Fact label={t('report.incidentDate')}>{r.incidentDate ?? '—'}</Fact>
              <Fact label={t('report.holder')}>{r.institution?.name ?? t('inbox.nationalQueue')}</Fact>
              <Fact label={t('report.reporter')}>{r.reporter.display}</Fact>
            </SimpleGrid>
            {r.attachments.length > 0 && (
              <div>
                <Title order={2} size="h4" mb="xs">
                  {t('report.attachments')}
                </Title>
                <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                  {r.attachments.map((a, i) =>
                    a.mime.startsWith('image/') ? (
                      <Anchor key={a.id} href={a.url} target="_blank">
                        <Image
                          src={a.url}
                          alt={t('report.attachmentAlt', { n: i + 1 })}
                          radius="sm"
                          h={120}
                          fit="cover"
                        />
                      </Anchor>
                    ) : (
                      <Anchor key={a.id} href={a.url} target="_blank">
                        {t('report.attachmentFile', { n: i + 1, mime: a.mime })}
                      </Anchor>
                    ),
                  )}
                </SimpleGrid>
              </div>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('report.actions')}
              </Title>
              {dialogActions.length === 0 && !allowed.includes('approve_follow_up') ? (
                <Text size="sm">{t('report.noActions')}</Text>
              ) : (
                <Group gap="xs" data-testid="actions">
                  {dialogActions.map((a) => (
                    <Button
                      key={a}
                      size="sm"
                      variant={['archive', 'not_our_authority', 'hold'].includes(a) ? 'outline' : 'filled'}
                      onClick={() => setDialog(a)}
                      data-action={a}
                    >
                      {t(`actions.${a}`)}
                    </Button>
                  ))}
                  {allowed.includes('return_draft') && (
                    <Button
                      size="sm"
                      variant="outline"
                      onClick={() => setDialog('return_draft')}
                      data-action="return_draft"
                    >
                      {t('actions.return_draft')}
                    </Button>
                  )}
                </Group>
              )}
            </Paper>
            <Draft report={r} onDone={refresh} />
            {h && (
              <Paper withBorder p="md">
                <Title order={2} size="h4" mb="sm">
                  {t('report.handling')}
                </Title>
                <Stack gap={6}>
                  <Fact label={t('report.stage')}>{h.stage ? t(`stage.${h.stage}`) : '—'}</Fact>
                  <Fact label={t('report.due')}>
                    {h.dueAt ? formatDeadline(h.dueAt, h.timeZone, i18n.language) : '—'}
                  </Fact>
                  <ProvisionalNote notice={h.dueNotice} />
                  {h.complexity && (
                    <Fact label={t('dialog.complexity')}>{t(`complexity.${h.complexity}`)}</Fact>
                  )}
                  {h.rating !== null && <Fact label={t('report.rating')}>{'★'.repeat(h.rating)}</Fact>}
                  {h.duplicateOf && <Fact label={t('report.duplicateOf')}>{h.duplicateOf}</Fact>}
                  <Fact label={t('report.custody')}>
                    {h.custody
                      .map((c) =>
                        t('report.custodyItem', {
                          name: c.institution?.name ?? t('inbox.nationalQueue'),
                          count: c.workingDays,
                        }),
                      )
                      .join(' → ')}
                  </Fact>
                </Stack>
              </Paper>
            )}
            {allowed.includes('comment_internal') && <NoteForm trackingId={r.trackingId} onDone={refresh} />}
          </Stack>
        </Grid.Col>
        {/* On a phone the actions come right after the report, before its long timeline. */}
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Title order={2} size="h4" mb="sm">
            {t('report.timeline')}
          </Title>
          {events.data ? (
            <StaffTimeline timeline={events.data} />
          ) : events.isError ? (
            <QueryError error={events.error} onRetry={() => void events.refetch()} />
          ) : (
            <PageLoader />
          )}
        </Grid.Col>
      </Grid>
      <ActionDialog
        action={dialog}
        report={r}
        onClose={() => setDialog(null)}
        onDone={(warnings) => {
          // Returned or raised to a program's next level, the report may leave this holder's scope.
          const leaving = dialog === 'not_our_authority' || dialog === 'raise_level';
          setDialog(null);
          const message =
            dialog === 'raise_level' ? t('dialog.raised') : leaving ? t('dialog.returned') : t('dialog.done');
          notifications.show({ color: 'green', message });
          for (const w of warnings) notifications.show({ color: 'orange', message: w });
          refresh();
          // Sent back, the report leaves this holder's scope: back to the inbox rather than a page they cannot open.
          if (leaving) navigate('/staff');
        }}
      />
    </Container>
  );
}

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** A deadline in the holder's own zone, named (WIB/WITA/WIT), whatever zone the browser is in. */
function formatDeadline(iso: string, timeZone: string | undefined, language: string): string {
  const text = new Date(iso).toLocaleString(language, timeZone ? { timeZone } : {});
  const zone = timeZone ? ZONE_NAMES[timeZone] : undefined;
  return zone ? `${text} ${zone}` : text;
}
