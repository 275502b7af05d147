/** Confirmation after filing: the tracking number and access code, to copy or print, and what happens next. */
import { Alert, Button, Code, Container, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { FiledReport } from '../../api/reports';

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap">
        <Code fz="lg" py={6} px="sm" data-testid={testId} style={{ wordBreak: 'break-all' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant="light"
              onClick={copy}
              className="no-print"
              aria-label={`${t('actions.copy')} ${label}`}
            >
              {copied ? t('actions.copied') : t('actions.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

export function Component() {
  const { t, i18n } = useTranslation('report-form');
  const state = useLocation().state as (FiledReport & { title: string }) | null;
  if (!state?.trackingId) return <Navigate to="/track" replace />;
  return (
    <Container size="sm" py="lg">
      <Stack>
        <Title order={1}>{t('sent.title')}</Title>
        <Text>
          {state.institution
            ? t('sent.intro', { institution: state.institution.name })
            : t('sent.introNational')}
        </Text>
        {state.program && (
          <Text data-testid="sent-program">
            {t('sent.program', {
              level: t(`sent.level.${state.program.level}`, { defaultValue: state.program.level }),
              date: new Date(state.program.levelDueAt).toLocaleDateString(i18n.language),
            })}
          </Text>
        )}
        <Paper withBorder p="md">
          <Stack>
            <Text fw={600}>{state.title}</Text>
            <Secret label={t('sent.trackingId')} value={state.trackingId} testId="tracking-id" />
            <Secret label={t('sent.accessCode')} value={state.accessCode} testId="access-code" />
          </Stack>
        </Paper>
        <Alert color="orange" variant="light" c="orange.9" title={t('sent.keepTitle')}>
          {t('sent.keep')}
        </Alert>
        <Group className="no-print">
          <Button onClick={() => window.print()} variant="outline">
            {t('sent.print')}
          </Button>
          <Button component={Link} to={`/reports/${state.trackingId}`} data-testid="open-report">
            {t('sent.open')}
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
