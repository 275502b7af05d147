/** The active programs (/programs): each with its own intake link and, for those who handle it, its queue and report. */
import { Anchor, Button, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized, programsApi } from '../../api/programs';
import { useMe } from '../../api/session';
import { PageLoader } from '../../components/page-loader';
import { QueryError } from '../../components/query-error';

export function Component() {
  const { t, i18n } = useTranslation('programs');
  const { data: me } = useMe();
  const list = useQuery({ queryKey: ['programs', 'list'], queryFn: () => programsApi.list() });
  return (
    <Container size="lg" py="lg">
      <Stack>
        <Title order={1}>{t('list.title')}</Title>
        <Text>{t('list.intro')}</Text>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <Text>{t('list.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="program-list">
            {list.data.items.map((p) => (
              <Paper key={p.code} withBorder p="md" component="article" data-code={p.code}>
                <Stack gap="xs">
                  <Title order={2} size="h3">
                    {localized(i18n.language, p.name, p.nameEn)}
                  </Title>
                  {p.owner && <Text size="sm">{t('intake.owner', { name: p.owner.name })}</Text>}
                  {p.description && (
                    <Text size="sm" lineClamp={4}>
                      {p.description}
                    </Text>
                  )}
                  <Group gap="sm" mt="xs">
                    <Button component={Link} to={`/program/${p.code}`}>
                      {t('list.file')}
                    </Button>
                    {me && (
                      <>
                        <Anchor component={Link} to={`/programs/${p.code}`}>
                          {t('nav.queue')}
                        </Anchor>
                        <Anchor component={Link} to={`/programs/${p.code}/report`}>
                          {t('nav.report')}
                        </Anchor>
                      </>
                    )}
                  </Group>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Container>
  );
}
