/** Builders for inbox and institution administration tests: units, reports in any queue, callers. */
import { randomBytes } from 'node:crypto';
import { createCalendar, NATIONAL_HOLIDAYS, openReport, type Role } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Caller } from '../../src/app/accounts/caller';
import type { Db } from '../../src/db/open';
import { insertReport } from '../../src/db/postgres-reports';
import { createSealer } from '../../src/security/seal';

const calendar = createCalendar(NATIONAL_HOLIDAYS);
const sealer = createSealer(randomBytes(32));
let n = 0;

/** The reporter every fixture report carries (sealed at rest): no inbox response may contain any of it. */
export const REPORTER = { name: 'Rahmat Hidayatullah', email: 'rahmat.h@example.id', phone: '081299887766' };

/** Inserts a unit under a parent directly (no use case, no audit): for tests that need a tree, not its admin. */
export async function insertUnitRow(
  db: Db,
  parentId: number,
  name: string,
  regionCode: string | null = null,
): Promise<number> {
  const res = await db.execute(sql`
    with n as (select nextval(pg_get_serial_sequence('institutions', 'id'))::int as id),
      p as (select path, time_zone, region_code from institutions where id = ${parentId})
    insert into institutions (id, parent_id, path, code, kind, name, region_code, time_zone)
    select n.id, ${parentId}, p.path || n.id, 'test-unit-' || n.id, 'unit', ${name},
      coalesce(${regionCode}, p.region_code), p.time_zone
    from n, p returning id`);
  return (res.rows[0] as { id: number }).id;
}

export interface PlacedReport {
  holderId: number | null;
  status: string;
  dueAt: string | null;
  title?: string;
  body?: string;
  categoryId: number;
  regionCode?: string;
  type?: string;
  createdAt?: string;
  isAnonymous?: boolean;
  isConfidential?: boolean;
}

/**
 * Files a report through the repository, then places it in a queue: holder, status and deadline set on the row
 * the inbox reads (the inbox is a projection; how the report got there is the workflow's business).
 */
export async function placeReport(db: Db, r: PlacedReport): Promise<string> {
  n += 1;
  const trackingId = `LPR-INBX-${String(n).padStart(4, '0')}-${randomBytes(2).toString('hex').toUpperCase()}`;
  const at = new Date(r.createdAt ?? '2024-03-25T02:00:00Z');
  const opened = openReport(
    { id: trackingId, type: 'complaint', reporterId: `guest:${trackingId}` },
    { id: `guest:${trackingId}`, role: 'guest', institutionId: null },
    at,
    { calendar },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const res = await insertReport(
    db,
    {
      trackingId,
      type: r.type ?? 'complaint',
      title: r.title ?? `Laporan uji kotak masuk nomor ${n}`,
      body: r.body ?? 'Isi laporan untuk menguji kotak masuk petugas, cukup panjang untuk lolos batas.',
      incidentDate: '2024-03-01',
      regionCode: r.regionCode ?? '64.72.01',
      address: 'Jl. Pahlawan 12',
      lat: null,
      lng: null,
      categoryId: r.categoryId,
      requestedInstitutionId: null,
      institutionId: r.holderId,
      status: r.status,
      dueAt: r.dueAt ? new Date(r.dueAt) : null,
      lifecycle: opened.report,
      isAnonymous: r.isAnonymous ?? false,
      isConfidential: r.isConfidential ?? false,
      channel: 'web',
      language: 'id',
      reporterAccountId: null,
      reporterSealed: sealer.seal(REPORTER),
      accessCodeHash: null,
      createdAt: at,
    },
    {
      action: 'submitted',
      actorId: null,
      actorRole: 'guest',
      institutionId: null,
      at,
      fromStatus: null,
      toStatus: 'submitted',
      payload: {},
    },
    [],
  );
  if (!('id' in res)) throw new Error('insert failed');
  return trackingId;
}

/** A signed-in caller holding the given grants (what the session middleware would set). */
export function caller(
  grants: { role: Role; institutionId: number | null }[],
  userId = `user-${grants.map((g) => `${g.role}-${g.institutionId}`).join('-')}`,
): Caller {
  return {
    userId,
    name: 'Petugas Uji',
    email: `${userId}@example.id`,
    grants,
    permissions: [],
    mustChangePassword: false,
  };
}

/** End of a local day in WITA (UTC+8) as an ISO instant: the shape of every deadline in Kalimantan Timur. */
export const endOfDayWita = (date: string) =>
  new Date(new Date(`${date}T23:59:59.999+08:00`).getTime()).toISOString();
