/**
 * The daily audit checkpoint (issue 16, docs/audit.md): the chain heads that changed are recorded, the Merkle root
 * over every report's head is computed, and the checkpoint — its number, time, counts, root and the previous root —
 * is signed with the instance's Ed25519 key. Published at GET /api/v1/audit/checkpoints, it lets anyone holding a
 * copy catch a rewrite of the past, even one made by someone with database access (who has no signing key).
 */
import { canonicalJson } from '../../db/event-chain';
import type { Db } from '../../db/open';
import {
  type CheckpointRow,
  headsOf,
  insertCheckpoint,
  inTransaction,
  listCheckpoints,
  recordChangedHeads,
} from '../../db/postgres-audit';
import { headLeaf, merkleBuilder } from '../../security/merkle';
import type { InstanceSelf } from '../deps';

/** The exact text a checkpoint's signature covers: canonical JSON, keys sorted. */
export const checkpointStatement = (instance: string, c: Omit<CheckpointRow, 'publicKey' | 'signature'>) =>
  canonicalJson({
    type: 'pintu-audit-checkpoint',
    instance,
    seq: c.seq,
    at: c.at.toISOString(),
    reports: c.reports,
    events: c.events,
    root: c.root,
    prevRoot: c.prevRoot,
  });

/** The Merkle root over checkpoint `seq`'s heads, with the number of reports and of events they cover. */
export async function rootOf(
  db: Db,
  seq: number,
): Promise<{ root: string; reports: number; events: number }> {
  const tree = merkleBuilder();
  let events = 0;
  for await (const h of headsOf(db, seq)) {
    tree.add(headLeaf(h.reportId, h.seq, h.hash));
    events += h.seq;
  }
  return { root: tree.root(), reports: tree.count(), events };
}

/** Makes the next checkpoint; one transaction, so a crash leaves either all of it or none. */
export async function makeCheckpoint(
  deps: { db: Db; instance: InstanceSelf },
  now: Date,
): Promise<CheckpointRow> {
  return inTransaction(deps.db, async (db) => {
    const previous = (await listCheckpoints(db)).at(-1) ?? null;
    const seq = (previous?.seq ?? 0) + 1;
    await recordChangedHeads(db, seq);
    const { root, reports, events } = await rootOf(db, seq);
    const body = { seq, at: now, reports, events, root, prevRoot: previous?.root ?? null };
    const signature = deps.instance.signDetached(checkpointStatement(deps.instance.slug, body));
    const row = { ...body, publicKey: deps.instance.publicKey, signature };
    await insertCheckpoint(db, row);
    return row;
  });
}
