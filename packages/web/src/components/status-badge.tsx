/** A report's status as a coloured badge with its translated label (colour is never the only cue: text is). */
import { Badge } from '@mantine/core';
import type { Schema } from '@pintu/api-types';
import { useTranslation } from 'react-i18next';

export type ReportStatus = Schema<'Report'>['status'];

const COLOR: Record<ReportStatus, string> = {
  submitted: 'gray',
  dispositioned: 'blue',
  in_progress: 'indigo',
  awaiting_reporter: 'orange',
  resolved: 'green',
  on_hold: 'yellow',
  archived: 'dark',
};

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  // Light tint with near-black text keeps contrast ≥ 4.5:1 whatever the colour.
  return (
    <Badge color={COLOR[status]} variant="light" c="#1f2937" radius="sm" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}
