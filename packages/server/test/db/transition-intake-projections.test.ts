/**
 * Intake's single statement and record-transition write the same projections (issue 11): a report filed through
 * intake and the same report recorded through record-transition have identical stage clocks, outbox rows, rollups
 * and activity — at filing, and after the same next action on both.
 */
import {
  applyAction,
  createCalendar,
  type LifecycleEvent,
  NATIONAL_HOLIDAYS,
  openReport,
  type ReportState,
  reminderAt,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holderOf } from '../../src/db/holders';
import type { Database, Db } from '../../src/db/open';
import { saveTransition } from '../../src/db/postgres-lifecycle';
import { defaultProjectors } from '../../src/db/postgres-projectors';
import { checkReferences, fileReportIfValid, insertReport } from '../../src/db/postgres-reports';
import { postgresTransitions } from '../../src/db/postgres-transitions';
import { refIds } from '../support/fixtures';
import { ENGINES, openTestDatabase } from '../support/test-db';

const calendar = createCalendar(NATIONAL_HOLIDAYS);
const AT = new Date('2024-06-03T02:00:00Z');
const LATER = new Date('2024-06-04T03:00:00Z');
let n = 0;

/** A filing by a guest with a sealed contact, addressed to `institutionId`: its state, row and first event. */
function filing(trackingId: string, holder: ReturnType<typeof holderOf>, categoryId: number) {
  const guest = { id: `guest:${trackingId}`, role: 'guest' as const, institutionId: null };
  const opened = openReport(
    { id: trackingId, type: 'complaint', reporterId: guest.id, requested: holder },
    guest,
    AT,
    {
      calendar,
    },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const institutionId = Number(holder.institutionId);
  const row = {
    trackingId,
    type: 'complaint',
    title: 'Jalan berlubang di depan pasar',
    body: 'Lubang besar di depan pasar sudah tiga minggu tidak diperbaiki dan membahayakan pengendara.',
    incidentDate: '2024-05-01',
    regionCode: '64.72.01',
    address: null,
    lat: null,
    lng: null,
    categoryId,
    requestedInstitutionId: institutionId,
    institutionId,
    status: opened.report.status,
    dueAt: opened.report.clock?.dueAt ?? null,
    lifecycle: opened.report,
    isAnonymous: false,
    isConfidential: false,
    channel: 'web',
    language: 'id',
    reporterAccountId: null,
    reporterSealed: 'sealed-contact',
    accessCodeHash: null,
    createdAt: AT,
  };
  // A guest's events carry no actor id (domain.md §7), as intake writes them.
  const event: LifecycleEvent = { ...opened.events[0]!, actorId: null as unknown as string };
  const first = {
    action: event.type,
    actorId: null,
    actorRole: event.actorRole,
    institutionId: null,
    at: AT,
    fromStatus: null,
    toStatus: event.to,
    payload: event.payload,
  };
  return { state: opened.report, row, event, first };
}

const reportIdOf = async (db: Db, trackingId: string) =>
  Number((await db.execute(sql`select id from reports where tracking_id = ${trackingId}`)).rows[0]?.id);

/** A report's own projection rows, with its ids replaced so two reports compare. */
async function ownRows(db: Db, trackingId: string) {
  const id = await reportIdOf(db, trackingId);
  const clocks = await db.execute(sql`select stage, holder_institution_id, time_zone, region_code, started_at,
      working_days, anchor_at, anchor_days, due_at, paused_at, remaining_days, paused_intervals, paused_ms,
      escalation_level, reminded_at, breached_at, completed_at, next_at
    from sla_stage_clocks where report_id = ${id} order by started_at, stage`);
  const outbox = await db.execute(sql`select idempotency_key, event_seq, recipient_kind, recipient_user_id,
      audience_role, audience_institution_id, channel, template, language, payload, status, next_attempt_at, created_at
    from notification_outbox where report_id = ${id} order by idempotency_key`);
  const facts =
    await db.execute(sql`select institution_id, disposition_date::text, category_id, province_code,
      bucket, follow_up_days, rating, reopened, verify_met, verify_breached, acknowledge_met, acknowledge_breached,
      follow_up_met, follow_up_breached, due_at from stats_report_facts where report_id = ${id}`);
  const json = JSON.stringify({ clocks: clocks.rows, outbox: outbox.rows, facts: facts.rows })
    .replaceAll(trackingId, 'T')
    .replaceAll(`n.${id}.`, 'n.R.');
  return JSON.parse(json) as { clocks: unknown[]; outbox: unknown[]; facts: unknown[] };
}

const ROLLUP_KEYS: Record<string, string[]> = {
  stats_daily: ['institution_id', 'day', 'category_id', 'province_code'],
  stats_monthly: ['institution_id', 'month'],
  stats_monthly_national: ['month', 'category_id', 'province_code'],
  stats_activity: ['institution_id', 'day', 'actor_role', 'action'],
};

/** Every rollup and activity counter, by table, key and column, summed over the key's shards (ADR 0014). */
async function counters(db: Db): Promise<Map<string, number>> {
  const all = new Map<string, number>();
  for (const [table, keys] of Object.entries(ROLLUP_KEYS)) {
    const res = await db.execute(sql.raw(`select * from ${table}`));
    for (const r of res.rows) {
      const key = `${table}|${keys.map((k) => String(r[k])).join('|')}`;
      for (const [col, v] of Object.entries(r))
        if (!keys.includes(col) && col !== 'shard')
          all.set(`${key}|${col}`, (all.get(`${key}|${col}`) ?? 0) + Number(v));
    }
  }
  return all;
}

/** What changed between two counter snapshots (non-zero differences only). */
function delta(before: Map<string, number>, after: Map<string, number>) {
  const out: Record<string, number> = {};
  for (const [k, v] of after) if (v !== (before.get(k) ?? 0)) out[k] = v - (before.get(k) ?? 0);
  return out;
}

describe.each(ENGINES)('intake and record-transition projections on %s', (engine) => {
  let database: Database;
  let db: Db;
  let holder: ReturnType<typeof holderOf>;
  let presumed: Awaited<ReturnType<typeof checkReferences>>['institution'];
  let categoryId: number;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    db = database.db;
    const ids = await refIds(db);
    categoryId = ids.roads;
    const ref = await checkReferences(db, {
      regionCode: '64.72.01',
      categoryId,
      institutionId: ids.samarinda,
      attachmentIds: [],
    });
    presumed = ref.institution;
    holder = holderOf(presumed!);
  });
  afterAll(() => database.close());

  /** Files `trackingId` through intake (`how`) and the same report through record-transition; returns both ids. */
  async function fileBoth(how: 'insert' | 'file') {
    n += 1;
    const viaIntake = `LPR-INTAKE-${engine}-${n}`;
    const viaRecord = `LPR-RECORD-${engine}-${n}`;
    const a = filing(viaIntake, holder, categoryId);
    if (how === 'insert') await insertReport(db, a.row, a.first, []);
    else expect((await fileReportIfValid(db, a.row, a.first, presumed)).id).not.toBeNull();
    // The same report through record-transition: its row first (no projection), then its first event.
    const b = filing(viaRecord, holder, categoryId);
    await db.execute(sql`insert into reports (tracking_id, type, title, body, incident_date, region_code, category_id,
        requested_institution_id, institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel,
        language, reporter_account_id, reporter_sealed, access_code_hash, created_at, updated_at)
      select ${viaRecord}, type, title, body, incident_date, region_code, category_id, requested_institution_id,
        institution_id, status, due_at, ${JSON.stringify(b.state)}::jsonb, is_anonymous, is_confidential, channel,
        language, reporter_account_id, reporter_sealed, access_code_hash, created_at, created_at
      from reports where tracking_id = ${viaIntake}`);
    const recorded = await postgresTransitions(db).record(
      { trackingId: viaRecord, expectedUpdatedAt: null, state: b.state, events: [b.event], now: AT },
      defaultProjectors(),
    );
    expect(recorded.ok).toBe(true);
    return { viaIntake, viaRecord, a, b };
  }

  it.each(['insert', 'file'] as const)('a filing (%s) gives the same rows both ways', async (how) => {
    const before = await counters(db);
    const { viaIntake, viaRecord, a } = await fileBoth(how);
    const intake = await ownRows(db, viaIntake);
    expect(intake.clocks).toHaveLength(1);
    expect(new Date(String((intake.clocks[0] as { next_at: string }).next_at))).toEqual(
      reminderAt(a.state.clock!.dueAt),
    );
    expect(intake.outbox.map((o) => (o as { channel: string }).channel).sort()).toEqual(['email', 'sms']);
    expect(await ownRows(db, viaRecord)).toEqual(intake);
    // A filing counts nowhere yet: neither way wrote a rollup or activity.
    expect(delta(before, await counters(db))).toEqual({});
  });

  it('the next action on both gives the same rows and the same rollup and activity deltas', async () => {
    const { viaIntake, viaRecord, a, b } = await fileBoth('file');
    const admin = { id: 'admin-1', role: 'national_admin' as const, institutionId: null };
    const verify = async (trackingId: string, state: ReportState) => {
      const res = applyAction(state, { type: 'verify', targets: [holder] }, admin, LATER, { calendar });
      if (!res.ok) throw new Error(res.error.message);
      const before = await counters(db);
      expect((await saveTransition(db, trackingId, null, res.report, res.events, LATER)).ok).toBe(true);
      return delta(before, await counters(db));
    };
    const intakeDelta = await verify(viaIntake, a.state);
    const recordDelta = await verify(viaRecord, b.state);
    expect(Object.keys(intakeDelta).length).toBeGreaterThan(0);
    expect(recordDelta).toEqual(intakeDelta);
    const intake = await ownRows(db, viaIntake);
    expect(intake.clocks).toHaveLength(2);
    expect(intake.facts).toHaveLength(1);
    expect(await ownRows(db, viaRecord)).toEqual(intake);

    // The comparison sees a difference: a reminder one minute off in one writer's row fails it.
    const id = await reportIdOf(db, viaIntake);
    await db.execute(sql`update sla_stage_clocks set next_at = next_at + interval '1 minute'
      where report_id = ${id} and completed_at is null`);
    expect(await ownRows(db, viaRecord)).not.toEqual(await ownRows(db, viaIntake));
  });
});
