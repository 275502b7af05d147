/** A report page: details, attachments, timeline; with the access code (or as its signed-in reporter) the actions. */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Container,
  Divider,
  Group,
  Image,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { recallAccessCode, rememberAccessCode } from '../../api/reports';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';
import { StatusBadge } from '../../components/status-badge';
import { ReporterActions } from './reporter-actions';
import { reporterAllowed } from './reporter-allowed';
import { ReportTimeline } from './timeline';
import { useReport } from './use-report';

function CodeForm({ onCode }: { onCode: (c: string) => void }) {
  const { t } = useTranslation('report-view');
  const [code, setCode] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) onCode(code.trim().toUpperCase());
      }}
    >
      <Group align="flex-end" gap="xs">
        <PasswordInput
          label={t('codeLabel')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          autoComplete="off"
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" variant="light">
          {t('codeSubmit')}
        </Button>
      </Group>
    </form>
  );
}

export function Component() {
  const { trackingId = '' } = useParams();
  const { t, i18n } = useTranslation('report-view');
  const [code, setCode] = useState(() => recallAccessCode(trackingId));
  const { report, timeline, headers, path } = useReport(trackingId, code);
  if (report.isPending) return <PageLoader />;
  if (report.isError)
    return (
      <Container size="md" py="lg">
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
        {code && (
          <Button variant="subtle" onClick={() => setCode(null)}>
            {t('forgetCode')}
          </Button>
        )}
      </Container>
    );
  const r = report.data;
  const date = (s: string) =>
    new Date(s).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long' });
  const mine = r.view === 'reporter';
  return (
    <Container size="md" py="lg">
      <Stack gap="md">
        <Group gap="xs">
          <StatusBadge status={r.status} />
          <Badge variant="outline" color="gray.8" tt="none">
            {t(`common:reportType.${r.type}`)}
          </Badge>
          {r.isAnonymous && (
            <Badge variant="outline" color="gray.8" tt="none">
              {t('anonymous')}
            </Badge>
          )}
          {r.isConfidential && (
            <Badge variant="outline" color="gray.8" tt="none">
              {t('confidential')}
            </Badge>
          )}
        </Group>
        <Title order={1} size="h2">
          {r.title ?? t('confidentialTitle')}
        </Title>
        <Text size="sm">
          <span data-testid="report-tracking-id">{r.trackingId}</span> ·{' '}
          {/* A confidential report's public view has no category or region (null) */}
          {[r.category?.name, r.region?.name, `${t('filed')} ${date(r.createdAt)}`]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        <Text size="sm">
          {t('institution')}: <strong>{r.institution?.name ?? t('nationalQueue')}</strong>
          {r.handling?.workingDaysLeft != null &&
            ` · ${t('daysLeft', { count: r.handling.workingDaysLeft })}`}
        </Text>
        {r.body && (
          <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="report-body">
            {r.body}
          </Text>
        )}
        {r.address && (
          <Text size="sm">
            {t('address')}: {r.address}
          </Text>
        )}
        {r.attachments.length > 0 && (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {r.attachments.map((a, i) =>
              a.mime.startsWith('image/') ? (
                <Anchor key={a.id} href={a.url} target="_blank" rel="noreferrer">
                  <Image
                    src={a.url}
                    alt={t('attachmentAlt', { n: i + 1 })}
                    h={120}
                    fit="cover"
                    radius="sm"
                    data-testid="report-attachment"
                  />
                </Anchor>
              ) : (
                <Anchor key={a.id} href={a.url} target="_blank" rel="noreferrer">
                  {t('attachmentFile', { n: i + 1 })}
                </Anchor>
              ),
            )}
          </SimpleGrid>
        )}
        {mine ? (
          <Alert color="blue" variant="light" c="blue.9">
            {t('reporterView')}
          </Alert>
        ) : (
          <CodeForm
            onCode={(c) => {
              rememberAccessCode(trackingId, c);
              setCode(c);
            }}
          />
        )}
        {mine && (
          <ReporterActions
            allowed={reporterAllowed(r, timeline.data)}
            path={path}
            headers={headers}
            trackingId={trackingId}
          />
        )}
        <Divider />
        <Title order={2} size="h3">
          {t('timeline')}
        </Title>
        {timeline.isError ? (
          <QueryError error={timeline.error} />
        ) : timeline.data ? (
          <ReportTimeline data={timeline.data} />
        ) : (
          <PageLoader />
        )}
      </Stack>
    </Container>
  );
}
