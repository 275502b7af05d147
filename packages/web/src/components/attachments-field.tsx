/**
 * Attachments: each chosen file uploads at once (POST /attachments) and shows a preview; a standing warning says
 * that photos can identify the sender (faces, places, what only they could have seen).
 */
import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import type { ResponseBody } from '@pintu/api-types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../api/client';

export interface Uploaded {
  key: string;
  file: File;
  preview: string | null;
  id?: string;
  error?: string;
}

const MAX_FILES = 5;

export function AttachmentsField(props: {
  value: Uploaded[];
  onChange: (fn: (prev: Uploaded[]) => Uploaded[]) => void;
  anonymous: boolean;
}) {
  const { t } = useTranslation('report-form');
  const [busy, setBusy] = useState(0);

  // Free the preview URLs when the form goes away (not on every change: the previews still show).
  const latest = useRef(props.value);
  latest.current = props.value;
  useEffect(
    () => () => {
      for (const u of latest.current) if (u.preview) URL.revokeObjectURL(u.preview);
    },
    [],
  );

  const add = async (files: File[]) => {
    const room = MAX_FILES - props.value.length;
    for (const file of files.slice(0, Math.max(0, room))) {
      const key = `${file.name}-${file.size}-${Math.random()}`;
      const preview = file.type.startsWith('image/') ? URL.createObjectURL(file) : null;
      props.onChange((prev) => [...prev, { key, file, preview }]);
      setBusy((n) => n + 1);
      const body = new FormData();
      body.append('file', file);
      try {
        const res = await request<ResponseBody<'/api/v1/attachments', 'post'>>('/api/v1/attachments', {
          method: 'POST',
          body,
        });
        props.onChange((prev) => prev.map((u) => (u.key === key ? { ...u, id: res.id } : u)));
      } catch (e) {
        const error = e instanceof ApiError ? e.message : t('attachments.failed');
        props.onChange((prev) => prev.map((u) => (u.key === key ? { ...u, error } : u)));
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id="attachments-label">
        {t('attachments.label')}
      </Text>
      <Alert
        color="yellow"
        variant="light"
        c="yellow.9"
        title={t('attachments.warningTitle')}
        data-testid="photo-warning"
      >
        {props.anonymous ? t('attachments.warningAnonymous') : t('attachments.warning')}
      </Alert>
      <Group>
        <FileButton
          onChange={(files) => void add(files)}
          accept="image/jpeg,image/png,image/webp,application/pdf,video/mp4"
          multiple
          inputProps={
            { 'aria-labelledby': 'attachments-label', 'data-testid': 'attachments-input' } as object
          }
        >
          {(p) => (
            <Button {...p} variant="outline" disabled={props.value.length >= MAX_FILES}>
              {t('attachments.add')}
            </Button>
          )}
        </FileButton>
        <Text size="sm">{t('attachments.limits', { max: MAX_FILES })}</Text>
        {busy > 0 && <Loader size="sm" aria-label={t('attachments.uploading')} />}
      </Group>
      {props.value.length > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} role="list" aria-label={t('attachments.list')}>
          {props.value.map((u) => (
            <Paper key={u.key} withBorder p={6} role="listitem" data-testid="attachment-preview">
              {u.preview ? (
                <Image
                  src={u.preview}
                  alt={t('attachments.previewAlt', { name: u.file.name })}
                  h={96}
                  fit="cover"
                  radius="sm"
                />
              ) : (
                <Text size="xs" h={96}>
                  {u.file.name}
                </Text>
              )}
              <Group justify="space-between" mt={4} wrap="nowrap" gap={4}>
                <Text size="xs" c={u.error ? 'red.9' : undefined} truncate>
                  {u.error ?? (u.id ? t('attachments.ready') : t('attachments.uploading'))}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('attachments.remove', { name: u.file.name })}
                  onClick={() => props.onChange((prev) => prev.filter((x) => x.key !== u.key))}
                >
                  ×
                </ActionIcon>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
