/**
 * The federation outbox (ADR 0013, docs/federation.md §2–3): the messages this instance owes its peers, written in
 * the transaction of the change they carry. Per (peer, report) they form a stream numbered 1, 2, 3 …; the sender
 * (federation/sender.ts) delivers each stream in order. Also the two moves that start a stream: forwarding a report
 * to the instance that handles it, and a statistics copy for the national instance.
 */
import { sql } from 'drizzle-orm';
import { type InstitutionDescriptor, institutionDescriptors } from './federation-institutions';
import type { Db } from './open';
import { textArrayLiteral } from './pg-arrays';

export type MessageKind = 'report.forwarded' | 'report.copied' | 'report.event' | 'report.command';

/** One event as chained: the fields its hash covers, its link, and (for the projectors) who held the report. */
export interface ChainedEventMessage {
  seq: number;
  action: string;
  actorId: string | null;
  actorRole: string;
  institutionId: number | null;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
  holderId: string | null;
}

/**
 * A report as it crosses to a peer. Never the reporter's identity, contact, account or access code (domain.md §7);
 * a statistics copy (`withheld`) has no title, body or address either. Institution and category ids travel with their
 * codes: the receiver refuses a message whose ids mean something else there (ADR 0013, "reference data").
 */
export interface ReportSnapshot {
  trackingId: string;
  type: string;
  title: string | null;
  body: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  incidentDate: string;
  regionCode: string;
  categoryId: number;
  requestedInstitutionId: number | null;
  institutionId: number | null;
  status: string;
  dueAt: string | null;
  lifecycle: Record<string, unknown>;
  isAnonymous: boolean;
  isConfidential: boolean;
  channel: string;
  language: string;
  createdAt: string;
  withheld: boolean;
  events: ChainedEventMessage[];
  /** The report's stage clocks as the sender holds them (completed ones included), so the rollups agree. */
  clocks: Record<string, unknown>[];
  /** The report's files (not for a withheld copy); the sender adds their bytes as it sends (`data`, base64). */
  attachments: AttachmentMessage[];
  /** Code of every institution id the snapshot names, and of its category. */
  codes: { institutions: Record<string, InstitutionDescriptor>; category: string };
}

/** An attachment as it crosses: its row, and its bytes once the sender has read them from its blob store. */
export interface AttachmentMessage {
  id: string;
  filename: string;
  mime: string;
  kind: string;
  size: number;
  sha256: string;
  createdAt: string;
  data?: string;
}

/** The attachments `ids` (all of report `reportId`'s when `ids` is null), as messages carry them. */
export async function attachmentsOf(
  tx: Db,
  reportId: number,
  ids: string[] | null,
): Promise<AttachmentMessage[]> {
  if (ids && !ids.length) return [];
  const which = ids ? sql`id = any(${`{${ids.join(',')}}`}::uuid[])` : sql`report_id = ${reportId}`;
  const res = await tx.execute(sql`select id, filename, mime, kind, size, sha256, created_at as "createdAt"
    from attachments where ${which} order by created_at, id`);
  return res.rows.map((r) => ({
    id: String(r.id),
    filename: String(r.filename),
    mime: String(r.mime),
    kind: String(r.kind),
    size: Number(r.size),
    sha256: String(r.sha256),
    createdAt: new Date(String(r.createdAt)).toISOString(),
  }));
}

/** Appends a message to the (peer, report) stream in `tx`; the caller holds the report's row lock. */
export async function enqueueMessage(
  tx: Db,
  peer: string,
  trackingId: string,
  kind: MessageKind,
  body: unknown,
  now: Date,
): Promise<number> {
  const res =
    await tx.execute(sql`insert into federation_outbox (peer, tracking_id, seq, kind, body, created_at,
      next_attempt_at)
    select ${peer}, ${trackingId}, coalesce(max(seq), 0) + 1, ${kind}, ${JSON.stringify(body)}::jsonb,
      ${now.toISOString()}, ${now.toISOString()}
    from federation_outbox where peer = ${peer} and tracking_id = ${trackingId}
    returning seq`);
  return Number(res.rows[0]!.seq);
}

/** The chained events of a report (all, or those from `fromSeq`), as messages carry them. */
export async function chainedEvents(tx: Db, reportId: number, fromSeq = 1): Promise<ChainedEventMessage[]> {
  const res = await tx.execute(sql`select seq, action, actor_id as "actorId", actor_role as "actorRole",
      institution_id as "institutionId", at, from_status as "fromStatus", to_status as "toStatus", payload,
      prev_hash as "prevHash", hash
    from events where report_id = ${reportId} and seq >= ${fromSeq} order by seq`);
  return res.rows.map((r) => ({
    seq: Number(r.seq),
    action: String(r.action),
    actorId: r.actorId === null ? null : String(r.actorId),
    actorRole: String(r.actorRole),
    institutionId: r.institutionId === null ? null : Number(r.institutionId),
    at: new Date(String(r.at)).toISOString(),
    fromStatus: r.fromStatus === null ? null : String(r.fromStatus),
    toStatus: r.toStatus === null ? null : String(r.toStatus),
    payload: r.payload as Record<string, unknown>,
    prevHash: r.prevHash === null ? null : String(r.prevHash),
    hash: String(r.hash),
    holderId: null,
  }));
}

