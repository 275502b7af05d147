/**
 * Runs the SLA sweep: once at start (after projecting any report without a stage row), which catches up on
 * everything that fell due during downtime, then every minute. A plain timer, not pg-boss: correctness lives in
 * the sweep (per-report locks, re-reads, unique notices), so the trigger only decides how soon, and any number of
 * processes may run one. Runs never overlap within a process.
 */

import { backfillStageClocks } from './stage-clocks';
import type { SweepDeps, SweepResult } from './sweep';
import { sweep } from './sweep';

export interface SlaScheduler {
  /** Runs one sweep now (the timer's job); resolves when it is done. */
  runOnce(): Promise<SweepResult | null>;
  stop(): Promise<void>;
}

/** Starts the scheduler; `clock` is read once per sweep. */
export async function startSlaScheduler(
  deps: SweepDeps,
  clock: () => Date,
  opts: { intervalMs?: number; log?: (line: string) => void } = {},
): Promise<SlaScheduler> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let running: Promise<SweepResult | null> | null = null;
  let stopped = false;
  const runOnce = () => {
    running ??= sweep(deps, clock(), { shouldStop: () => stopped })
      .catch((err) => {
        console.error('[sla] sweep failed', err);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const projected = await backfillStageClocks(deps.db, clock());
  // The catch-up runs in the background: serving need not wait for it, and the timer's runs wait for it.
  void runOnce().then((first) => {
    if (projected || first?.processed)
      log(`SLA: ${projected} tahap diproyeksikan, ${first?.processed ?? 0} tenggat diproses saat mulai.`);
  });
  const timer = setInterval(() => void runOnce(), opts.intervalMs ?? 60_000);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
