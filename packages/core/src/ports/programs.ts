/**
 * What the program use cases need from storage (issue 15): program configurations, the handler a level's rule
 * names for a village, a grievance's first write, and the rows of a program's queue, report and village map.
 */
import type { ProgramGrant, ProgramOwnerRef, ProgramView } from '../programs/access';
import type { ProgramConfig, ProgramHandlerRule, ProgramLevel } from '../programs/program';
import type { ProgramReferences } from '../programs/validate-program';
import type {
  CheckedInstitution,
  FilingGate,
  FirstEvent,
  GateStop,
  KeyedAnswer,
  NewReportRow,
} from './reports';

/** A stored program: its configuration with its id, owner and times. */
export interface StoredProgram extends ProgramConfig {
  id: number;
  owner: ProgramOwnerRef & { code: string; name: string; timeZone: string };
  createdAt: Date;
  updatedAt: Date;
}

/** A program grievance's own columns, written with the report. */
export interface ProgramColumns {
  programId: number;
  level: string;
  levelDueAt: Date;
  category: string;
  fields: Record<string, unknown>;
}

/** Filters of a program's queue. */
export interface ProgramQueueQuery {
  level?: string | undefined;
  status?: string | undefined;
  /** Opaque cursor: the last row's `createdAt|id`. */
  cursor?: string | undefined;
  limit: number;
}

/** One row of a program's queue; never any reporter field. */
export interface ProgramQueueRow {
  id: number;
  trackingId: string;
  title: string;
  status: string;
  level: string | null;
  levelDueAt: string | null;
  regionCode: string;
  regionName: string | null;
  programCategory: string | null;
  holderId: number | null;
  holderName: string | null;
  createdAt: string;
}

/** One grievance as the program report counts it: plain facts, no identity. */
export interface ProgramReportRow {
  id: number;
  status: string;
  level: string | null;
  programCategory: string | null;
  regionCode: string;
  regionName: string | null;
  reporterGender: string | null;
  channel: string;
  facilitatorId: string | null;
  lat: number | null;
  lng: number | null;
  /** The lifecycle state (JSON as stored, to revive), for time to resolve and the level deadline. */
  lifecycle: unknown;
  createdAt: Date;
}

export interface Programs {
  /** Programs by code (any state), or null. */
  find(code: string): Promise<StoredProgram | null>;
  /** A program grievance's program and village, by report id; null for any other report. */
  grievanceOf(reportId: number): Promise<{ program: StoredProgram; regionCode: string } | null>;
  /** All programs (for administration) or the active ones. */
  list(opts: { activeOnly: boolean }): Promise<StoredProgram[]>;
  /** Active programs whose area covers the region. */
  covering(regionCode: string): Promise<StoredProgram[]>;
  /** What exists of the codes a configuration names. */
  references(
    config: ProgramConfig,
  ): Promise<ProgramReferences & { owner: (ProgramOwnerRef & { code: string }) | null }>;
  /** The caller's grants with their institutions, for the program rules. */
  grantsOf(grants: readonly { role: string; institutionId: number | null }[]): Promise<ProgramGrant[]>;
  /** Writes a new program; false when its code is taken. */
  create(config: ProgramConfig, ownerId: number, by: string, now: Date): Promise<boolean>;
  /** Replaces a program's configuration (its code stays); false when there is none. */
  update(code: string, config: ProgramConfig, ownerId: number, now: Date): Promise<boolean>;
  /** The institution a level's rule names for the village (a village unit is created on first use), or null. */
  handlerFor(
    level: ProgramLevel,
    rule: ProgramHandlerRule,
    villageCode: string,
  ): Promise<CheckedInstitution | null>;
  /** Writes a grievance with its first event, its program columns and gender, and its rollups, atomically. */
  insertGrievance(
    report: NewReportRow,
    first: FirstEvent,
    attachmentIds: string[],
    program: ProgramColumns | null,
    reporterGender: string | null,
    keyed?: KeyedAnswer,
    gate?: FilingGate | null,
  ): Promise<
    { id: number } | { conflict: 'attachments' | 'idempotency_key' | 'external_ref' } | { gate: GateStop }
  >;
  /** A page of the program's queue within the view, newest first. */
  queue(programId: number, view: ProgramView, query: ProgramQueueQuery): Promise<ProgramQueueRow[]>;
  /**
   * The grievances filed within the period (local dates in `timeZone`, either end open) within the view; only those
   * a facilitator filed when `facilitatorId` is given.
   */
  reportRows(
    programId: number,
    view: ProgramView,
    period: { from?: string | undefined; to?: string | undefined; timeZone: string },
    facilitatorId?: string,
  ): Promise<ProgramReportRow[]>;
}
