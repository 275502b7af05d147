/** A program's own intake fields (text, number, a choice), labelled in the page's language. */
import { Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized, type ProgramField } from '../../api/programs';

export type FieldValues = Record<string, string>;

export function ExtraFields({
  fields,
  value,
  onChange,
  errors,
}: {
  fields: ProgramField[];
  value: FieldValues;
  onChange: (key: string, v: string) => void;
  errors: Record<string, string | undefined>;
}) {
  const { i18n } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="program-fields">
      {fields.map((f) => {
        const common = {
          label: localized(i18n.language, f.label, f.labelEn),
          required: f.required,
          error: errors[f.key],
          'data-testid': `program-field-${f.key}`,
        };
        if (f.type === 'select')
          return (
            <Select
              key={f.key}
              {...common}
              data={f.options ?? []}
              value={value[f.key] || null}
              onChange={(v) => onChange(f.key, v ?? '')}
              clearable={!f.required}
              comboboxProps={{ withinPortal: true }}
            />
          );
        // A plain numeric input: Mantine's NumberInput would cost this citizen page 9 KB.
        if (f.type === 'number')
          return (
            <TextInput
              key={f.key}
              {...common}
              type="number"
              inputMode="decimal"
              min={0}
              value={value[f.key] ?? ''}
              onChange={(e) => onChange(f.key, e.currentTarget.value)}
            />
          );
        return (
          <TextInput
            key={f.key}
            {...common}
            maxLength={500}
            value={value[f.key] ?? ''}
            onChange={(e) => onChange(f.key, e.currentTarget.value)}
          />
        );
      })}
    </Stack>
  );
}

/** The values to send: numbers as numbers, empty ones left out. */
export function fieldPayload(fields: ProgramField[], value: FieldValues): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of fields) {
    const v = value[f.key]?.trim();
    if (!v) continue;
    out[f.key] = f.type === 'number' && Number.isFinite(Number(v)) ? Number(v) : v;
  }
  return out;
}
