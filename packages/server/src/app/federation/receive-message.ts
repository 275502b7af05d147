/**
 * A message from a peer instance (ADR 0013, docs/federation.md §2–4): who sent it (the `webhook-id` names the
 * sender; only its trusted key verifies), where it stands in its (peer, report) stream (applied once, in order), and
 * what it does — a forwarded report, a copy, the writer's events, or a reporter's command for this writer.
 */

import { createHash } from 'node:crypto';
import { type Actor, DomainFailure } from '@pintu/core';
import type { AttachmentMessage, ReportSnapshot } from '../../db/federation-outbox';
import type { Db } from '../../db/open';
import {
  advanceStream,
  applyEvents,
  applySnapshot,
  lockStream,
  RefusedMessage,
} from '../../db/postgres-federation-inbox';
import { verifyMessage } from '../../security/instance-keys';
import type { AppDeps } from '../deps';
import { applyAndPersist, REPORTER_SIDE } from '../workflow/act-on-report';
import { guardContext, workflowReportsOf } from '../workflow/action-context';
import type { ActionRequest } from '../workflow/resolve-action';

type Deps = Pick<AppDeps, 'db' | 'federation' | 'projectors' | 'calendar' | 'blobs'> &
  Partial<Pick<AppDeps, 'workflowReports'>> & { now: Date };

export type Received =
  | { status: 200; body: { result: unknown } }
  | { status: 409; body: { expectedSeq: number } }
  | { status: 401 | 400 | 422; detail: string };

const ID = /^fed_([a-z][a-z0-9-]{1,31})_(.+)_(\d{1,9})$/;
const KINDS = ['report.forwarded', 'report.copied', 'report.event', 'report.command'] as const;

interface Envelope {
  type: (typeof KINDS)[number];
  trackingId: string;
  seq: number;
  data: Record<string, unknown>;
}

function envelopeOf(raw: string, trackingId: string, seq: number): Envelope | null {
  let e: Partial<Envelope>;
  try {
    e = JSON.parse(raw) as Partial<Envelope>;
  } catch {
    return null;
  }
  if (!e || typeof e !== 'object' || !KINDS.includes(e.type as Envelope['type'])) return null;
  if (e.trackingId !== trackingId || e.seq !== seq || !e.data || typeof e.data !== 'object') return null;
  return e as Envelope;
}

export async function receiveMessage(
  deps: Deps,
  headers: { id: string; timestamp: string; signature: string },
  raw: string,
): Promise<Received> {
  const match = ID.exec(headers.id);
  if (!match) return { status: 401, detail: 'webhook-id does not name a sender' };
  const [, sender, trackingId, seqText] = match as unknown as [string, string, string, string];
  const peer = (await deps.federation.peers()).find((p) => p.slug === sender && p.state === 'trusted');
  if (!peer) return { status: 401, detail: `${sender} is not a trusted peer here` };
  const check = verifyMessage(peer.publicKey, headers, raw, Math.floor(deps.now.getTime() / 1000));
  if (!check.ok) return { status: 401, detail: `signature: ${check.reason}` };
  const seq = Number(seqText);
  const envelope = envelopeOf(raw, trackingId, seq);
  if (!envelope) return { status: 400, detail: 'not a federation message, or its id and body disagree' };
  try {
    if (envelope.type === 'report.command') return await command(deps, sender, envelope);
    await storeFiles(deps, envelope.data.attachments);
    return await deps.db.transaction(async (trx) => {
      const tx = trx as unknown as Db;
      const position = await lockStream(tx, sender, trackingId, seq);
      if (position.state === 'duplicate') return { status: 200, body: { result: 'duplicate' } } as const;
      if (position.state === 'gap')
        return { status: 409, body: { expectedSeq: position.expectedSeq } } as const;
      const projectors = deps.projectors as Parameters<typeof applyEvents>[4];
      if (envelope.type === 'report.event')
        await applyEvents(tx, sender, trackingId, envelope.data as never, projectors, deps.now);
      else
        await applySnapshot(
          tx,
          sender,
          envelope.data as unknown as ReportSnapshot,
          envelope.type === 'report.forwarded',
          projectors,
          deps.now,
        );
      await advanceStream(tx, sender, trackingId, seq);
      return { status: 200, body: { result: 'applied' } } as const;
    });
  } catch (err) {
    if (err instanceof RefusedMessage) return { status: 422, detail: err.message };
    throw err;
  }
}

/**
 * The bytes of the files a message brings, into the blob store before the copy names them: each must be the file its
 * row describes (size and SHA-256), and one already stored (a resent message) is kept.
 */
async function storeFiles(deps: Pick<Deps, 'blobs'>, files: unknown): Promise<void> {
  if (!Array.isArray(files)) return;
  for (const f of files as AttachmentMessage[]) {
    if (typeof f.data !== 'string') continue;
    const bytes = Buffer.from(f.data, 'base64');
    if (bytes.length !== f.size || createHash('sha256').update(bytes).digest('hex') !== f.sha256)
      throw new RefusedMessage(`attachment ${f.id}: its bytes are not the file its row describes`);
    if (!/^[0-9a-f-]{36}$/.test(f.id)) throw new RefusedMessage(`attachment ${f.id}: not an attachment id`);
    if (await deps.blobs.get(f.id)) continue;
    await deps.blobs.put(f.id, bytes);
  }
}

/**
 * A reporter's action sent by the mirror where the reporter follows the report: applied here, the writer, as the
 * reporter, with the stream advanced in the same transaction; a refusal by the core is an answer, not an error.
 */
async function command(deps: Deps, sender: string, envelope: Envelope): Promise<Received> {
  const { trackingId, seq } = envelope;
  const position = await deps.db.transaction((trx) =>
    lockStream(trx as unknown as Db, sender, trackingId, seq),
  );
  if (position.state === 'duplicate') return { status: 200, body: { result: 'duplicate' } };
  if (position.state === 'gap') return { status: 409, body: { expectedSeq: position.expectedSeq } };
  const data = envelope.data as { action?: ActionRequest; actor?: { role?: string; id?: string } };
  if (
    !data.action ||
    !data.actor?.role ||
    !REPORTER_SIDE.has(data.actor.role) ||
    typeof data.actor.id !== 'string'
  )
    throw new RefusedMessage('a command names a reporter-side actor and an action');
  const reports = workflowReportsOf(deps);
  const report = await reports.load(trackingId);
  if (!report || report.handledAt) throw new RefusedMessage(`${trackingId} is not handled here`);
  const actor = { role: data.actor.role, id: data.actor.id, institutionId: null } as Actor;
  const guard = await guardContext(deps, reports, report.state);
  const advance = {
    name: 'federation-inbox',
    project: (tx: unknown) => advanceStream(tx as Db, sender, trackingId, seq),
  };
  try {
    await applyAndPersist(deps, reports, report, data.action, actor, [actor], guard, {
      projectors: [...deps.projectors, advance],
    });
    return { status: 200, body: { result: { applied: true } } };
  } catch (err) {
    if (!(err instanceof DomainFailure)) throw err;
    // A local change got there first: the command is tried again on the new state when the sender resends it.
    if (err.error.reason === 'stale') throw new RefusedMessage('the report changed meanwhile; send it again');
    // The state moved on at the writer (staff closed the hold the reporter answers): the mirror tells the reporter.
    await deps.db.transaction((trx) => advanceStream(trx as unknown as Db, sender, trackingId, seq));
    return { status: 200, body: { result: { applied: false, error: err.error } } };
  }
}
