/** Direct repository-level builders for db contract tests (no HTTP). */
import { createCalendar, NATIONAL_HOLIDAYS, openReport } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/open';
import { insertReport } from '../../src/db/postgres-reports';

let n = 0;
const calendar = createCalendar(NATIONAL_HOLIDAYS);

/** Inserts a report in the national queue through the repository; returns its tracking id. */
export async function insertTestReport(
  db: Db,
  over: { title?: string; body?: string; isConfidential?: boolean; at?: Date; regionCode?: string } = {},
): Promise<{ id: number; trackingId: string }> {
  n += 1;
  const trackingId = `LPR-TEST-${String(n).padStart(4, '0')}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const at = over.at ?? new Date('2024-06-03T02:00:00Z');
  const opened = openReport(
    { id: trackingId, type: 'complaint', reporterId: `guest:${trackingId}` },
    { id: `guest:${trackingId}`, role: 'guest', institutionId: null },
    at,
    { calendar },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const cat = await db.execute(sql`select id from categories order by id limit 1`);
  const res = await insertReport(
    db,
    {
      trackingId,
      type: 'complaint',
      title: over.title ?? 'Lampu penerangan jalan mati total',
      body: over.body ?? 'Sudah dua bulan lampu jalan di kampung kami mati dan rawan kejahatan malam hari.',
      incidentDate: '2024-05-01',
      regionCode: over.regionCode ?? '64.72',
      address: null,
      lat: null,
      lng: null,
      categoryId: (cat.rows[0] as { id: number }).id,
      requestedInstitutionId: null,
      institutionId: null,
      status: opened.report.status,
      dueAt: opened.report.clock?.dueAt ?? null,
      lifecycle: opened.report,
      isAnonymous: false,
      isConfidential: over.isConfidential ?? false,
      channel: 'web',
      language: 'id',
      reporterAccountId: null,
      reporterSealed: null,
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
  return { id: res.id, trackingId };
}
