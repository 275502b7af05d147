/**
 * Recording a lifecycle change (ADR 0011, issue 11): one unit of work appends the events to the report's hash
 * chain, updates the report row (a projection of the events), then runs the projectors — stage clocks, rollups,
 * outbox, later webhooks and federation — in the same transaction, so a projection exists exactly when its event
 * does.
 */
import type { LifecycleEvent, ReportState } from '../lifecycle/state';

/** A change to record: the version the caller read (null: do not check), the new state and its events. */
export interface TransitionChange {
  trackingId: string;
  expectedUpdatedAt: Date | null;
  state: ReportState;
  events: readonly LifecycleEvent[];
  now: Date;
}

/** A recorded change as the projectors see it: the report's storage id and the seq of each new event. */
export interface RecordedTransition {
  reportId: number;
  trackingId: string;
  state: ReportState;
  events: readonly { seq: number; event: LifecycleEvent }[];
  /** When the change happened: its last event, or `now` without events. */
  at: Date;
  now: Date;
  /** The peer instances holding a copy of the report, which the federation projector sends the events (ADR 0013). */
  copies: readonly string[];
  /** Whether this instance trusts any peer: without one, the federation projector has nothing to decide. */
  federated: boolean;
  /** Whether any app has a live webhook endpoint: false spares the webhook projector its look (unset: it looks). */
  webhooks?: boolean;
  /**
   * Work to start once the change is committed, for what must not run before its rows are visible (a job that
   * reads them). Unset when the recording does not own its commit: a projector then does that work in the
   * transaction.
   */
  afterCommit?: (() => Promise<void>)[];
}

/**
 * A writer of one projection, run inside the recording transaction. `Tx` is the storage's transaction handle: the
 * core never looks at it.
 */
export interface Projector<Tx = unknown> {
  readonly name: string;
  project(tx: Tx, change: RecordedTransition): Promise<void>;
}

export type RecordResult =
  | { ok: true; reportId: number }
  | { ok: false; reason: 'not_found' | 'stale' }
  /** The report is handled at peer instance `handledAt`: this copy is a mirror only that peer's events change. */
  | { ok: false; reason: 'mirror'; handledAt: string };

export interface Transitions {
  /**
   * Records `change` and runs `projectors` in order, all in one transaction; a stale version or an unknown report
   * writes nothing.
   */
  record(change: TransitionChange, projectors: readonly Projector[]): Promise<RecordResult>;
}
