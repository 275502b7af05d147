/** The period of the statistics: a year (to date for the current one). */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function yearPeriod(year: string | null): { from?: string; to?: string } {
  if (!year) return {};
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function PeriodPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (v: string | null) => void;
}) {
  const { t } = useTranslation('dashboard');
  const now = new Date().getFullYear();
  const years = [now, now - 1, now - 2, now - 3].map(String);
  return (
    <Select
      label={t('year')}
      placeholder={t('yearToDate')}
      data={years}
      value={value}
      onChange={onChange}
      clearable
      w={180}
    />
  );
}
