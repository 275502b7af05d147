/** The citizen-data port: a signed-in citizen's own reports, data export and erasure (UU PDP). */

export interface MyReport {
  trackingId: string;
  type: string;
  title: string;
  status: string;
  isAnonymous: boolean;
  isConfidential: boolean;
  institution: { id: number; name: string } | null;
  createdAt: string;
}

/** An event of one of my reports as the log holds it (a presenter decides what the reporter sees). */
export interface MyReportEvent {
  seq: number;
  action: string;
  actorId: string | null;
  actorRole: string;
  institutionId: number | null;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
}

/** What the export adds to a report of mine. */
export interface MyReportDetail {
  body: string;
  incidentDate: string | null;
  address: string | null;
  reporterSealed: string | null;
  isAnonymous: boolean;
  events: MyReportEvent[];
}

export interface MyNotification {
  trackingId: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface CitizenData {
  /** The reports an account filed, newest first. */
  myReports(userId: string, limit: number): Promise<MyReport[]>;
  /** One report's content, sealed identity and events, or null. */
  reportDetail(trackingId: string): Promise<MyReportDetail | null>;
  /** When the account was created (ISO), or null. */
  accountCreatedAt(userId: string): Promise<string | null>;
  notifications(userId: string): Promise<MyNotification[]>;
  /** The account's password hash, or null when it has none. */
  passwordHash(userId: string): Promise<string | null>;
  /**
   * In one transaction: pseudonymises the account's reports (no identity, no link), deletes its login audit and
   * verifications and the account itself (its sessions, grants, notifications go with it). Returns how many
   * reports were pseudonymised.
   */
  erase(account: { userId: string; email: string }): Promise<number>;
}
