/**
 * The abuse gate inside intake's statements (docs/abuse.md): the counts of each subject's marks in its window, the
 * report a repeat of the same text already filed, and the marks a written filing leaves. The limits and what a stop
 * means are core's (`gateVerdict`); the SQL only counts and places rows. `gate` is the filing's JSON (`FilingGate`)
 * or SQL null (an app's filing): then nothing is counted and nothing marked.
 */
import type { FilingGate, GateStop } from '@pintu/core';

/**
 * `gateOver` (a JSON array of `{index, oldest}`: subjects at their limit that stop this filing) and `repeatOf` (the
 * report the same text from one of its subjects already filed), from the gate JSON `g` and the Idempotency-Key JSON
 * `key`, as columns of `filing_gate(…) f` (migration 0028: a function, so that its plans use the indexes
 * even when cached on a fresh, empty database). A filing whose key is stored already is a retry: the gate lets it
 * reach the key, whose stored answer it gets — never a 409 for being its own repeat.
 */
export const GATE_COLUMNS = `f.gate_over as "gateOver", f.repeat_of as "repeatOf"`;

/** The lateral call whose columns GATE_COLUMNS names. */
export const gateCall = (g: string, key: string) => `lateral filing_gate(${g}, ${key}) f`;

/** Whether the gate's columns (on `x`) let the filing through. */
export const gatePasses = (x: string) => `(${x}."gateOver" = '[]'::jsonb and ${x}."repeatOf" is null)`;

/** The marks of the inserted report(s) `from`: one per subject of its gate `g`, at the filing's `at`. */
export const marks = (g: string, at: string, from = 'r') => `m as (
      insert into filing_marks (key, text_key, report_id, at)
      select l.v->>'key', ${g}->>'text', r.id, ${at}
      from ${from} cross join lateral jsonb_array_elements(${g}->'limits') l(v)
    )`;

/** The gate as a statement parameter: JSON, or null for none. */
export function gateJson(gate: FilingGate | null | undefined): string | null {
  if (!gate) return null;
  return JSON.stringify({
    limits: gate.limits.map((l) => ({
      key: l.key,
      max: l.max,
      since: l.since.toISOString(),
      refuse: l.refuse,
    })),
    flagged: gate.flagged,
    text: gate.text,
    repeatSince: gate.repeatSince?.toISOString() ?? null,
  });
}

/** The gate's stop from a statement's row, or null when it let the filing through. */
export function gateStopOf(row: Record<string, unknown>): GateStop | null {
  const raw = row.gateOver;
  const over = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as {
    index: number;
    oldest: string;
  }[];
  const repeatOf = (row.repeatOf as string | null | undefined) ?? null;
  if (!over.length && !repeatOf) return null;
  return { over: over.map((o) => ({ index: o.index, oldest: new Date(o.oldest) })), repeatOf };
}
