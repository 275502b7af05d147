/**
 * Applying a peer's messages (ADR 0013, docs/federation.md §3): in one transaction the (peer, report) stream's
 * position is checked and advanced, the events are appended to this copy's chain exactly as the writer chained them
 * (each hash recomputed: a copy that would not verify is refused), the report row takes the writer's state, and the
 * projectors run as for a local change — except the federation's own, so nothing echoes back.
 */
import type { LifecycleEvent, Projector, RecordedTransition } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { eventHash } from './event-chain';
import { ensureInstitutions, type InstitutionDescriptor } from './federation-institutions';
import type { AttachmentMessage, ChainedEventMessage, ReportSnapshot } from './federation-outbox';
import { RefusedMessage } from './federation-refusal';
import { reviveState } from './lifecycle-codec';
import type { Db } from './open';

export { RefusedMessage };

export type StreamPosition =
  | { state: 'next' }
  | { state: 'duplicate' }
  | { state: 'gap'; expectedSeq: number };

/** Locks the (peer, report) stream and says whether `seq` is the next message, one already applied, or too far. */
export async function lockStream(
  tx: Db,
  peer: string,
  trackingId: string,
  seq: number,
): Promise<StreamPosition> {
  await tx.execute(sql`insert into federation_inbox (peer, tracking_id, last_seq, updated_at)
    values (${peer}, ${trackingId}, 0, now()) on conflict do nothing`);
  const res = await tx.execute(sql`select last_seq from federation_inbox
    where peer = ${peer} and tracking_id = ${trackingId} for update`);
  const last = Number(res.rows[0]!.last_seq);
  if (seq <= last) return { state: 'duplicate' };
  if (seq > last + 1) return { state: 'gap', expectedSeq: last + 1 };
  return { state: 'next' };
}

export async function advanceStream(tx: Db, peer: string, trackingId: string, seq: number): Promise<void> {
  const res = await tx.execute(sql`update federation_inbox set last_seq = ${seq}, updated_at = now()
    where peer = ${peer} and tracking_id = ${trackingId} and last_seq = ${seq - 1}`);
  if (!res.rowCount) throw new RefusedMessage(`stream ${trackingId} moved on meanwhile`);
}

/** Ids must mean the same institutions (and category) here as at the sender, or the copy would lie. */
async function checkCodes(
  tx: Db,
  codes: { institutions: Record<string, InstitutionDescriptor | string>; category?: string },
  categoryId?: number,
) {
  await ensureInstitutions(tx, codes.institutions);
  if (codes.category !== undefined && categoryId !== undefined) {
    const res = await tx.execute(sql`select code from categories where id = ${categoryId}`);
    if (res.rows[0]?.code !== codes.category)
      throw new RefusedMessage(`reference data differs: category ${categoryId} is ${codes.category} there`);
  }
}

/** Appends `events` after the copy's head, checking each link and (unless `withheld`: texts were left out) hash. */
async function appendEvents(
  tx: Db,
  reportId: number,
  trackingId: string,
  events: ChainedEventMessage[],
  withheld: boolean,
) {
  const head = await tx.execute(sql`select seq, hash from events where report_id = ${reportId}
    order by seq desc limit 1`);
  let seq = head.rows[0] ? Number(head.rows[0].seq) : 0;
  let prev = head.rows[0] ? String(head.rows[0].hash) : null;
  const added: ChainedEventMessage[] = [];
  for (const e of events) {
    if (e.seq <= seq) continue; // the copy has it already (a writer returning a report it once forwarded)
    if (e.seq !== seq + 1 || e.prevHash !== prev)
      throw new RefusedMessage(`event ${e.seq} of ${trackingId} does not follow this copy's event ${seq}`);
    const { hash, prevHash: _link, holderId: _holder, ...content } = e;
    if (!withheld && eventHash(prev, { ...content, trackingId, at: new Date(e.at) }) !== hash)
      throw new RefusedMessage(`event ${e.seq} of ${trackingId}: its hash does not match its content`);
    await tx.execute(sql`insert into events (report_id, seq, action, actor_id, actor_role, institution_id, at,
        from_status, to_status, payload, prev_hash, hash)
      values (${reportId}, ${e.seq}, ${e.action}, ${e.actorId}, ${e.actorRole}, ${e.institutionId}, ${e.at},
        ${e.fromStatus}, ${e.toStatus}, ${JSON.stringify(e.payload)}::jsonb, ${prev}, ${hash})`);
    seq = e.seq;
    prev = hash;
    added.push(e);
  }
  return added;
}

