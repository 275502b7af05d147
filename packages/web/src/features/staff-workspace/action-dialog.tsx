/**
 * One dialog per lifecycle action, with the fields its payload needs: targets (verify), a unit (dispose down), a
 * reason and an optional receiving institution (not our authority), a question (hold), a reason code with
 * duplicate search (archive), a complexity class (acknowledge), a message with attachments (follow-ups), a reason
 * (raise a program's grievance to its next level), spam or abuse with a note (flag, and the national admin's
 * release or confirmation; docs/abuse.md).
 */
import { Alert, Button, FileInput, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  type ActionInput,
  ARCHIVE_REASONS,
  COMPLEXITY_CLASSES,
  MODERATION_REASONS,
  type StaffReport,
  staffApi,
} from './api';
import { InstitutionPicker, UnitPicker } from './pickers';
import { SimilarReports } from './similar-reports';

export const DIALOG_ACTIONS = [
  'verify',
  'dispose_down',
  'acknowledge',
  'draft_follow_up',
  'post_follow_up',
  'not_our_authority',
  'hold',
  'archive',
  'raise_level',
  'flag',
  'release_flag',
  'confirm_flag',
] as const;
export type DialogAction = (typeof DIALOG_ACTIONS)[number] | 'return_draft';

export function ActionDialog({
  action,
  report,
  onClose,
  onDone,
}: {
  action: DialogAction | null;
  report: StaffReport;
  onClose: () => void;
  onDone: (warnings: string[]) => void;
}) {
  const { t } = useTranslation('staff');
  const [targets, setTargets] = useState<string[]>([]);
  const [unit, setUnit] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState<string | null>(null);
  const [complexity, setComplexity] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const suggest = useQuery({
    queryKey: ['suggest', report.region?.code, report.category?.id],
    queryFn: () => staffApi.suggest(report.region?.code ?? '', report.category?.id ?? 0),
    enabled: (action === 'verify' || action === 'not_our_authority') && !!report.region && !!report.category,
  });
  const suggested = (suggest.data?.items ?? []).map((s) => s.institution);

  const reset = () => {
    setTargets([]);
    setUnit(null);
    setText('');
    setReason(null);
    setComplexity(null);
    setDuplicateOf(null);
    setFiles([]);
    setErrors({});
    setFailure(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const body = async (): Promise<Record<string, unknown>> => {
    const note = text.trim() || undefined;
    switch (action) {
      case 'verify':
        return { action, targets: targets.map(Number), note };
      case 'dispose_down':
        return { action, unit: Number(unit), note };
      case 'not_our_authority':
        return { action, reason: text, target: targets[0] ? Number(targets[0]) : undefined };
      case 'hold':
        return { action, question: text };
      case 'archive':
        return {
          action,
          reason,
          note,
          duplicateOf: reason === 'duplicate' ? (duplicateOf ?? undefined) : undefined,
        };
      case 'acknowledge':
        return { action, complexity, message: text };
      case 'return_draft':
        return { action, note: text };
      case 'raise_level':
        return { action, reason: text };
      case 'flag':
        return { action, reason, note };
      case 'release_flag':
      case 'confirm_flag':
        return { action, note };
      default: {
        const attachmentIds = [];
        for (const f of files) attachmentIds.push((await staffApi.upload(f)).id);
        return {
          action: action as string,
          message: text,
          attachmentIds: attachmentIds.length ? attachmentIds : undefined,
        };
      }
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      // Sent as filled in (a missing choice included): the server's field errors say what is missing.
      const res = await staffApi.act(report.trackingId, (await body()) as ActionInput);
      reset();
      onDone(res.warnings.map((w) => w.message));
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors);
        setFailure(err.message);
      } else setFailure(t('dialog.failed'));
    } finally {
      setBusy(false);
    }
  };

  const moderation = action === 'flag' || action === 'release_flag' || action === 'confirm_flag';
  const needsText = action !== 'verify' && action !== 'dispose_down' && action !== 'archive' && !moderation;
  const textLabel =
    action === 'hold'
      ? t('dialog.question')
      : action === 'not_our_authority' || action === 'return_draft' || action === 'raise_level'
        ? t('dialog.reason')
        : t('dialog.message');

  return (
    <Modal opened={action !== null} onClose={close} title={action ? t(`actions.${action}`) : ''} size="lg">
      {action && (
        <form onSubmit={submit} noValidate>
          <Stack>
            {action === 'verify' && (
              <InstitutionPicker
                multiple
                label={t('dialog.targets')}
                value={targets}
                onChange={setTargets}
                suggested={suggested}
                error={errors.targets}
              />
            )}
            {action === 'dispose_down' && (
              <UnitPicker
                institutionId={report.institution?.id ?? null}
                value={unit}
                onChange={setUnit}
                error={errors.unit}
              />
            )}
            {action === 'not_our_authority' && (
              <InstitutionPicker
                label={t('dialog.receiver')}
                value={targets}
                onChange={setTargets}
                suggested={suggested}
                error={errors.target}
              />
            )}
            {action === 'raise_level' && <Text size="sm">{t('dialog.raiseHelp')}</Text>}
            {moderation && <Text size="sm">{t(`dialog.${action}Help`)}</Text>}
            {action === 'flag' && (
              <Select
                label={t('dialog.flagReason')}
                data={MODERATION_REASONS.map((r) => ({ value: r, label: t(`moderationReason.${r}`) }))}
                value={reason}
                onChange={setReason}
                required
                error={errors.reason}
                data-testid="flag-reason"
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {action === 'acknowledge' && (
              <Select
                label={t('dialog.complexity')}
                description={t('dialog.complexityHelp')}
                descriptionProps={{ c: 'dark.6' }}
                data={COMPLEXITY_CLASSES.map((c) => ({ value: c, label: t(`complexity.${c}`) }))}
                value={complexity}
                onChange={setComplexity}
                required
                error={errors.complexity}
                data-testid="complexity"
                comboboxProps={{ withinPortal: true }}
              />
            )}
            {action === 'archive' && (
              <>
                <Select
                  label={t('dialog.archiveReason')}
                  data={ARCHIVE_REASONS.filter((r) => r !== 'no_response').map((r) => ({
                    value: r,
                    label: t(`archiveReason.${r}`),
                  }))}
                  value={reason}
                  onChange={setReason}
                  required
                  error={errors.reason}
                  comboboxProps={{ withinPortal: true }}
                />
                {reason === 'duplicate' && (
                  <SimilarReports
                    trackingId={report.trackingId}
                    value={duplicateOf}
                    onChange={setDuplicateOf}
                  />
                )}
              </>
            )}
            {(needsText ||
              moderation ||
              action === 'verify' ||
              action === 'dispose_down' ||
              action === 'archive') && (
              <Textarea
                label={needsText ? textLabel : t('dialog.note')}
                required={needsText}
                autosize
                minRows={3}
                maxLength={action === 'draft_follow_up' || action === 'post_follow_up' ? 8000 : 2000}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={errors.message ?? errors.reason ?? errors.question ?? errors.note}
                data-testid="action-text"
              />
            )}
            {(action === 'draft_follow_up' || action === 'post_follow_up') && (
              <FileInput
                label={t('dialog.attachments')}
                description={t('dialog.attachmentsHelp')}
                descriptionProps={{ c: 'dark.6' }}
                multiple
                clearable
                value={files}
                onChange={setFiles}
                accept="image/jpeg,image/png,image/webp,application/pdf"
              />
            )}
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <Button type="submit" loading={busy} data-testid="action-submit">
              {t('dialog.confirm')}
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
