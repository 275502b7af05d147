/**
 * "Identitas instans ini": name, slug and base URL, the key fingerprint large enough to read out over the phone, and
 * the signed identity document to download and hand to the peer's operator.
 */
import { Alert, Box, Button, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { type FederationView, federationApi, fingerprintGroups } from './api';

/** Saves `text` as a file called `name` through a temporary link. */
function save(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The fingerprint as two rows of four groups, in a large monospace face. */
export function Fingerprint({ value, size = 'lg' }: { value: string; size?: 'lg' | 'sm' }) {
  const groups = fingerprintGroups(value);
  if (size === 'sm')
    return (
      <Text
        ff="monospace"
        size="sm"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(4, max-content)', columnGap: '0.6em' }}
      >
        {groups.map((g, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups may repeat; their place is their identity
          <span key={i}>{g} </span>
        ))}
      </Text>
    );
  return (
    <SimpleGrid
      cols={4}
      spacing="xs"
      verticalSpacing={4}
      maw={420}
      role="group"
      aria-labelledby="self-fingerprint-label"
      data-testid="self-fingerprint"
    >
      {groups.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: groups may repeat; their place is their identity
        <Text key={i} ff="monospace" fw={700} fz={{ base: 24, sm: 30 }} lh={1.3} ta="center">
          {g}
        </Text>
      ))}
    </SimpleGrid>
  );
}

export function IdentitySection({ self }: { self: FederationView['self'] }) {
  const { t } = useTranslation('federation');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const doc = await federationApi.identity();
      save(`${self.slug}-identity.json`, `${JSON.stringify(doc, null, 2)}\n`);
    } catch (e) {
      setError(e instanceof ApiError && e.status < 500 ? e.message : t('errors.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="self-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="self-title">
          {t('self.title')}
        </Title>
        <Box
          component="dl"
          m={0}
          style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 16px' }}
        >
          <Text component="dt" fw={600}>
            {t('self.name')}
          </Text>
          <Text component="dd" m={0}>
            {self.name}
          </Text>
          <Text component="dt" fw={600}>
            {t('self.slug')}
          </Text>
          <Text component="dd" m={0}>
            <Code>{self.slug}</Code>
          </Text>
          <Text component="dt" fw={600}>
            {t('self.baseUrl')}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
            {self.baseUrl}
          </Text>
        </Box>
        <Text fw={600} mt="xs" id="self-fingerprint-label">
          {t('self.fingerprint')}
        </Text>
        <Fingerprint value={self.fingerprint} />
        <Text size="sm" maw={640}>
          {t('self.readOut')}
        </Text>
        <Group>
          <Button onClick={() => void download()} loading={busy}>
            {t('self.download')}
          </Button>
        </Group>
        <Text size="sm" maw={640}>
          {t('self.downloadHelp', { file: `${self.slug}-identity.json` })}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
