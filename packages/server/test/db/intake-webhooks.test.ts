/**
 * An app's filing tells that app's webhooks (`report.filed`) in intake's own statement (ADR 0012): each of intake's
 * three statements writes the same delivery rows the webhook projector derives from the event log (enqueueWebhooks),
 * and only to the filing app's live endpoints subscribed to the type.
 */
import { createCalendar, NATIONAL_HOLIDAYS, openReport } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holderOf } from '../../src/db/holders';
import type { Database, Db } from '../../src/db/open';
import { checkReferences, fileReportIfValid, insertReport } from '../../src/db/postgres-reports';
import { enqueueWebhooks } from '../../src/db/postgres-webhook-projector';
import { refIds } from '../support/fixtures';
import { ENGINES, openTestDatabase } from '../support/test-db';
import { insertApp } from '../support/webhook-fixtures';

const calendar = createCalendar(NATIONAL_HOLIDAYS);
const AT = new Date('2024-06-03T02:00:00Z');
let n = 0;

async function endpoint(db: Db, appId: string, eventTypes: string[], enabled = true) {
  const id = `whe_test${++n}`;
  await db.execute(sql`insert into webhook_endpoints (id, app_id, url, event_types, secret_sealed, enabled, created_at)
    values (${id}, ${appId}, 'https://example.test/hook', ${`{${eventTypes.join(',')}}`}::text[], 'sealed', ${enabled},
      now())`);
  return id;
}

/** What the database holds for the report's deliveries, comparable across reports. */
async function deliveries(db: Db, trackingId: string) {
  const res = await db.execute(sql`select d.endpoint_id as "endpointId", d.event_seq as "eventSeq",
      d.event_type as "eventType", d.payload, d.status, d.next_attempt_at as "nextAttemptAt"
    from webhook_deliveries d join reports r on r.id = d.report_id
    where r.tracking_id = ${trackingId} order by d.endpoint_id, d.event_type`);
  return res.rows;
}

/** The rows the projector writes for the report's logged events, in a transaction that is rolled back. */
async function projected(db: Db, trackingId: string) {
  let rows: unknown[] = [];
  await db
    .transaction(async (tx) => {
      const r = await tx.execute(sql`select id from reports where tracking_id = ${trackingId}`);
      const id = Number(r.rows[0]!.id);
      await tx.execute(sql`delete from webhook_deliveries where report_id = ${id}`);
      await enqueueWebhooks(tx as Db, id, 0, AT);
      rows = await deliveries(tx as Db, trackingId);
      throw new Error('rollback');
    })
    .catch((err: Error) => {
      if (err.message !== 'rollback') throw err;
    });
  return rows;
}

describe.each(ENGINES)('intake writes an app filing’s webhook deliveries (%s)', (engine) => {
  let database: Database;
  let db: Db;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let appId: string;
  let otherApp: string;
  const live: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    db = database.db;
    ids = await refIds(db);
    appId = await insertApp(db, ids.samarinda, `hook-${engine}`);
    otherApp = await insertApp(db, ids.samarinda, `other-${engine}`);
    live.push(await endpoint(db, appId, ['report.filed', 'report.status_changed']));
    live.push(await endpoint(db, appId, ['report.filed']));
    await endpoint(db, appId, ['report.status_changed']);
    await endpoint(db, appId, ['report.filed'], false);
    await endpoint(db, otherApp, ['report.filed']);
  });
  afterAll(() => database.close());

  async function filing(confidential = false) {
    const trackingId = `LPR-HOOK${String(++n).padStart(4, '0')}`;
    const ref = await checkReferences(db, {
      regionCode: '64.72.01',
      categoryId: ids.roads,
      institutionId: ids.samarinda,
      attachmentIds: [],
    });
    const institution = ref.institution!;
    const actor = { id: `app:${appId}`, role: 'integration' as const, institutionId: String(ids.samarinda) };
    const opened = openReport(
      {
        id: trackingId,
        type: 'complaint',
        reporterId: `guest:${trackingId}`,
        requested: holderOf(institution),
      },
      actor,
      AT,
      { calendar },
    );
    if (!opened.ok) throw new Error(opened.error.message);
    const e = opened.events[0]!;
    const row = {
      trackingId,
      type: 'complaint',
      title: 'Lampu jalan mati di depan sekolah',
      body: 'Lampu jalan di depan sekolah mati sejak dua minggu, jalan gelap dan rawan bagi anak-anak.',
      incidentDate: '2024-05-01',
      regionCode: '64.72.01',
      address: null,
      lat: null,
      lng: null,
      categoryId: ids.roads,
      requestedInstitutionId: ids.samarinda,
      institutionId: ids.samarinda,
      status: opened.report.status,
      dueAt: opened.report.clock?.dueAt ?? null,
      lifecycle: opened.report,
      isAnonymous: false,
      isConfidential: confidential,
      channel: `integration:hook-${engine}`,
      language: 'id',
      reporterAccountId: null,
      reporterSealed: null,
      accessCodeHash: null,
      integrationAppId: appId,
      externalRef: `ext-${trackingId}`,
      createdAt: AT,
    };
    const first = {
      action: e.type,
      actorId: null,
      actorRole: e.actorRole,
      institutionId: null,
      at: AT,
      fromStatus: null,
      toStatus: e.to,
      payload: { ...e.payload, channel: row.channel, queue: 'institution' },
    };
    return { row, first, institution };
  }

  it('each statement writes the projector’s rows, to the filing app’s live subscribed endpoints only', async () => {
    const single = await filing();
    expect((await fileReportIfValid(db, single.row, single.first, single.institution)).id).not.toBeNull();
    const many = await Promise.all([filing(), filing(true), filing(), filing()]);
    const filed = await Promise.all(many.map((f) => fileReportIfValid(db, f.row, f.first, f.institution)));
    expect(filed.every((f) => f.id !== null)).toBe(true);
    const checked = await filing();
    expect('id' in (await insertReport(db, checked.row, checked.first, []))).toBe(true);

    for (const f of [single, ...many, checked]) {
      const rows = await deliveries(db, f.row.trackingId);
      expect(rows.map((r) => r.endpointId).sort()).toEqual([...live].sort());
      expect(rows.every((r) => r.eventType === 'report.filed' && Number(r.eventSeq) === 1)).toBe(true);
      expect(rows).toEqual(await projected(db, f.row.trackingId));
    }
    const confidential = (await deliveries(db, many[1]!.row.trackingId))[0]!.payload as {
      data: Record<string, unknown>;
    };
    expect(Object.keys(confidential.data).sort()).toEqual(['at', 'seq', 'status', 'trackingId']);
  });

  it('a filing nobody filed through an app writes no delivery', async () => {
    const f = await filing();
    const plain = { ...f.row, channel: 'web', integrationAppId: null, externalRef: null };
    expect((await fileReportIfValid(db, plain, f.first, f.institution)).id).not.toBeNull();
    expect(await deliveries(db, f.row.trackingId)).toEqual([]);
  });
});
