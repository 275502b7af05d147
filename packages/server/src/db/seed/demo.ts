/**
 * The demo data set: a few hundred reports in every status, built through the real lifecycle (openReport and
 * applyAction) so their events, clocks and deadlines are exactly what the system itself would produce.
 */
import {
  type Actor,
  applyAction,
  type LifecycleAction,
  openReport,
  REPORT_STATUSES,
  type ReportState,
  type ReportStatus,
  type WorkingDayCalendar,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Progress } from '../../cli/progress';
import { hashAccessCode } from '../../security/ids';
import type { Sealer } from '../../security/seal';
import { holderOf, type InstitutionForHolder } from '../holders';
import type { Db } from '../open';
import { saveTransition } from '../postgres-lifecycle';
import { insertReport } from '../postgres-reports';
import { DEMO_FOLLOW_UPS, DEMO_NAMES, DEMO_REPORTS } from './demo-texts';

const PER_STATUS = 50;
const DAY = 86_400_000;
/** The guest access code of every demo report, so anyone can try the reporter's view. */
export const DEMO_ACCESS_CODE = 'DEMO-DEMO-DEMO-DEMO';

/** A small deterministic generator, so every install gets the same demo data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * What seeding the demo needs of the app's dependencies (the part of `AppDeps` it uses; db/ may not import app/,
 * so it is spelled out here).
 */
export interface DemoDeps {
  db: Db;
  sealer: Pick<Sealer, 'seal'>;
  calendar: { get(): WorkingDayCalendar };
  clock: () => Date;
}

interface Pools {
  institutions: (InstitutionForHolder & { name: string })[];
  categories: { id: number; topic: string }[];
  districts: Map<string, string[]>;
}

async function loadPools(deps: DemoDeps): Promise<Pools> {
  // Demo reports go to the governments of a handful of regions in all three time zones.
  const inst =
    await deps.db.execute(sql`select id, path, time_zone as "timeZone", region_code as "regionCode", name
    from institutions where code in ('pemda-64.72', 'pemda-64.71', 'pemprov-64', 'pemda-31.71', 'pemda-32.73',
      'pemda-35.78', 'pemda-73.71', 'pemda-51.71', 'pemda-91.71', 'pemda-81.71', 'pemda-33.74', 'pemda-12.71')
    order by code`);
  const cats = await deps.db.execute(sql`select c.id, p.code as topic from categories c
    join categories p on p.id = c.parent_id order by c.id`);
  const institutions = (inst.rows as Record<string, unknown>[]).map((r) => ({
    id: Number(r.id),
    path: (r.path as unknown[]).map(Number),
    timeZone: String(r.timeZone),
    regionCode: r.regionCode == null ? null : String(r.regionCode),
    name: String(r.name),
  }));
  const codes = institutions.map((i) => i.regionCode!).filter((c) => c.length === 5);
  const dist = await deps.db.execute(sql`select parent_code as "parent", code from regions
    where level = 3 and parent_code = any(${`{${codes.join(',')}}`}::text[])`);
  const districts = new Map<string, string[]>();
  for (const r of dist.rows as { parent: string; code: string }[])
    districts.set(r.parent, [...(districts.get(r.parent) ?? []), r.code]);
  const categories = (cats.rows as Record<string, unknown>[]).map((r) => ({
    id: Number(r.id),
    topic: String(r.topic),
  }));
  return { institutions, categories, districts };
}

/** The actions that take a fresh report to `target`, and who performs them. */
function pathTo(
  target: ReportStatus,
  holder: ReturnType<typeof holderOf>,
  reporter: Actor,
  pick: () => number,
) {
  const admin: Actor = { id: 'demo:admin-nasional', role: 'national_admin', institutionId: null };
  const liaison: Actor = {
    id: `demo:penghubung-${holder.institutionId}`,
    role: 'liaison_officer',
    institutionId: holder.institutionId,
  };
  const steps: [Actor, LifecycleAction][] = [];
  if (target === 'on_hold')
    return [[admin, { type: 'hold', question: 'Mohon lengkapi alamat dan foto lokasi.' }]] as typeof steps;
  if (target === 'archived')
    return [
      [admin, { type: 'archive', reason: pick() < 0.5 ? 'unclear' : 'not_public_service' }],
    ] as typeof steps;
  if (target === 'submitted') return steps;
  steps.push([admin, { type: 'verify', targets: [holder] }]);
  if (target === 'dispositioned') return steps;
  const complexity = (['simple', 'no_field_exam', 'field_exam'] as const)[Math.floor(pick() * 3)]!;
  steps.push([
    liaison,
    { type: 'acknowledge', complexity, message: 'Laporan diterima dan sedang kami proses.' },
  ]);
  if (target === 'in_progress') return steps;
  const message = DEMO_FOLLOW_UPS[Math.floor(pick() * DEMO_FOLLOW_UPS.length)]!;
  steps.push([liaison, { type: 'post_follow_up', message }]);
  if (target === 'awaiting_reporter') return steps;
  steps.push([reporter, { type: 'accept', rating: 3 + Math.floor(pick() * 3), comment: 'Terima kasih.' }]);
  return steps;
}

