/** Working days left, coloured: overdue (red), due soon (amber), on time (green); text plus colour, never colour only. */
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueNotice } from './api';

// Dark shades keep white text at ≥ 4.5:1 (WCAG AA).
const COLORS = { overdue: '#b91c1c', due_soon: '#9a3412', ok: '#166534' } as const;

export function dueStateOf(days: number | null, dueAt: string | null): keyof typeof COLORS | null {
  if (days === null || dueAt === null) return null;
  if (Date.now() > new Date(dueAt).getTime()) return 'overdue';
  return days <= 1 ? 'due_soon' : 'ok';
}

export function DueBadge({
  days,
  state,
  reporterClock,
}: {
  days: number | null;
  state: keyof typeof COLORS | null;
  reporterClock?: boolean;
}) {
  const { t } = useTranslation('staff');
  if (days === null || state === null) return null;
  const text =
    state === 'overdue'
      ? t('due.overdue', { count: Math.abs(days) })
      : days === 0
        ? t('due.today')
        : t('due.left', { count: days });
  return (
    <Badge
      color={COLORS[state]}
      variant="filled"
      data-due={state}
      title={reporterClock ? t('due.reporter') : undefined}
    >
      {reporterClock ? `${t('due.reporterShort')} · ${text}` : text}
    </Badge>
  );
}

/** The sentence the server gives a provisional deadline, in the page's language. */
export function noticeText(notice: DueNotice, language: string): string {
  return language.startsWith('en') ? notice.en : notice.id;
}

/** Under a deadline: says it is provisional (its year's holiday decree is not entered yet). */
export function ProvisionalNote({ notice }: { notice: DueNotice | null | undefined }) {
  const { i18n } = useTranslation();
  if (!notice) return null;
  return (
    <Text size="sm" c={COLORS.due_soon} role="note" data-testid="due-provisional">
      ⚠ {noticeText(notice, i18n.language)}
    </Text>
  );
}

/** A compact marker for an inbox card; the full sentence is its title and the page's banner. */
export function ProvisionalBadge({ notice }: { notice: DueNotice | null | undefined }) {
  const { t, i18n } = useTranslation('staff');
  if (!notice) return null;
  return (
    <Badge
      variant="outline"
      color={COLORS.due_soon}
      title={noticeText(notice, i18n.language)}
      data-testid="due-provisional"
    >
      {t('due.provisional')}
    </Badge>
  );
}
