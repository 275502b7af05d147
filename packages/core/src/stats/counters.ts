/** The counter columns of the rollups and one report's contribution to them, as a vector in column order. */
import type { ReportFact } from '../indicators/report-fact';

/** SQL column names of the rollup counters, in vector order. */
export const COUNTER_COLUMNS = [
  'received',
  'resolved',
  'in_process',
  'not_followed_up',
  'on_hold',
  'archived',
  'follow_up_count',
  'follow_up_days',
  'rated',
  'rating_sum',
  'reopened',
  'verify_met',
  'verify_breached',
  'acknowledge_met',
  'acknowledge_breached',
  'follow_up_met',
  'follow_up_breached',
] as const;

export type CounterVector = number[];

/** What one fact adds to each counter (all zero when the report was not received). */
export function counterVector(fact: ReportFact, sla: Record<string, number>): CounterVector {
  if (fact.bucket === null) return COUNTER_COLUMNS.map(() => 0);
  const b = fact.bucket;
  const one = (yes: boolean) => (yes ? 1 : 0);
  return [
    1,
    one(b === 'resolved'),
    one(b === 'in_process'),
    one(b === 'not_followed_up'),
    one(b === 'on_hold'),
    one(b === 'archived'),
    one(fact.followUpDays !== null),
    fact.followUpDays ?? 0,
    one(fact.rating !== null),
    fact.rating ?? 0,
    one(fact.reopened),
    sla.verifyMet ?? 0,
    sla.verifyBreached ?? 0,
    sla.acknowledgeMet ?? 0,
    sla.acknowledgeBreached ?? 0,
    sla.followUpMet ?? 0,
    sla.followUpBreached ?? 0,
  ];
}

export const plus = (a: CounterVector, b: CounterVector) => a.map((v, i) => v + (b[i] ?? 0));
export const minus = (a: CounterVector, b: CounterVector) => a.map((v, i) => v - (b[i] ?? 0));
export const isZero = (a: CounterVector) => a.every((v) => v === 0);
