/** The holidays table and the decrees behind it (domain.md §6): the working-day calendar's data and its admin. */
import type { HolidaySource } from '../calendar/holiday-file';
import type { Holiday } from '../calendar/types';
import type { AffectedDeadline } from '../sla-schedule/recompute';

/** A stored day off. */
export interface StoredHoliday extends Holiday {
  id: number;
  regionCode: string | null;
}

/** A write refused by the table: the day is already there, or the region code is unknown. */
export type HolidayWrite = { ok: true; id: number } | { ok: false; reason: 'taken' | 'unknown_region' };

/** One row of the audit of holiday changes, with the deadlines the change moved. */
export interface HolidayChangeRecord {
  change: 'add' | 'move' | 'delete' | 'decree';
  holidayId: number | null;
  before: unknown;
  after: unknown;
  actorId: string;
  at: Date;
  affected: AffectedDeadline[];
}

export interface HolidayReads {
  /** Every day off, for the working-day calendar. */
  all(): Promise<Holiday[]>;
  /** The years with their annual SKB 3 Menteri entered. */
  annualDecreeYears(): Promise<number[]>;
  hasAnnualDecree(year: number): Promise<boolean>;
  find(id: number): Promise<StoredHoliday | null>;
  ofYear(year: number): Promise<StoredHoliday[]>;
  /** Which of `codes` are known region codes. */
  knownRegionCodes(codes: string[]): Promise<Set<string>>;
}

/** The holidays as one transaction sees them, and what it may change. */
export interface HolidaysInTransaction extends HolidayReads {
  add(holiday: Holiday): Promise<HolidayWrite>;
  /** Replaces the holiday's fields (moves or renames it). */
  replace(id: number, holiday: Holiday): Promise<HolidayWrite>;
  remove(id: number): Promise<void>;
  /** Records a decree of `year`, or updates the one with the same ref. */
  saveDecree(year: number, source: HolidaySource): Promise<void>;
  recordChange(change: HolidayChangeRecord): Promise<void>;
  /**
   * Recomputes every open deadline a change of the holidays on `dates` may move, with the calendar as this
   * transaction sees it; each moved report is saved (no event: the audit row is the record). Returns what moved.
   */
  recomputeDeadlines(dates: string[], now: Date): Promise<AffectedDeadline[]>;
}

export interface Holidays extends HolidayReads {
  /**
   * Runs `change` in one transaction: its holiday rows, every deadline they move and the audit row commit together
   * or not at all (a throw rolls back and is rethrown).
   */
  transaction<T>(change: (tx: HolidaysInTransaction) => Promise<T>): Promise<T>;
}
