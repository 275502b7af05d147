/**
 * The regional app's own store (SQLite through better-sqlite3): its reports with the Pintu mirror columns, the
 * webhook inbox that makes applying one webhook twice impossible, and the reconcile watermark.
 */
import Database from 'better-sqlite3';

/** A report as the regional app keeps it; the `pintu*` columns mirror Pintu's side. */
export interface LocalReport {
  id: number;
  /** The app's own reference, sent to Pintu as `externalRef` (e.g. `WAL-000042`). */
  ref: string;
  citizenName: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  categoryId: number;
  institutionId: number | null;
  isAnonymous: boolean;
  createdAt: string;
  /** `pending` until Pintu answered the filing, `filed` after, `failed` when Pintu refused it for good. */
  filing: 'pending' | 'filed' | 'failed';
  filingError: string | null;
  trackingId: string | null;
  pintuStatus: string | null;
  /** The seq of the Pintu event whose status is mirrored; older events are ignored. */
  pintuSeq: number | null;
  lastWebhookId: string | null;
  updatedAt: string;
}

/** What a citizen types into the regional app. */
export interface NewLocalReport {
  citizenName: string;
  title: string;
  body: string;
  incidentDate: string;
  regionCode: string;
  categoryId: number;
  institutionId?: number | null;
  isAnonymous?: boolean;
}

/** The outcome of one webhook: applied, a duplicate (already in the inbox), stale (older seq) or not ours. */
export type WebhookOutcome = 'applied' | 'duplicate' | 'stale' | 'unknown_report' | 'ignored';

/** A status observation from Pintu: a webhook's `data` or a reconcile item. */
export interface StatusObservation {
  trackingId: string;
  externalRef?: string | null;
  status: string;
  seq: number;
}

const SCHEMA = `
create table if not exists reports (
  id integer primary key autoincrement,
  ref text not null unique,
  citizen_name text not null,
  title text not null,
  body text not null,
  incident_date text not null,
  region_code text not null,
  category_id integer not null,
  institution_id integer,
  is_anonymous integer not null default 0,
  created_at text not null,
  filing text not null default 'pending' check (filing in ('pending', 'filed', 'failed')),
  filing_error text,
  tracking_id text unique,
  pintu_status text,
  pintu_seq integer,
  last_webhook_id text,
  updated_at text not null
);
create table if not exists webhook_inbox (
  webhook_id text primary key,
  type text not null,
  tracking_id text,
  seq integer,
  outcome text not null,
  received_at text not null
);
create table if not exists sync_state (key text primary key, value text not null);
`;

const now = () => new Date().toISOString();

type Row = Record<string, unknown>;
const toReport = (r: Row): LocalReport => ({
  id: Number(r.id),
  ref: String(r.ref),
  citizenName: String(r.citizen_name),
  title: String(r.title),
  body: String(r.body),
  incidentDate: String(r.incident_date),
  regionCode: String(r.region_code),
  categoryId: Number(r.category_id),
  institutionId: r.institution_id == null ? null : Number(r.institution_id),
  isAnonymous: r.is_anonymous === 1,
  createdAt: String(r.created_at),
  filing: r.filing as LocalReport['filing'],
  filingError: (r.filing_error as string | null) ?? null,
  trackingId: (r.tracking_id as string | null) ?? null,
  pintuStatus: (r.pintu_status as string | null) ?? null,
  pintuSeq: r.pintu_seq == null ? null : Number(r.pintu_seq),
  lastWebhookId: (r.last_webhook_id as string | null) ?? null,
  updatedAt: String(r.updated_at),
});