/** Adds the demo data set once: skipped when any report exists. */
export async function seedDemoData(deps: DemoDeps, progress: Progress): Promise<{ added: number }> {
  const has = await deps.db.execute(sql`select exists(select 1 from reports) as has`);
  if ((has.rows[0] as { has: boolean }).has) return { added: 0 };
  const pools = await loadPools(deps);
  const pick = rng(20240405);
  const now = deps.clock();
  const calendar = deps.calendar.get();
  const statuses = REPORT_STATUSES as readonly ReportStatus[];
  progress.step('Data contoh (demo reports)', statuses.length * PER_STATUS);
  for (let i = 0; i < statuses.length * PER_STATUS; i++) {
    const target = statuses[i % statuses.length]!;
    const inst = pools.institutions[Math.floor(pick() * pools.institutions.length)]!;
    const text = DEMO_REPORTS[Math.floor(pick() * DEMO_REPORTS.length)]!;
    const cats = pools.categories.filter((c) => c.topic.startsWith(text.topic));
    const category = (cats.length ? cats : pools.categories)[
      Math.floor(pick() * (cats.length || pools.categories.length))
    ]!;
    const districts = pools.districts.get(inst.regionCode ?? '') ?? [inst.regionCode!];
    const regionCode = districts[Math.floor(pick() * districts.length)]!;
    // The status's first four letters, without `_`: the id must pass the tracking-id pattern (LPR-XXXX-XXXX-XXXX).
    const tag = target.replace(/_/g, '').slice(0, 4).toUpperCase().padEnd(4, 'X');
    const trackingId = `LPR-DEMO-${String(i + 1).padStart(4, '0')}-${tag}`;
    const reporterId = `guest:${trackingId}`;
    const reporter: Actor = { id: reporterId, role: 'guest', institutionId: null };
    const holder = holderOf(inst);
    // Filed 1–120 days ago; each later step follows 0–3 days after the previous one, never in the future.
    let at = new Date(now.getTime() - (1 + Math.floor(pick() * 120)) * DAY);
    const requested = target === 'submitted' && pick() < 0.5 ? holder : null;
    const opened = openReport(
      { id: trackingId, type: text.topic === 'aspirasi' ? 'aspiration' : 'complaint', reporterId, requested },
      reporter,
      at,
      { calendar },
    );
    if (!opened.ok) throw new Error(`demo: ${opened.error.message}`);
    let state: ReportState = opened.report;
    const anonymous = pick() < 0.2;
    const inserted = await insertReport(
      deps.db,
      {
        trackingId,
        type: state.type,
        title: `${text.title} (${inst.name.replace('Pemerintah ', '')})`,
        body: text.body,
        incidentDate: new Date(at.getTime() - DAY).toISOString().slice(0, 10),
        regionCode,
        address: null,
        lat: null,
        lng: null,
        categoryId: category.id,
        requestedInstitutionId: requested ? inst.id : null,
        institutionId: requested ? inst.id : null,
        status: state.status,
        dueAt: state.clock?.dueAt ?? null,
        lifecycle: state,
        isAnonymous: anonymous,
        isConfidential: pick() < 0.08,
        channel: pick() < 0.85 ? 'web' : 'assisted',
        language: 'id',
        reporterAccountId: null,
        reporterSealed: deps.sealer.seal({ name: DEMO_NAMES[i % DEMO_NAMES.length] }),
        accessCodeHash: hashAccessCode(DEMO_ACCESS_CODE),
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
        payload: { channel: 'web', demo: true },
      },
      [],
    );
    if (!('id' in inserted)) throw new Error('demo: insert failed');
    const events = [];
    for (const [actor, action] of pathTo(target, holder, reporter, pick)) {
      at = new Date(
        Math.min(now.getTime() - 60_000, at.getTime() + Math.floor(pick() * 3 * DAY) + 3_600_000),
      );
      const r = applyAction(state, action, actor, at, { calendar });
      if (!r.ok) throw new Error(`demo ${trackingId} ${action.type}: ${r.error.message}`);
      state = r.report;
      events.push(...r.events);
    }
    if (events.length) await saveTransition(deps.db, trackingId, null, state, events, at);
    progress.tick(1);
  }
  progress.done();
  return { added: statuses.length * PER_STATUS };
}
