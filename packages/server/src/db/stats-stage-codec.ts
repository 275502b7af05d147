/** How a completed stage clock is stored as JSON in the per-report stats facts, and read back for the core. */
import type { CompletedStage } from '@pintu/core';

/** A completed stage clock row as JSON. */
export type StoredStage = Omit<CompletedStage, 'startedAt' | 'completedAt'> & {
  startedAt: string;
  completedAt: string;
};

/** A stage clock row as the core reads it. */
export const reviveStage = (c: StoredStage): CompletedStage => ({
  ...c,
  startedAt: new Date(c.startedAt),
  completedAt: new Date(c.completedAt),
});
