/**
 * Rebuilds the monitoring rollups from scratch: every report's fact from its lifecycle state (the projection of
 * its events) and the stage clocks, then the daily and monthly sums from the facts. For a database that had
 * reports before the rollups existed, a repair, and the benchmark. The incremental path (`rollup.ts`) gives the
 * same rows; test/db/stats-rollup.test.ts checks both against figures recomputed from the event log. The SQL is in
 * db/postgres-stats-rebuild.ts.
 */
import {
  custodyStages,
  type ReportFact,
  reportFactOf,
  type StageCompliance,
  type WorkingDays,
} from '@pintu/core';
import { reviveState } from '../../db/lifecycle-codec';
import type { Db } from '../../db/open';
import {
  type FactSourceRow,
  factRowOf,
  factSources,
  insertFacts,
  rebuildRollupTables,
  rebuildState,
  truncateFacts,
} from '../../db/postgres-stats-rebuild';
import { reviveStage } from '../../db/stats-stage-codec';

/** Recomputes every fact in batches of `batch` reports; returns the number of reports. */
export async function rebuildFacts(db: Db, calendar: WorkingDays, batch = 20_000): Promise<number> {
  await truncateFacts(db);
  let last = 0;
  let total = 0;
  for (;;) {
    const rows = await factSources(db, last, batch);
    if (rows.length === 0) return total;
    const facts = rows.map((r) => {
      const state = reviveState(r.lifecycle);
      return { r, f: reportFactOf(state, calendar), sla: custodyStages(state, r.clocks.map(reviveStage)) };
    });
    await insertFacts(
      db,
      facts.map(({ r, f, sla }) => factRowOf(r.id, r, f, sla)),
    );
    last = rows.at(-1)!.id;
    total += rows.length;
  }
}

/** Recomputes the daily and monthly rollups from the facts. */
export async function rebuildRollups(db: Db): Promise<void> {
  await rebuildRollupTables(db);
}

/**
 * Builds the rollups of a database whose reports predate them (filed before migration 0008), or whose rollups
 * migration 0015 emptied to count each holder's own custody (ADR 0009): when there are reports but no facts.
 * Afterwards every save keeps them up to date. Returns the number of reports, or 0.
 */
export async function rebuildIfMissing(db: Db, calendar: WorkingDays): Promise<number> {
  const row = await rebuildState(db);
  if (!row.hasReports || row.hasFacts) return 0;
  const n = await rebuildFacts(db, calendar);
  await rebuildRollups(db);
  return n;
}
