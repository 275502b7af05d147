/** Home page: what Pintu is, in a few lines, with one clear "Laporkan!" action and the public count. */
import {
  Anchor,
  Button,
  Container,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { approx, type ReportPage } from '../../api/reports';

export function Component() {
  const { t, i18n } = useTranslation('home');
  const count = useQuery({
    queryKey: ['reports', 'count'],
    queryFn: () => api.get<ReportPage>('/reports', { pageSize: 1 }),
  });
  const steps = ['write', 'verify', 'followUp', 'finish'] as const;
  return (
    <Container size="lg" py="xl">
      <Stack gap="lg" maw={720}>
        <Title order={1} c="pintu.8" fz={{ base: 32, sm: 44 }} lh={1.15}>
          {t('title')}
        </Title>
        <Text size="lg">{t('intro')}</Text>
        <div>
          <Button component={Link} to="/report" size="xl" data-testid="cta-report">
            {t('cta')}
          </Button>
        </div>
        <Text size="sm" role="status" aria-live="polite">
          {count.isError
            ? t('countFailed')
            : count.data
              ? t('count', {
                  count: count.data.total,
                  formatted: approx(t, count.data, i18n.language),
                })
              : '\u00a0'}
        </Text>
        <Text>
          {t('trackLead')}{' '}
          <Anchor component={Link} to="/track">
            {t('trackLink')}
          </Anchor>
        </Text>
      </Stack>
      <Title order={2} mt={48} mb="md" size="h3">
        {t('howTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {steps.map((s, i) => (
          <Paper key={s} withBorder p="md">
            <ThemeIcon radius="xl" size="lg" aria-hidden>
              {i + 1}
            </ThemeIcon>
            <Title order={3} size="h5" mt="sm">
              {t(`steps.${s}.title`)}
            </Title>
            <Text size="sm" mt={4}>
              {t(`steps.${s}.text`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={2} mt={48} mb="sm" size="h3">
        {t('privacyTitle')}
      </Title>
      <List spacing="xs">
        <List.Item>{t('privacy.anonymous')}</List.Item>
        <List.Item>{t('privacy.confidential')}</List.Item>
        <List.Item>{t('privacy.noAccount')}</List.Item>
      </List>
    </Container>
  );
}
