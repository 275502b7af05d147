/**
 * Who may run the audit and what anyone may read: the check of every chain is for national oversight (the
 * Ombudsman) and the national admin; the signed checkpoints are public, so that outsiders keep copies.
 */
import { fail } from '@pintu/core';
import { listCheckpoints } from '../../db/postgres-audit';
import { keyFingerprint } from '../../security/instance-keys';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { type AuditReport, verifyAudit } from './verify-audit';

type Deps = Pick<AppDeps, 'db' | 'instance'>;

const NATIONAL_AUDITORS = new Set(['national_admin', 'oversight']);

function instanceOf(deps: Deps) {
  if (!deps.instance)
    return fail('CONFLICT', 'Identitas instans ini belum diatur.', [], 'instance_not_set_up');
  return deps.instance;
}

/** The whole check, for a national auditor; at most `limit` findings are listed (the counts are whole). */
export async function verifyAuditAsAuditor(
  deps: Deps,
  caller: Caller,
  limit = 1000,
): Promise<AuditReport & { listed: number }> {
  if (!caller.grants.some((g) => NATIONAL_AUDITORS.has(g.role) && g.institutionId === null))
    fail('NOT_ALLOWED', 'Hanya pengawas nasional dan admin nasional yang memeriksa jejak audit.');
  const report = await verifyAudit({ db: deps.db, instance: instanceOf(deps) });
  return {
    ...report,
    findings: report.findings.slice(0, limit),
    listed: Math.min(limit, report.findings.length),
  };
}

/** The published checkpoint history, oldest first, with the key that verifies it. */
export async function publishedCheckpoints(deps: Deps) {
  const instance = instanceOf(deps);
  const checkpoints = await listCheckpoints(deps.db);
  return {
    instance: instance.slug,
    publicKey: instance.publicKey,
    fingerprint: keyFingerprint(instance.publicKey),
    checkpoints: checkpoints.map((c) => ({ ...c, at: c.at.toISOString() })),
  };
}
