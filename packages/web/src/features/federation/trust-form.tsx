/**
 * "Percayai instans lain": the peer's identity document (a file, or its text pasted) and the fingerprint its operator
 * read out over the phone. The server checks the signature, the fingerprint and the institutions it claims; each
 * refusal shows next to its field. Both sides do this, each with the other's document.
 */
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FederationPeer, federationApi, type TrustErrors, trustErrorsOf } from './api';
import { Fingerprint } from './identity-section';

export function TrustForm({ selfName }: { selfName: string }) {
  const { t } = useTranslation('federation');
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [doc, setDoc] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [errors, setErrors] = useState<TrustErrors>({});
  const [busy, setBusy] = useState(false);
  const [trusted, setTrusted] = useState<FederationPeer | null>(null);

  const pick = async (f: File | null) => {
    setFile(f);
    setErrors((e) => ({ ...e, document: undefined }));
    if (!f) return;
    try {
      setDoc(await f.text());
    } catch {
      setErrors((e) => ({ ...e, document: t('trust.error.unreadable') }));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: TrustErrors = {};
    if (doc.trim() === '') missing.document = t('trust.error.document.required');
    if (fingerprint.trim() === '') missing.fingerprint = t('trust.error.fingerprint.required');
    setErrors(missing);
    if (missing.document || missing.fingerprint) return;
    setBusy(true);
    setTrusted(null);
    try {
      const peer = await federationApi.trust({ document: doc, fingerprint: fingerprint.trim() });
      setTrusted(peer);
      setFile(null);
      setDoc('');
      setFingerprint('');
      await qc.invalidateQueries({ queryKey: ['federation'] });
    } catch (err) {
      setErrors(trustErrorsOf(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="trust-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="trust-title">
            {t('trust.title')}
          </Title>
          <Text maw={720}>{t('trust.lead')}</Text>
          <List type="ordered" size="sm" spacing={4} maw={720}>
            <List.Item>{t('trust.step1')}</List.Item>
            <List.Item>{t('trust.step2')}</List.Item>
            <List.Item>{t('trust.step3', { self: selfName })}</List.Item>
          </List>
          <FileInput
            label={t('trust.file')}
            description={t('trust.fileHelp')}
            placeholder={t('trust.filePlaceholder')}
            accept="application/json,.json"
            value={file}
            onChange={(f) => void pick(f)}
            clearable
            maw={480}
          />
          <Textarea
            label={t('trust.document')}
            description={t('trust.documentHelp')}
            required
            value={doc}
            onChange={(e) => setDoc(e.currentTarget.value)}
            error={errors.document}
            autosize
            minRows={3}
            maxRows={8}
            spellCheck={false}
            autoCapitalize="none"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
          />
          <TextInput
            label={t('trust.fingerprint')}
            description={t('trust.fingerprintHelp')}
            required
            value={fingerprint}
            onChange={(e) => setFingerprint(e.currentTarget.value)}
            error={errors.fingerprint}
            placeholder="3f2a 9c41 …"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={200}
            maw={480}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          {(errors.handles || errors._) && (
            <Alert color="red" role="alert" title={t('trust.refused')} data-testid="trust-error">
              {errors.handles ?? errors._}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {t('trust.submit')}
            </Button>
          </Group>
          {trusted && <Trusted peer={trusted} selfName={selfName} />}
        </Stack>
      </form>
    </Paper>
  );
}

function Trusted({ peer, selfName }: { peer: FederationPeer; selfName: string }) {
  const { t } = useTranslation('federation');
  return (
    <Alert color="green" role="status" title={t('trust.done', { name: peer.name })} data-testid="trust-done">
      <Stack gap={4}>
        <Text size="sm">
          {peer.name} · <code>{peer.slug}</code> · {peer.baseUrl}
        </Text>
        <Fingerprint value={peer.fingerprint} size="sm" />
        <Text size="sm">{t('trust.doneOtherSide', { name: peer.name, self: selfName })}</Text>
      </Stack>
    </Alert>
  );
}
