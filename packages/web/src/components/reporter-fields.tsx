/**
 * The privacy switches (anonymous, confidential) and, when not anonymous, the reporter's name, e-mail and phone — the
 * same on the normal report form and on a program's page. A facilitator files for someone else: the browser must not
 * fill in the facilitator's own details, so autocomplete is off for them.
 */
import { Stack, Switch, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { REPORT_LIMITS } from '@pintu/core';
import { useTranslation } from 'react-i18next';

export interface ReporterValues {
  isAnonymous: boolean;
  isConfidential: boolean;
  name: string;
  email: string;
  phone: string;
}

export function ReporterFields<V extends ReporterValues>({
  form,
  facilitator,
}: {
  form: UseFormReturnType<V>;
  facilitator: boolean;
}) {
  const { t } = useTranslation('report-form');
  const field = (name: keyof ReporterValues, opts?: { type: 'checkbox' }) =>
    (form.getInputProps as (path: string, o?: { type: 'checkbox' }) => object)(name, opts);
  return (
    <>
      <Switch
        label={t('privacy.anonymous')}
        description={t('privacy.anonymousHelp')}
        {...field('isAnonymous', { type: 'checkbox' })}
        data-testid="anonymous"
      />
      <Switch
        label={t('privacy.confidential')}
        description={t('privacy.confidentialHelp')}
        {...field('isConfidential', { type: 'checkbox' })}
        data-testid="confidential"
      />
      {!form.getValues().isAnonymous && (
        <Stack gap="sm">
          <Text size="sm">{facilitator ? t('reporter.introOnBehalf') : t('reporter.intro')}</Text>
          <TextInput
            label={t('reporter.name')}
            required
            autoComplete={facilitator ? 'off' : 'name'}
            maxLength={REPORT_LIMITS.nameMax}
            {...field('name')}
          />
          <TextInput
            label={t('reporter.email')}
            type="email"
            autoComplete={facilitator ? 'off' : 'email'}
            {...field('email')}
          />
          <TextInput
            label={t('reporter.phone')}
            type="tel"
            autoComplete={facilitator ? 'off' : 'tel'}
            {...field('phone')}
          />
        </Stack>
      )}
    </>
  );
}
