/** The core's ReportState to and from the `lifecycle` jsonb column: only known date fields are revived. */
import type { ReportState } from '@pintu/core';

const TOP_DATES = [
  'submittedAt',
  'dispositionedAt',
  'acknowledgedAt',
  'firstFollowUpAt',
  'lastFollowUpAt',
  'resolvedAt',
  'archivedAt',
  'reopenUntil',
  'ratingUntil',
] as const;

const toDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

type Loose = Record<string, unknown>;

/** Turns the stored JSON back into a ReportState with Date objects (user text is never parsed as a date). */
export function reviveState(json: unknown): ReportState {
  const s = structuredClone(json) as Loose;
  for (const k of TOP_DATES) s[k] = toDate(s[k]);
  for (const key of ['clock', 'pausedClock'] as const) {
    const c = s[key] as Loose | null;
    if (c) for (const k of ['startedAt', 'dueAt', 'pausedAt']) if (k in c) c[k] = toDate(c[k]);
  }
  for (const spell of (s.custody as Loose[] | undefined) ?? []) {
    spell.from = toDate(spell.from);
    spell.to = toDate(spell.to);
  }
  const draft = s.draft as Loose | null;
  if (draft) draft.at = toDate(draft.at);
  const program = s.program as Loose | null | undefined;
  if (program) program.levelDueAt = toDate(program.levelDueAt);
  const moderation = s.moderation as Loose | null | undefined;
  if (moderation) moderation.flaggedAt = toDate(moderation.flaggedAt);
  return s as unknown as ReportState;
}
