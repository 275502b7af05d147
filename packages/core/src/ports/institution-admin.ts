/**
 * Institution administration: units, moves of whole subtrees, activation, SK records, settings and the
 * append-only audit. A use case runs its checks and writes in one `transaction`, so a change and its audit row
 * commit together, or nothing does.
 */

/** Administrative changes recorded in the institution audit. */
export type InstitutionAuditAction =
  | 'create_unit'
  | 'rename'
  | 'move'
  | 'deactivate'
  | 'reactivate'
  | 'record_sk'
  | 'update_settings';

/** An institution or unit as its administrators work on it. */
export interface InstitutionRecord {
  id: number;
  parentId: number | null;
  /** Ids from the root down to itself. */
  path: number[];
  code: string;
  kind: string;
  name: string;
  regionCode: string | null;
  timeZone: string;
  active: boolean;
  skNumber: string | null;
  skDate: string | null;
  settings: Record<string, unknown>;
  /** Its institution (itself, or the nearest non-unit above a unit) has an SK recorded. */
  connected: boolean;
}

/** The attachment an SK names, with whether it is already used elsewhere. */
export interface SkAttachmentCheck {
  kind: string;
  mime: string;
  reportId: number | null;
  /** Another institution whose SK already is this document. */
  usedByOther: boolean;
}

export interface SkRecord {
  number: string;
  date: string;
  attachmentId: string;
  recordedAt: string;
}

export interface InstitutionAuditEntry {
  institutionId: number;
  action: InstitutionAuditAction;
  actorId: string;
  actorRole: string;
  actorInstitutionId: number | null;
  at: Date;
  before: unknown;
  after: unknown;
}

export interface InstitutionAuditRow {
  id: number;
  action: string;
  actorId: string;
  actorRole: string;
  actorInstitutionId: number | null;
  at: string;
  before: unknown;
  after: unknown;
}

/** A unit as its parent's administrator lists it. */
export interface InstitutionChild {
  id: number;
  code: string;
  kind: string;
  name: string;
  regionCode: string | null;
  timeZone: string;
  active: boolean;
  connected: boolean;
  childCount: number;
  openReports: number;
}

/** What administration reads and writes; inside `transaction` all of it is one unit of work. */
export interface InstitutionAdminStore {
  /** One node, optionally locked (for the rest of the transaction). */
  node(id: number, lock?: boolean): Promise<InstitutionRecord | null>;
  /** The nodes on a path, root first. */
  pathNodes(path: readonly number[]): Promise<InstitutionRecord[]>;
  regionExists(code: string): Promise<boolean>;
  /** Whether an active child of `parentId` other than `exceptId` has this name (case-insensitive). */
  siblingNameTaken(parentId: number, name: string, exceptId?: number): Promise<boolean>;
  /** Inserts a unit under `parent`; returns its id. */
  insertUnit(u: {
    parent: InstitutionRecord;
    name: string;
    regionCode: string | null;
    timeZone: string;
    now: Date;
  }): Promise<number>;
  rename(id: number, name: string): Promise<void>;
  /** Moves a node with its subtree under `parent`, and the holder ancestry of every report held there. */
  moveSubtree(node: InstitutionRecord, parent: InstitutionRecord, now: Date): Promise<void>;
  countOpenReports(id: number): Promise<number>;
  countActiveDescendants(id: number): Promise<number>;
  setActive(id: number, active: boolean): Promise<void>;
  skAttachment(attachmentId: string, institutionId: number): Promise<SkAttachmentCheck | null>;
  recordSk(
    id: number,
    sk: { number: string; date: string; attachmentId: string },
    by: string,
    now: Date,
  ): Promise<void>;
  latestSk(id: number): Promise<SkRecord | null>;
  /** Replaces these top-level settings keys (a key absent from `values` is removed). */
  replaceSettings(id: number, keys: readonly string[], values: Record<string, unknown>): Promise<void>;
  existingCategories(ids: readonly number[]): Promise<Set<number>>;
  appendAudit(entry: InstitutionAuditEntry): Promise<void>;
  listAudit(id: number, limit: number, offset: number): Promise<InstitutionAuditRow[]>;
  listChildren(id: number, includeInactive: boolean): Promise<InstitutionChild[]>;
}

export interface InstitutionAdminPort extends InstitutionAdminStore {
  /**
   * Runs `work` in one transaction. With `retryTransient`, a transaction aborted only by a concurrent one
   * (deadlock, serialization) runs again, from the start.
   */
  transaction<T>(
    work: (tx: InstitutionAdminStore) => Promise<T>,
    options?: { retryTransient?: boolean },
  ): Promise<T>;
}
