/**
 * Staff activity and the delay attributed to each holder along forwards (domain.md §5, §9): what one save's events
 * add to `stats_activity`. A report's birth is not activity: a filing is counted as received by the rollups, a child
 * born of a split was counted as its parent's verify.
 */
import type { LocalDate } from '../calendar/types';
import type { LifecycleEvent } from '../lifecycle/state';

export interface ActivityRow {
  institutionId: number;
  day: LocalDate;
  actorRole: string;
  action: string;
  events: number;
  boilerplate: number;
  heldDays: number;
}

const wibDay = (t: Date) => new Date(t.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The events counted by the holder at the time (or the actor's institution), summed per key, in key order. */
export function activityRows(events: readonly LifecycleEvent[]): ActivityRow[] {
  const rows = new Map<string, ActivityRow>();
  for (const e of events) {
    if (e.from === null) continue;
    const institution = e.holderId ?? e.institutionId;
    if (institution === null || !/^\d+$/.test(institution)) continue;
    const p = e.payload as { boilerplate?: boolean; heldWorkingDays?: number };
    const held = e.type === 'not_our_authority' ? Math.max(0, Number(p.heldWorkingDays ?? 0)) : 0;
    const day = wibDay(e.at);
    const key = `${institution.padStart(10, '0')}|${day}|${e.actorRole}|${e.type}`;
    const row = rows.get(key) ?? {
      institutionId: Number(institution),
      day,
      actorRole: e.actorRole,
      action: e.type,
      events: 0,
      boilerplate: 0,
      heldDays: 0,
    };
    row.events += 1;
    row.boilerplate += p.boilerplate ? 1 : 0;
    row.heldDays += held;
    rows.set(key, row);
  }
  return [...rows.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, r]) => r);
}
