/**
 * TEST SUPPORT: what a report contributes to its holder's figures, recomputed from its events alone (not from the
 * projected row, the facts or the stage-clock rows): the events of the current holder's custody — from its last
 * disposition on — decide the bucket, the first follow-up, the reopen and the SLA stages (ADR 0009).
 */
import { type IndicatorRow, LIFECYCLE, type StageCompliance, type TimeZone } from '@pintu/core';
import type { readEvents } from '../../src/db/postgres-lifecycle';

type StoredEvent = Awaited<ReturnType<typeof readEvents>>[number];
type Payload = {
  requestedInstitutionId?: string | null;
  targetIds?: string[];
  targetId?: string | null;
  unitId?: string;
  rating?: number;
  dueAt?: string;
  stage?: string;
};

/** A stage as the events tell it: started by one event, ended by another. */
interface StageRun {
  stage: string;
  startIndex: number;
  dueAt: Date;
  endIndex?: number;
  breached?: boolean;
  /** The holder when it ended. */
  holderId?: string | null;
}

export type RowFromEvents = IndicatorRow & { rating: number | null; reopened: boolean; sla: StageCompliance };

/** The clock effect of an event's row in the core's lifecycle table. */
function clockEffect(e: StoredEvent) {
  const p = e.payload as Payload;
  const variant =
    e.action === 'verify'
      ? (p.targetIds?.length ?? 0) > 1
        ? 'several'
        : 'one'
      : e.action === 'not_our_authority'
        ? p.targetId
          ? 'to_target'
          : 'to_national_queue'
        : undefined;
  const row = LIFECYCLE.find(
    (r) => r.action === e.action && (variant === undefined || r.variant === variant),
  );
  if (!row) throw new Error(`no lifecycle row for ${e.action}`);
  return row.clock;
}

/** Every stage of a report from its events, with who held it when it ended. */
function stagesOf(events: readonly StoredEvent[]): StageRun[] {
  const runs: StageRun[] = [];
  let running: StageRun | null = null;
  let paused: StageRun | null = null;
  let holder = (events[0]?.payload as Payload | undefined)?.requestedInstitutionId ?? null;
  const end = (run: StageRun | null, i: number, at: Date) => {
    if (!run) return;
    run.endIndex = i;
    run.breached = at.getTime() > run.dueAt.getTime();
    run.holderId = holder;
  };
  const start = (stage: string, i: number, dueAt: string) => {
    running = { stage, startIndex: i, dueAt: new Date(dueAt) };
    runs.push(running);
  };
  events.forEach((e, i) => {
    const p = e.payload as Payload;
    // A program grievance opens dispositioned at its first level's handler (issue 15): its first stage is acknowledge.
    const opening = e.toStatus === 'dispositioned' ? 'acknowledge' : 'verify';
    const effect = e.action === 'submitted' ? { start: opening } : clockEffect(e);
    if (effect === 'stop') {
      end(running, i, e.at);
      end(paused, i, e.at);
      running = paused = null;
    } else if (effect === 'pause') {
      paused = running;
      start('hold_response', i, p.dueAt!);
    } else if (effect === 'resume') {
      end(running, i, e.at);
      running = paused;
      paused = null;
      if (running) (running as StageRun).dueAt = new Date(p.dueAt!);
    } else if (effect !== 'keep') {
      end(running, i, e.at);
      start(effect.start, i, p.dueAt!);
    }
    if (e.action === 'verify' && p.targetIds?.length === 1) holder = p.targetIds[0]!;
    if (e.action === 'not_our_authority') holder = p.targetId ?? null;
    if (e.action === 'dispose_down') holder = p.unitId ?? holder;
    if (e.action === 'raise_level') holder = p.targetId ?? holder;
  });
  return runs;
}

const PREFIX: Record<string, 'verify' | 'acknowledge' | 'followUp'> = {
  verify: 'verify',
  acknowledge: 'acknowledge',
  follow_up: 'followUp',
};

/** The indicator row and SLA stages of a report's current holder, from the events of its custody. */
export function rowFromEvents(
  events: readonly StoredEvent[],
  holder: { id: number | null; path: number[]; timeZone: TimeZone; regionCode: string | null },
): RowFromEvents {
  // The custody began with the last disposition: a verify to one institution or a forward to a named one.
  let custodyStart = -1;
  events.forEach((e, i) => {
    const p = e.payload as Payload;
    if (e.action === 'verify' && p.targetIds?.length === 1) custodyStart = i;
    if (e.action === 'not_our_authority') custodyStart = p.targetId ? i : -1;
    // A program grievance is received at filing, and by each level it is raised to.
    if ((e.action === 'submitted' && e.toStatus === 'dispositioned') || e.action === 'raise_level')
      custodyStart = i;
  });
  const own = custodyStart < 0 ? [] : events.slice(custodyStart);
  const first = (...actions: string[]) => own.find((e) => actions.includes(e.action))?.at ?? null;
  let rating: number | null = null;
  for (const e of own) {
    const p = e.payload as Payload;
    if ((e.action === 'accept' || e.action === 'rate') && p.rating !== undefined) rating = p.rating;
    if (e.action === 'reopen') rating = null;
  }
  const lineage = holder.path.map(String);
  const sla: StageCompliance = {
    verifyMet: 0,
    verifyBreached: 0,
    acknowledgeMet: 0,
    acknowledgeBreached: 0,
    followUpMet: 0,
    followUpBreached: 0,
  };
  if (custodyStart >= 0)
    for (const run of stagesOf(events)) {
      const prefix = PREFIX[run.stage];
      if (!prefix || run.endIndex === undefined) continue;
      // Stages started in the custody, and the verify stage its disposition ended if the receiver held it.
      const mine =
        run.startIndex >= custodyStart ||
        (run.stage === 'verify' &&
          run.endIndex === custodyStart &&
          run.holderId != null &&
          lineage.includes(run.holderId));
      if (mine) sla[`${prefix}${run.breached ? 'Breached' : 'Met'}`] += 1;
    }
  return {
    status: (events.at(-1)?.toStatus ?? 'submitted') as IndicatorRow['status'],
    dispositionedAt: own[0]?.at ?? null,
    acknowledgedAt: first('acknowledge'),
    firstFollowUpAt: first('post_follow_up', 'approve_follow_up'),
    resolvedAt: null,
    holderId: holder.id === null ? null : String(holder.id),
    holderAncestorIds: holder.path.slice(0, -1).map(String),
    timeZone: holder.timeZone,
    regionCode: holder.regionCode,
    rating,
    reopened: own.some((e) => e.action === 'reopen'),
    sla,
  };
}