/** Every institution id a state or an event names: holder, ancestors, custody, actors, routing targets. */
export function institutionIdsOf(
  lifecycle: Record<string, unknown>,
  events: ChainedEventMessage[],
): number[] {
  const ids = new Set<number>();
  const add = (v: unknown) => {
    if (v !== null && v !== undefined && v !== '' && Number.isFinite(Number(v))) ids.add(Number(v));
  };
  const holder = lifecycle.holder as { institutionId: unknown; ancestorIds: unknown[] } | undefined;
  add(holder?.institutionId);
  for (const a of holder?.ancestorIds ?? []) add(a);
  for (const c of (lifecycle.custody as { institutionId: unknown }[] | undefined) ?? []) add(c.institutionId);
  for (const e of events) {
    add(e.institutionId);
    add(e.holderId);
    add(e.payload.unitId);
    for (const t of (e.payload.targetIds as unknown[] | undefined) ?? []) add(t);
  }
  return [...ids];
}

/** The report `reportId` as a snapshot for a peer; `withheld` drops its text (a statistics copy). */
export async function reportSnapshot(tx: Db, reportId: number, withheld: boolean): Promise<ReportSnapshot> {
  const res =
    await tx.execute(sql`select r.tracking_id as "trackingId", r.type, r.title, r.body, r.address, r.lat,
      r.lng, r.incident_date::text as "incidentDate", r.region_code as "regionCode", r.category_id as "categoryId",
      r.requested_institution_id as "requestedInstitutionId", r.institution_id as "institutionId", r.status,
      r.due_at as "dueAt", r.lifecycle, r.is_anonymous as "isAnonymous", r.is_confidential as "isConfidential",
      r.channel, r.language, r.created_at as "createdAt", r.content_withheld as "contentWithheld",
      c.code as "categoryCode",
      (select coalesce(json_agg(to_jsonb(s) - 'id' - 'report_id' order by s.started_at, s.stage), '[]')
        from sla_stage_clocks s where s.report_id = r.id) as clocks
    from reports r join categories c on c.id = r.category_id where r.id = ${reportId}`);
  const r = res.rows[0]!;
  const events = await chainedEvents(tx, reportId);
  const lifecycle = r.lifecycle as Record<string, unknown>;
  const ids = institutionIdsOf(lifecycle, events);
  for (const id of [r.requestedInstitutionId, r.institutionId]) if (id !== null) ids.push(Number(id));
  const hide = withheld || r.contentWithheld === true;
  const num = (v: unknown) => (v === null ? null : Number(v));
  return {
    trackingId: String(r.trackingId),
    type: String(r.type),
    title: hide ? null : String(r.title),
    body: hide ? null : String(r.body),
    address: hide || r.address === null ? null : String(r.address),
    lat: hide ? null : num(r.lat),
    lng: hide ? null : num(r.lng),
    incidentDate: String(r.incidentDate),
    regionCode: String(r.regionCode),
    categoryId: Number(r.categoryId),
    requestedInstitutionId: num(r.requestedInstitutionId),
    institutionId: num(r.institutionId),
    status: String(r.status),
    dueAt: r.dueAt === null ? null : new Date(String(r.dueAt)).toISOString(),
    lifecycle,
    isAnonymous: r.isAnonymous === true,
    isConfidential: r.isConfidential === true,
    channel: String(r.channel),
    language: String(r.language),
    createdAt: new Date(String(r.createdAt)).toISOString(),
    withheld: hide,
    events,
    attachments: hide ? [] : await attachmentsOf(tx, reportId, null),
    clocks: r.clocks as Record<string, unknown>[],
    codes: {
      institutions: await institutionDescriptors(tx, [...new Set(ids)]),
      category: String(r.categoryCode),
    },
  };
}

/**
 * Hands the report to `peer`, which handles its holder (ADR 0013 "one writer"): its whole timeline goes in a
 * `report.forwarded` message and this copy becomes a mirror. The caller holds the report's row lock.
 */
export async function forwardReport(tx: Db, reportId: number, peer: string, now: Date): Promise<void> {
  const snapshot = await reportSnapshot(tx, reportId, false);
  await enqueueMessage(tx, peer, snapshot.trackingId, 'report.forwarded', snapshot, now);
  // The new writer sends its events to every copy, so this instance stops sending; its sweep leaves the copy alone.
  await tx.execute(sql`update reports set handled_at = ${peer}, copies = '{}' where id = ${reportId}`);
  await tx.execute(sql`update sla_stage_clocks set next_at = null where report_id = ${reportId}`);
}

/**
 * Sends the national instance a copy of a report handled here, for its evaluation (ADR 0013): a public report's
 * content is public anyway; a confidential one's stays here.
 */
export async function copyReport(tx: Db, reportId: number, peer: string, now: Date): Promise<void> {
  const confidential = await tx.execute(sql`select is_confidential from reports where id = ${reportId}`);
  const snapshot = await reportSnapshot(tx, reportId, confidential.rows[0]?.is_confidential === true);
  await enqueueMessage(tx, peer, snapshot.trackingId, 'report.copied', snapshot, now);
  await tx.execute(sql`update reports set copies = array_append(copies, ${peer})
    where id = ${reportId} and not (${peer} = any(copies))`);
}

/** Sets which peers hold a copy (the receiver of a forward learns the sender holds one). */
export async function setCopies(tx: Db, reportId: number, peers: readonly string[]): Promise<void> {
  await tx.execute(
    sql`update reports set copies = ${textArrayLiteral(peers)}::text[] where id = ${reportId}`,
  );
}
