/** Builders for workflow tests: units under an institution, callers, and reports in any state straight in the DB. */
import type { ReportState, Role } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Caller } from '../../src/app/accounts/caller';
import type { Db } from '../../src/db/open';
import { saveTransition } from '../../src/db/postgres-lifecycle';
import { insertReport } from '../../src/db/postgres-reports';
import { hashAccessCode, newTrackingId } from '../../src/security/ids';

/** Creates an active unit under `parentId` (same time zone and region) and returns its id. */
export async function createUnit(db: Db, parentId: number, code: string, name: string): Promise<number> {
  const res =
    await db.execute(sql`insert into institutions (parent_id, path, code, kind, name, region_code, time_zone)
    select id, path, ${code}, 'unit', ${name}, region_code, time_zone from institutions where id = ${parentId}
    returning id`);
  const id = (res.rows[0] as { id: number }).id;
  await db.execute(sql`update institutions set path = path || ${id}::int where id = ${id}`);
  return id;
}

/** A caller holding one role grant, as the session middleware would resolve it (for use-case tests). */
export function callerOf(role: Role, institutionId: number | null, over: Partial<Caller> = {}): Caller {
  return {
    userId: `user-${role}-${institutionId ?? 'national'}`,
    name: `Petugas ${role}`,
    email: `${role}@pintu.test`,
    grants: [{ role, institutionId }],
    permissions: [],
    mustChangePassword: false,
    ...over,
  };
}

/** Stores a report whose lifecycle is `state` (with id replaced by a new tracking id), through the repositories. */
export async function storeReportState(
  db: Db,
  state: ReportState,
  over: {
    categoryId: number;
    accessCode?: string;
    isAnonymous?: boolean;
    isConfidential?: boolean;
    reporterSealed?: string | null;
    /** The account that filed it, for "my reports" (the lifecycle's reporterId alone decides the policy). */
    reporterAccountId?: string | null;
    title?: string;
    body?: string;
    /** Uploaded attachments (POST /api/v1/attachments) the report claims. */
    attachmentIds?: string[];
    at: Date;
  },
): Promise<{ trackingId: string; state: ReportState }> {
  const trackingId = newTrackingId();
  const s: ReportState = { ...structuredClone(state), id: trackingId };
  const inserted = await insertReport(
    db,
    {
      trackingId,
      type: s.type,
      title: over.title ?? 'Jalan rusak parah di Samarinda Ulu',
      body:
        over.body ??
        'Jalan berlubang besar sepanjang lima puluh meter dan sering menyebabkan kecelakaan motor.',
      incidentDate: '2024-05-01',
      regionCode: '64.72',
      address: null,
      lat: null,
      lng: null,
      categoryId: over.categoryId,
      requestedInstitutionId: null,
      institutionId: s.holder.institutionId === null ? null : Number(s.holder.institutionId),
      status: s.status,
      dueAt: s.clock?.dueAt ?? null,
      lifecycle: s,
      isAnonymous: over.isAnonymous ?? false,
      isConfidential: over.isConfidential ?? false,
      channel: 'web',
      language: 'id',
      reporterAccountId: over.reporterAccountId ?? null,
      reporterSealed: over.reporterSealed ?? null,
      accessCodeHash: over.accessCode ? hashAccessCode(over.accessCode) : null,
      createdAt: s.submittedAt,
    },
    {
      action: 'submitted',
      actorId: null,
      actorRole: 'guest',
      institutionId: null,
      at: s.submittedAt,
      fromStatus: null,
      toStatus: 'submitted',
      // As intake writes it (the core's `submitted` payload), so the events alone tell the first queue and deadline.
      payload: {
        requestedInstitutionId: s.holder.institutionId,
        ...(s.clock ? { dueAt: s.clock.dueAt.toISOString() } : {}),
      },
    },
    over.attachmentIds ?? [],
  );
  if (!('id' in inserted)) throw new Error('insert failed');
  const saved = await saveTransition(db, trackingId, null, s, [], over.at);
  if (!saved.ok) throw new Error(saved.reason);
  return { trackingId, state: s };
}