/** The store: one SQLite file (or `:memory:`), opened in WAL mode. */
export class Store {
  readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  /** Saves a citizen's report locally (before any call to Pintu) and gives it its `WAL-` reference. */
  addReport(input: NewLocalReport): LocalReport {
    const t = now();
    const insert = this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(`insert into reports (ref, citizen_name, title, body, incident_date, region_code, category_id,
          institution_id, is_anonymous, created_at, updated_at) values ('tmp-' || hex(randomblob(8)), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(
          input.citizenName,
          input.title,
          input.body,
          input.incidentDate,
          input.regionCode,
          input.categoryId,
          input.institutionId ?? null,
          input.isAnonymous ? 1 : 0,
          t,
          t,
        );
      const id = Number(lastInsertRowid);
      this.db
        .prepare('update reports set ref = ? where id = ?')
        .run(`WAL-${String(id).padStart(6, '0')}`, id);
      return id;
    });
    return this.get(insert())!;
  }

  /** One report by local id. */
  get(id: number): LocalReport | null {
    const r = this.db.prepare('select * from reports where id = ?').get(id) as Row | undefined;
    return r ? toReport(r) : null;
  }

  /** Every report, oldest first. */
  list(): LocalReport[] {
    return (this.db.prepare('select * from reports order by id').all() as Row[]).map(toReport);
  }

  /** Reports not yet accepted by Pintu (to file, or file again after a crash). */
  pending(): LocalReport[] {
    return (this.db.prepare("select * from reports where filing = 'pending' order by id").all() as Row[]).map(
      toReport,
    );
  }

  /** Records Pintu's answer to a filing. The status is set only if no newer event got here first. */
  markFiled(id: number, trackingId: string, status: string): void {
    this.db
      .prepare(`update reports set filing = 'filed', filing_error = null, tracking_id = ?,
        pintu_status = coalesce(pintu_status, ?), updated_at = ? where id = ?`)
      .run(trackingId, status, now(), id);
  }

  /** Records that Pintu refused a filing for good (a 4xx other than 409/429). */
  markFailed(id: number, error: string): void {
    this.db
      .prepare("update reports set filing = 'failed', filing_error = ?, updated_at = ? where id = ?")
      .run(error, now(), id);
  }

  /**
   * Applies a verified webhook exactly once: the inbox row and the status change are one transaction, and the
   * inbox's primary key on webhook-id turns a redelivery into a no-op.
   */
  applyWebhook(webhookId: string, type: string, data: StatusObservation | null): WebhookOutcome {
    return this.db.transaction((): WebhookOutcome => {
      const seen = this.db.prepare('select 1 from webhook_inbox where webhook_id = ?').get(webhookId);
      if (seen) return 'duplicate';
      const outcome = data ? this.observe(data, webhookId) : 'ignored';
      this.db
        .prepare(`insert into webhook_inbox (webhook_id, type, tracking_id, seq, outcome, received_at)
          values (?, ?, ?, ?, ?, ?)`)
        .run(webhookId, type, data?.trackingId ?? null, data?.seq ?? null, outcome, now());
      return outcome;
    })();
  }

  /**
   * Applies one status observation (webhook or reconcile) to the matching report: found by trackingId, or by
   * externalRef when Pintu's filing answer never arrived. An observation not newer than the stored seq is stale.
   */
  observe(o: StatusObservation, webhookId: string | null = null): WebhookOutcome {
    let row = this.db
      .prepare('select id, tracking_id from reports where tracking_id = ?')
      .get(o.trackingId) as Row | undefined;
    if (!row && o.externalRef)
      row = this.db.prepare('select id, tracking_id from reports where ref = ?').get(o.externalRef) as
        | Row
        | undefined;
    if (!row) return 'unknown_report';
    const res = this.db
      .prepare(`update reports set tracking_id = ?, filing = 'filed', filing_error = null, pintu_status = ?,
          pintu_seq = ?, last_webhook_id = coalesce(?, last_webhook_id), updated_at = ?
        where id = ? and (pintu_seq is null or pintu_seq < ?)`)
      .run(o.trackingId, o.status, o.seq, webhookId, now(), row.id, o.seq);
    if (res.changes === 0) {
      // Still learn the trackingId (a stale event can be the first news of a filing whose answer was lost).
      this.db
        .prepare("update reports set tracking_id = ?, filing = 'filed' where id = ? and tracking_id is null")
        .run(o.trackingId, row.id);
      return 'stale';
    }
    return 'applied';
  }

  /** Webhooks received, for the operator and the tests. */
  inbox(): {
    webhookId: string;
    type: string;
    trackingId: string | null;
    seq: number | null;
    outcome: string;
  }[] {
    return (
      this.db
        .prepare('select webhook_id, type, tracking_id, seq, outcome from webhook_inbox order by rowid')
        .all() as Row[]
    ).map((r) => ({
      webhookId: String(r.webhook_id),
      type: String(r.type),
      trackingId: (r.tracking_id as string | null) ?? null,
      seq: r.seq == null ? null : Number(r.seq),
      outcome: String(r.outcome),
    }));
  }

  /** A value of the sync state (the reconcile watermark). */
  getState(key: string): string | null {
    const r = this.db.prepare('select value from sync_state where key = ?').get(key) as Row | undefined;
    return r ? String(r.value) : null;
  }

  /** Sets a value of the sync state. */
  setState(key: string, value: string): void {
    this.db
      .prepare(
        'insert into sync_state (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
      )
      .run(key, value);
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