const asLifecycleEvent = (trackingId: string, e: ChainedEventMessage): LifecycleEvent =>
  ({
    reportId: trackingId,
    type: e.action,
    actorRole: e.actorRole,
    actorId: e.actorId ?? '',
    institutionId: e.institutionId === null ? null : String(e.institutionId),
    holderId: e.holderId,
    at: new Date(e.at),
    from: e.fromStatus,
    to: e.toStatus,
    payload: e.payload,
  }) as LifecycleEvent;

/** Takes the writer's state onto the row and runs the projectors for the events this copy just got. */
async function project(
  tx: Db,
  reportId: number,
  trackingId: string,
  lifecycle: Record<string, unknown>,
  added: ChainedEventMessage[],
  projectors: readonly Projector<Db>[],
  now: Date,
  mirror: boolean,
) {
  const state = reviveState(lifecycle);
  await tx.execute(sql`update reports set status = ${state.status},
      institution_id = ${state.holder.institutionId === null ? null : Number(state.holder.institutionId)},
      due_at = ${state.clock?.dueAt.toISOString() ?? null}, lifecycle = ${JSON.stringify(lifecycle)}::jsonb,
      updated_at = greatest(${now.toISOString()}::timestamptz, updated_at + interval '1 millisecond')
    where id = ${reportId}`);
  const change: RecordedTransition = {
    reportId,
    trackingId,
    state,
    events: added.map((e) => ({ seq: e.seq, event: asLifecycleEvent(trackingId, e) })),
    at: added.length ? new Date(added.at(-1)!.at) : now,
    now,
    copies: [],
    federated: true,
  };
  for (const p of projectors) if (p.name !== 'federation') await p.project(tx, change);
  // Only the writer's sweep escalates and reminds; a mirror keeps the same deadlines without acting on them.
  if (mirror) await tx.execute(sql`update sla_stage_clocks set next_at = null where report_id = ${reportId}`);
}

/** The rows of the files a message brought (their bytes are already in the blob store). */
async function insertAttachments(tx: Db, reportId: number, files: AttachmentMessage[] | undefined) {
  for (const a of files ?? [])
    await tx.execute(sql`insert into attachments (id, report_id, filename, mime, kind, size, sha256, created_at)
      values (${a.id}, ${reportId}, ${a.filename}, ${a.mime}, ${a.kind}, ${a.size}, ${a.sha256}, ${a.createdAt})
      on conflict (id) do update set report_id = excluded.report_id where attachments.report_id is null`);
}

let clockColumns: string | null = null;
/** The stage clocks a forwarded report brings, so completed stages count here as they did there. */
async function insertClocks(tx: Db, reportId: number, clocks: Record<string, unknown>[]) {
  if (!clocks.length) return;
  if (!clockColumns) {
    const res =
      await tx.execute(sql`select string_agg(quote_ident(column_name), ', ' order by ordinal_position) as c
      from information_schema.columns where table_name = 'sla_stage_clocks' and column_name not in ('id', 'report_id')
        and table_schema = current_schema()`);
    clockColumns = String(res.rows[0]!.c);
  }
  const cols = sql.raw(clockColumns);
  await tx.execute(sql`insert into sla_stage_clocks (report_id, ${cols})
    select ${reportId}, ${cols} from jsonb_populate_recordset(null::sla_stage_clocks, ${JSON.stringify(clocks)}::jsonb)
    on conflict (report_id, stage, started_at) do nothing`);
}

/** What a statistics copy says instead of the text it does not hold (the columns' checks want some). */
const WITHHELD = {
  title: 'Laporan rahasia (isi di instans yang menanganinya)',
  body: 'Isi laporan rahasia ini hanya disimpan di instans Pintu yang menanganinya dan di tempat laporan diajukan.',
};

