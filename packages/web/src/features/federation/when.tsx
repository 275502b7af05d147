/** Instants on the federation page: absolute in the reader's language, and how long ago ("12 menit yang lalu"). */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `iso` relative to `now`, in the largest whole unit (seconds under a minute). */
export function relative(iso: string, now: number, locale: string): string {
  const diff = Date.parse(iso) - now;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return rtf.format(Math.trunc(diff / ms), unit);
  return rtf.format(Math.trunc(diff / 1000), 'second');
}

export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en-GB' : 'id-ID';
}

/** An instant as "12 menit yang lalu" with the date and time below it; a dash when there is none. */
export function When({ iso, now, none = '–' }: { iso: string | null; now: number; none?: string }) {
  const locale = useLocale();
  if (!iso) return <Text size="sm">{none}</Text>;
  return (
    <div>
      <Text size="sm" fw={500}>
        {relative(iso, now, locale)}
      </Text>
      <Text size="xs" c="dark.6">
        <time dateTime={iso}>{new Date(iso).toLocaleString(locale)}</time>
      </Text>
    </div>
  );
}
