/**
 * "Peta kewenangan": which instance handles which institution code (and its subtree). An institution nobody lists
 * is handled by the instance that lists nothing — the national one (core's `authorityOf`).
 */
import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FederationView } from './api';

export function AuthoritySection({ view }: { view: FederationView }) {
  const { t } = useTranslation('federation');
  const instances = [
    { slug: view.self.slug, name: view.self.name, self: true },
    ...view.peers.map((p) => ({ slug: p.slug, name: p.name, self: false })),
  ];
  const label = (slug: string) => {
    const i = instances.find((x) => x.slug === slug);
    if (!i) return slug;
    return i.self ? t('authority.thisInstance', { name: i.name }) : i.name;
  };
  const listing = new Set(view.authority.map((e) => e.instance));
  // As the server routes: this instance is the national one when it lists nothing; otherwise the first trusted peer
  // that lists nothing is; with neither, what nobody lists stays here.
  const national = !listing.has(view.self.slug)
    ? view.self.slug
    : view.peers
        .filter((p) => p.state === 'trusted' && !listing.has(p.slug))
        .map((p) => p.slug)
        .sort()[0];
  const entries = [...view.authority].sort(
    (a, b) => a.instance.localeCompare(b.instance) || a.institutionCode.localeCompare(b.institutionCode),
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="authority-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="authority-title">
          {t('authority.title')}
        </Title>
        <Text maw={720}>{t('authority.lead')}</Text>
        {entries.length === 0 ? (
          <Text data-testid="authority-empty">{t('authority.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table striped data-testid="authority" maw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('authority.code')}</Table.Th>
                  <Table.Th>{t('authority.instance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.institutionCode}>
                    <Table.Td>
                      <Code style={{ whiteSpace: 'nowrap' }}>{e.institutionCode}</Code>
                    </Table.Td>
                    <Table.Td>
                      {label(e.instance)} <Code style={{ whiteSpace: 'nowrap' }}>{e.instance}</Code>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text fw={500} maw={720} data-testid="authority-fallback">
          {national === undefined
            ? t('authority.fallbackNone', { self: view.self.name })
            : t('authority.fallback', { name: label(national) })}
        </Text>
      </Stack>
    </Paper>
  );
}
