/** Audit rows of institution administration, written in the same transaction as the change they record. */
import type { Actor } from '@pintu/core';
import type { InstitutionAuditAction } from '../../db/institutions-schema';
import { appendAudit, type Q } from '../../db/postgres-institution-admin';

/** Records one administrative change by `actor` on institution `institutionId`. */
export function audit(
  q: Q,
  actor: Actor,
  institutionId: number,
  action: InstitutionAuditAction,
  change: { before: unknown; after: unknown },
  at: Date,
): Promise<void> {
  return appendAudit(q, {
    institutionId,
    action,
    actorId: actor.id,
    actorRole: actor.role,
    actorInstitutionId: actor.institutionId === null ? null : Number(actor.institutionId),
    at,
    before: change.before,
    after: change.after,
  });
}
