/**
 * Create or change a program: name and owner, the area (region codes), its categories, extra intake fields, the
 * handler and deadline of each level, and whether its reports count in the normal evaluation. Field errors from the
 * server's problem+json land on their inputs.
 */
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { type ProgramConfig, programsApi } from '../../api/programs';
import { CategoriesEditor, FieldsEditor, LevelsEditor } from './editors';
import { InstitutionSelect } from './owner-select';
import { formErrors, toConfig, toForm } from './values';

export function ProgramForm({ initial }: { initial?: ProgramConfig }) {
  const { t } = useTranslation('programs');
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: toForm(initial) });
  const editing = !!initial;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const config = toConfig(values);
    try {
      const saved = editing
        ? await programsApi.update(initial.code, config)
        : await programsApi.create(config);
      notifications.show({ color: 'green', message: t('admin.saved') });
      await qc.invalidateQueries({ queryKey: ['admin-programs'] });
      await qc.invalidateQueries({ queryKey: ['program'] });
      await qc.invalidateQueries({ queryKey: ['programs'] });
      navigate(`/admin/programs/${saved.code ?? config.code}`, { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        form.setErrors(formErrors(e.fieldErrors, values));
        setFailure(e.message);
      } else setFailure(t('admin.failed'));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-describedby={failure ? 'program-form-error' : undefined}>
      <Stack gap="md" mt="sm">
        <Title order={1}>
          {editing ? t('admin.editTitle', { name: initial.name }) : t('admin.newTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('admin.code')}
            description={t('admin.codeHelp')}
            required
            disabled={editing}
            {...form.getInputProps('code')}
            data-testid="program-code"
          />
          <InstitutionSelect
            label={t('admin.owner')}
            description={t('admin.ownerHelp')}
            required
            value={form.values.ownerCode}
            onChange={(c) => form.setFieldValue('ownerCode', c)}
            error={form.errors.ownerCode as string | undefined}
            testId="program-owner"
          />
          <TextInput label={t('admin.name')} required {...form.getInputProps('name')} />
          <TextInput label={t('admin.nameEn')} {...form.getInputProps('nameEn')} />
        </SimpleGrid>
        <Textarea
          label={t('admin.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <TextInput
          label={t('admin.source')}
          description={t('admin.sourceHelp')}
          {...form.getInputProps('source')}
        />

        <Divider label={t('admin.area')} labelPosition="left" />
        <TagsInput
          label={t('admin.areaCodes')}
          description={t('admin.areaHelp')}
          required
          clearable
          splitChars={[',', ' ', '|']}
          {...form.getInputProps('areaRegionCodes')}
          data-testid="program-area"
        />

        <Divider label={t('admin.categories')} labelPosition="left" />
        {form.errors.categories && (
          <Alert color="red" variant="light" c="red.9">
            {form.errors.categories}
          </Alert>
        )}
        <CategoriesEditor form={form} />

        <Divider label={t('admin.fields')} labelPosition="left" />
        <FieldsEditor form={form} />

        <Divider label={t('admin.levels')} labelPosition="left" />
        {form.errors.levels && (
          <Alert color="red" variant="light" c="red.9">
            {form.errors.levels}
          </Alert>
        )}
        <LevelsEditor form={form} />

        <Divider label={t('admin.settings')} labelPosition="left" />
        <Checkbox
          label={t('admin.countsInEvaluation')}
          description={t('admin.countsInEvaluationHelp')}
          {...form.getInputProps('countsInEvaluation', { type: 'checkbox' })}
        />
        <Checkbox label={t('admin.activeLabel')} {...form.getInputProps('active', { type: 'checkbox' })} />
        {failure && (
          <Alert color="red" role="alert" id="program-form-error" title={t('admin.failedTitle')}>
            {failure}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={form.submitting} data-testid="program-save">
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
