/** Audit rows of institution administration, written in the same transaction as the change they record. */
import type { Actor, InstitutionAdminStore, InstitutionAuditAction } from '@pintu/core';

/** Records one administrative change by `actor` on institution `institutionId`. */
export function audit(
  tx: Pick<InstitutionAdminStore, 'appendAudit'>,
  actor: Actor,
  institutionId: number,
  action: InstitutionAuditAction,
  change: { before: unknown; after: unknown },
  at: Date,
): Promise<void> {
  return tx.appendAudit({
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
