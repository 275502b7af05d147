/**
 * The repeating parts of a program's configuration: its categories (each mapped to a national category), its extra
 * intake fields, and its levels with the handler and deadline of each.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PROGRAM_LEVELS } from '../../api/programs';
import type { Category } from '../../api/reports';
import { InstitutionSelect } from './owner-select';
import type { FormValues } from './values';

type Form = UseFormReturnType<FormValues>;

function Remove({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red.9" aria-label={label} onClick={onClick} mt={26}>
      ×
    </ActionIcon>
  );
}

export function CategoriesEditor({ form }: { form: Form }) {
  const { t, i18n } = useTranslation('programs');
  const tree = useQuery({
    queryKey: ['categories'],
    queryFn: () => api.get<{ items: Category[] }>('/categories'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const name = (c: Category) => (i18n.language === 'en' && c.nameEn) || c.name;
  const national = (tree.data?.items ?? []).map((topic) => ({
    group: name(topic),
    items: [topic, ...topic.children].map((c) => ({ value: String(c.id), label: name(c) })),
  }));
  return (
    <Stack gap="sm" data-testid="categories-editor">
      {form.values.categories.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <Paper key={i} withBorder p="sm">
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput
                label={t('admin.catCode')}
                required
                {...form.getInputProps(`categories.${i}.code`)}
              />
              <Select
                label={t('admin.catNational')}
                data={national}
                searchable
                required
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps(`categories.${i}.categoryId`)}
              />
              <TextInput
                label={t('admin.catName')}
                required
                {...form.getInputProps(`categories.${i}.name`)}
              />
              <TextInput label={t('admin.catNameEn')} {...form.getInputProps(`categories.${i}.nameEn`)} />
            </SimpleGrid>
            <Remove label={t('admin.remove')} onClick={() => form.removeListItem('categories', i)} />
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="outline"
          size="sm"
          onClick={() =>
            form.insertListItem('categories', { code: '', name: '', nameEn: '', categoryId: null })
          }
        >
          {t('admin.addCategory')}
        </Button>
      </Group>
    </Stack>
  );
}

export function FieldsEditor({ form }: { form: Form }) {
  const { t } = useTranslation('programs');
  return (
    <Stack gap="sm" data-testid="fields-editor">
      {form.values.fields.length === 0 && <Text size="sm">{t('admin.noFields')}</Text>}
      {form.values.fields.map((f, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <Paper key={i} withBorder p="sm">
          <Group align="flex-start" wrap="nowrap" gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
              <TextInput label={t('admin.fieldKey')} required {...form.getInputProps(`fields.${i}.key`)} />
              <Select
                label={t('admin.fieldType')}
                data={(['text', 'select', 'number'] as const).map((x) => ({
                  value: x,
                  label: t(`fieldType.${x}`),
                }))}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps(`fields.${i}.type`)}
              />
              <TextInput
                label={t('admin.fieldLabel')}
                required
                {...form.getInputProps(`fields.${i}.label`)}
              />
              <TextInput label={t('admin.fieldLabelEn')} {...form.getInputProps(`fields.${i}.labelEn`)} />
              {f.type === 'select' && (
                <TagsInput
                  label={t('admin.fieldOptions')}
                  description={t('admin.tagsHelp')}
                  {...form.getInputProps(`fields.${i}.options`)}
                />
              )}
              <Checkbox
                mt={f.type === 'select' ? 30 : 0}
                label={t('admin.fieldRequired')}
                {...form.getInputProps(`fields.${i}.required`, { type: 'checkbox' })}
              />
            </SimpleGrid>
            <Remove label={t('admin.remove')} onClick={() => form.removeListItem('fields', i)} />
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="outline"
          size="sm"
          onClick={() =>
            form.insertListItem('fields', {
              key: '',
              label: '',
              labelEn: '',
              type: 'text',
              options: [],
              required: false,
            })
          }
        >
          {t('admin.addField')}
        </Button>
      </Group>
    </Stack>
  );
}

export function LevelsEditor({ form }: { form: Form }) {
  const { t } = useTranslation('programs');
  return (
    <Stack gap="sm" data-testid="levels-editor">
      <Text size="sm">{t('admin.levelsHelp')}</Text>
      {PROGRAM_LEVELS.map((level, i) => {
        const row = form.values.levels[i];
        if (!row) return null;
        const kinds = (['village_unit', 'regional_government', 'institution'] as const).filter(
          (k) => k !== 'village_unit' || level === 'village',
        );
        return (
          <Paper key={level} withBorder p="sm" data-level={level}>
            <Checkbox
              fw={700}
              label={t(`level.${level}`)}
              {...form.getInputProps(`levels.${i}.enabled`, { type: 'checkbox' })}
            />
            {row.enabled && (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt="xs">
                <Select
                  label={t('admin.handler')}
                  data={kinds.map((k) => ({ value: k, label: t(`handler.${k}`) }))}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps(`levels.${i}.kind`)}
                />
                {row.kind === 'institution' && (
                  <InstitutionSelect
                    label={t('admin.handlerInstitution')}
                    required
                    value={row.code}
                    onChange={(code) => form.setFieldValue(`levels.${i}.code`, code)}
                    error={form.errors[`levels.${i}.code`] as string | undefined}
                  />
                )}
                <NumberInput
                  label={t('admin.deadlineDays')}
                  min={1}
                  max={250}
                  required
                  {...form.getInputProps(`levels.${i}.deadlineDays`)}
                />
              </SimpleGrid>
            )}
            {form.errors[`levels.${i}`] && (
              <Text size="sm" c="red.9" role="alert">
                {form.errors[`levels.${i}`]}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