/**
 * A `report.forwarded` (this instance becomes the writer) or `report.copied` (a copy for evaluation) message: creates
 * the copy, or brings an existing copy of the sender's up to date.
 */
export async function applySnapshot(
  tx: Db,
  peer: string,
  snap: ReportSnapshot,
  becomeWriter: boolean,
  projectors: readonly Projector<Db>[],
  now: Date,
): Promise<void> {
  await checkCodes(
    tx,
    { institutions: snap.codes.institutions, category: snap.codes.category },
    snap.categoryId,
  );
  const found =
    await tx.execute(sql`select id::int as id, handled_at as "handledAt", content_withheld as withheld
    from reports where tracking_id = ${snap.trackingId} for update`);
  let reportId: number;
  const existing = found.rows[0];
  if (existing) {
    if (existing.handledAt !== peer)
      throw new RefusedMessage(`${snap.trackingId} exists here and is not ${peer}'s to hand over`);
    reportId = Number(existing.id);
    if (existing.withheld === true && !snap.withheld)
      await tx.execute(sql`update reports set title = ${snap.title}, body = ${snap.body}, address = ${snap.address},
          lat = ${snap.lat}, lng = ${snap.lng}, content_withheld = false where id = ${reportId}`);
  } else {
    const res =
      await tx.execute(sql`insert into reports (tracking_id, type, title, body, incident_date, region_code,
        address, lat, lng, category_id, requested_institution_id, institution_id, status, due_at, lifecycle,
        is_anonymous, is_confidential, channel, language, handled_at, origin, copies, content_withheld, created_at,
        updated_at)
      values (${snap.trackingId}, ${snap.type}, ${snap.title ?? WITHHELD.title}, ${snap.body ?? WITHHELD.body},
        ${snap.incidentDate}, ${snap.regionCode}, ${snap.address}, ${snap.lat}, ${snap.lng}, ${snap.categoryId},
        ${snap.requestedInstitutionId}, ${snap.institutionId}, ${snap.status}, ${snap.dueAt},
        ${JSON.stringify(snap.lifecycle)}::jsonb, ${snap.isAnonymous}, ${snap.isConfidential}, ${snap.channel},
        ${snap.language}, ${peer}, ${peer}, '{}', ${snap.withheld}, ${snap.createdAt}, ${now.toISOString()})
      returning id::int as id`);
    reportId = Number(res.rows[0]!.id);
  }
  const added = await appendEvents(tx, reportId, snap.trackingId, snap.events, snap.withheld);
  await insertAttachments(tx, reportId, snap.attachments);
  await insertClocks(tx, reportId, snap.clocks);
  if (becomeWriter)
    await tx.execute(sql`update reports set handled_at = null,
        copies = case when ${peer} = any(copies) then copies else array_append(copies, ${peer}) end
      where id = ${reportId}`);
  await project(tx, reportId, snap.trackingId, snap.lifecycle, added, projectors, now, !becomeWriter);
}

/** A `report.event` message: the writer's next events and the state they lead to, onto this copy. */
export async function applyEvents(
  tx: Db,
  peer: string,
  trackingId: string,
  body: {
    events: ChainedEventMessage[];
    attachments?: AttachmentMessage[];
    lifecycle: Record<string, unknown>;
    withheld: boolean;
    codes: Record<string, InstitutionDescriptor | string>;
  },
  projectors: readonly Projector<Db>[],
  now: Date,
): Promise<void> {
  await checkCodes(tx, { institutions: body.codes });
  const found = await tx.execute(sql`select id::int as id, handled_at as "handledAt",
      content_withheld as withheld from reports where tracking_id = ${trackingId} for update`);
  const row = found.rows[0];
  if (!row || row.handledAt !== peer) throw new RefusedMessage(`${trackingId} is no copy of ${peer}'s here`);
  const added = await appendEvents(
    tx,
    Number(row.id),
    trackingId,
    body.events,
    body.withheld || row.withheld === true,
  );
  if (row.withheld !== true) await insertAttachments(tx, Number(row.id), body.attachments);
  await project(tx, Number(row.id), trackingId, body.lifecycle, added, projectors, now, true);
}
