/**
 * `pintu audit verify` and the oversight endpoint (issue 16, docs/audit.md): checks every report's hash chain end to
 * end, then the checkpoints — each signature, the link to the previous root, the latest root recomputed from its
 * heads, and every head it recorded still in place — and, given a copy of the published checkpoints, that the
 * stored ones are the ones that were published. Names each report whose events were edited, deleted, reordered or
 * inserted.
 */
import type { Db } from '../../db/open';
import {
  type ChainFault,
  type CheckpointRow,
  headsNoLongerHeld,
  listCheckpoints,
  verifyAllChains,
} from '../../db/postgres-audit';
import { verifyDetached } from '../../security/instance-keys';
import { checkpointStatement, rootOf } from './checkpoint';

export type ReportFault = ChainFault | 'rewritten_since_checkpoint';

export interface AuditFinding {
  reportId: number;
  /** Null when the report row itself is gone. */
  trackingId: string | null;
  fault: ReportFault;
  seq: number;
}

export type CheckpointProblem =
  | 'bad_signature'
  | 'foreign_key'
  | 'broken_link'
  | 'root_mismatch'
  | 'missing'
  | 'differs_from_published';

export interface AuditReport {
  ok: boolean;
  reports: number;
  events: number;
  findings: AuditFinding[];
  checkpoints: {
    count: number;
    latest: number | null;
    problems: { seq: number; problem: CheckpointProblem }[];
  };
}

/** A checkpoint as published (GET /api/v1/audit/checkpoints); `at` may be a string from JSON. */
export type PublishedCheckpoint = Omit<CheckpointRow, 'at'> & { at: Date | string };

export async function verifyAudit(
  deps: { db: Db; instance: { slug: string; publicKey: string } },
  opts: {
    published?: PublishedCheckpoint[];
    onProgress?: (p: { reports: number; events: number }) => void;
  } = {},
): Promise<AuditReport> {
  const { db, instance } = deps;
  const chains = await verifyAllChains(db, opts.onProgress);
  const findings: AuditFinding[] = chains.findings.map((f) => ({ ...f }));
  const problems: AuditReport['checkpoints']['problems'] = [];
  const stored = await listCheckpoints(db);

  let prev: string | null = null;
  for (const c of stored) {
    if (c.publicKey !== instance.publicKey) problems.push({ seq: c.seq, problem: 'foreign_key' });
    if (!verifyDetached(instance.publicKey, checkpointStatement(instance.slug, c), c.signature))
      problems.push({ seq: c.seq, problem: 'bad_signature' });
    if (c.prevRoot !== prev) problems.push({ seq: c.seq, problem: 'broken_link' });
    prev = c.root;
  }
  const latest = stored.at(-1) ?? null;
  if (latest) {
    // The stored heads must still give the signed root, and each must still be the event at its place.
    if ((await rootOf(db, latest.seq)).root !== latest.root)
      problems.push({ seq: latest.seq, problem: 'root_mismatch' });
    const named = new Set(findings.map((f) => f.reportId));
    for (const h of await headsNoLongerHeld(db, latest.seq))
      if (!named.has(h.reportId))
        findings.push({
          reportId: h.reportId,
          trackingId: h.trackingId,
          fault: 'rewritten_since_checkpoint',
          seq: h.seq,
        });
  }
  for (const p of opts.published ?? []) {
    const s = stored.find((c) => c.seq === p.seq);
    const at = new Date(p.at);
    if (!s) problems.push({ seq: p.seq, problem: 'missing' });
    else if (s.root !== p.root || s.signature !== p.signature || s.at.getTime() !== at.getTime())
      problems.push({ seq: p.seq, problem: 'differs_from_published' });
    // A published checkpoint is trusted only with this instance's signature over it.
    if (!verifyDetached(instance.publicKey, checkpointStatement(instance.slug, { ...p, at }), p.signature))
      problems.push({ seq: p.seq, problem: 'bad_signature' });
  }
  return {
    ok: findings.length === 0 && problems.length === 0,
    reports: chains.reports,
    events: chains.events,
    findings,
    checkpoints: { count: stored.length, latest: latest?.seq ?? null, problems },
  };
}
