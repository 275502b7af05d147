/**
 * The generated action matrix over the API: every lifecycle action, in a report of every status, by every role that
 * can call the API (in scope and out of it), must get exactly what the core says — `applyAction` with the context
 * the server builds — and a refusal must change nothing. Report states are built with the core and stored through
 * the repositories (no HTTP walk); each success gets a fresh copy of its report.
 */
import {
  type Actor,
  allowedActions,
  applyAction,
  type GuardContext,
  type Holder,
  type LifecycleAction,
  type LifecycleActionName,
  type LifecycleContext,
  openReport,
  type ReportState,
  type ReportStatus,
  type Role,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { institutionsById } from '../../src/db/postgres-workflow';
import { refIds } from './fixtures';
import { signInAs } from './sessions';
import { startTestApp, type TestApp } from './test-app';
import { createUnit, storeReportState } from './workflow-fixtures';

/** Monday 15 July 2024, 10:00 WITA: every fixture deadline has passed, the resolved report's windows are open. */
export const MATRIX_NOW = new Date('2024-07-15T02:00:00Z');
const ACCESS_CODE = 'MTRX-MTRX-MTRX-MTRX';
const WRONG_CODE = 'AAAA-BBBB-CCCC-DDDD';

/** One caller of the matrix: how it calls the API, and the core actor it stands for. */
export interface MatrixCaller {
  label: string;
  role: Role;
  inScope: boolean;
  headers: Record<string, string>;
  actor: Actor;
}

export interface Matrix {
  t: TestApp;
  callers: MatrixCaller[];
  states: Record<ReportStatus, ReportState>;
  payloads: Record<LifecycleActionName, { api: Record<string, unknown>; core: LifecycleAction }>;
  categoryId: number;
}

const HTTP: Record<string, number> = {
  NOT_ALLOWED: 403,
  INVALID_TRANSITION: 409,
  VALIDATION: 422,
  NOT_FOUND: 404,
};

/** Roles that can call the API; the scheduler (`system`) cannot. Out of scope: another account or institution. */
const API_ROLES: Role[] = [
  'citizen',
  'guest',
  'facilitator',
  'national_admin',
  'coordinator',
  'liaison_officer',
  'unit_operator',
  'leadership',
  'developer',
  'oversight',
];

/** Starts the app, signs in one caller per role and scope, and builds a report state in every status. */
export async function setUpMatrix(): Promise<Matrix> {
  const t = await startTestApp({ now: MATRIX_NOW.toISOString() });
  const db = t.deps.db;
  const ids = await refIds(db);
  const other = (
    (await db.execute(sql`select id from institutions where code = 'pemda-64.71'`)).rows[0] as { id: number }
  ).id;
  const unitId = await createUnit(db, ids.samarinda, 'pemda-64.72-matrix-pu', 'Dinas PU (matriks)');
  const refs = await institutionsById(db, [ids.samarinda, unitId, other]);
  const inst = refs.get(ids.samarinda)!.holder;
  const unit = refs.get(unitId)!.holder;
  const elsewhere = refs.get(other)!.holder;

  const callers: MatrixCaller[] = [];
  await Promise.all(
    API_ROLES.flatMap((role) =>
      [true, false].map(async (inScope) => {
        if (role === 'national_admin' && !inScope) return; // national: there is no outside
        const label = `${role}${inScope ? '' : ' (out of scope)'}`;
        if (role === 'guest') {
          const headers = { 'x-access-code': inScope ? ACCESS_CODE : WRONG_CODE };
          callers.push({ label, role, inScope, headers, actor: { id: '', role, institutionId: null } });
          return;
        }
        const national = role === 'citizen' || role === 'facilitator' || role === 'national_admin';
        const institutionId = national ? null : inScope ? ids.samarinda : other;
        const who = await signInAs(t, { role, institutionId });
        callers.push({
          label,
          role,
          inScope,
          headers: who.headers,
          actor: {
            id: who.userId,
            role,
            institutionId: institutionId === null ? null : String(institutionId),
            grants: [],
          },
        });
      }),
    ),
  );
  callers.sort((a, b) => a.label.localeCompare(b.label));
  const reporter = callers.find((c) => c.role === 'citizen' && c.inScope)!.actor;
  const facilitator = callers.find((c) => c.role === 'facilitator' && c.inScope)!.actor;
  // The guest behind the access code is the report's own reporter; out of scope, someone else.
  for (const c of callers.filter((x) => x.role === 'guest'))
    c.actor = { ...c.actor, id: c.inScope ? reporter.id : 'guest:someone-else' };

  return {
    t,
    callers,
    states: buildStates(t, inst, reporter, facilitator),
    payloads: payloadsFor(inst, unit, elsewhere, ids.samarinda, unitId, other),
    categoryId: ids.roads,
  };
}

function payloadsFor(
  inst: Holder,
  unit: Holder,
  elsewhere: Holder,
  instId: number,
  unitId: number,
  otherId: number,
) {
  const both = (api: Record<string, unknown>, core: LifecycleAction) => ({
    api: { action: core.type, ...api },
    core,
  });
  const same = (core: LifecycleAction) => {
    const { type: _type, ...rest } = core;
    return both(rest, core);
  };
  return {
    verify: both({ targets: [instId] }, { type: 'verify', targets: [inst] }),
    dispose_down: both({ unit: unitId }, { type: 'dispose_down', unit }),
    not_our_authority: both(
      { reason: 'Jalan nasional, kewenangan pusat', target: otherId },
      { type: 'not_our_authority', reason: 'Jalan nasional, kewenangan pusat', target: elsewhere },
    ),
    hold: same({ type: 'hold', question: 'Di RT berapa lokasinya?' }),
    answer_hold: same({ type: 'answer_hold', message: 'RT 05, depan masjid.' }),
    archive: both({ reason: 'unclear' }, { type: 'archive', reason: 'unclear', duplicateOfId: null }),
    auto_archive: same({ type: 'auto_archive' }),
    acknowledge: same({ type: 'acknowledge', complexity: 'no_field_exam', message: 'Kami terima.' }),
    draft_follow_up: both(
      { message: 'Draf jawaban.' },
      { type: 'draft_follow_up', message: 'Draf jawaban.', attachmentIds: [] },
    ),
    approve_follow_up: same({ type: 'approve_follow_up' }),
    return_draft: same({ type: 'return_draft', note: 'Tambahkan foto.' }),
    post_follow_up: both(
      { message: 'Sudah diperbaiki.' },
      { type: 'post_follow_up', message: 'Sudah diperbaiki.', attachmentIds: [] },
    ),
    reporter_reply: same({ type: 'reporter_reply', message: 'Belum beres.' }),
    accept: same({ type: 'accept', rating: 5 }),
    auto_resolve: same({ type: 'auto_resolve' }),
    reopen: same({ type: 'reopen', reason: 'Rusak lagi.' }),
    rate: same({ type: 'rate', rating: 3 }),
    comment_internal: same({ type: 'comment_internal', message: 'Cek ke kecamatan.' }),
    escalate: same({ type: 'escalate' }),
    resolve_parent: same({ type: 'resolve_parent' }),
    // The fixtures are no program's grievances: raising one is refused alike through the API and the core.
    raise_level: both(
      { reason: 'Perlu ditangani kabupaten.' },
      { type: 'raise_level', reason: 'Perlu ditangani kabupaten.', target: elsewhere },
    ),
    // The fixtures carry no flag: release and confirm are refused alike (test/api/abuse-moderation.test.ts).
    flag: same({ type: 'flag', reason: 'spam' }),
    release_flag: same({ type: 'release_flag' }),
    confirm_flag: same({ type: 'confirm_flag' }),
  } satisfies Matrix['payloads'];
}

/** A report in every status, held by the institution, built through the core with the real calendar. */
function buildStates(
  t: TestApp,
  inst: Holder,
  reporter: Actor,
  facilitator: Actor,
): Record<ReportStatus, ReportState> {
  const calendar = t.deps.calendar.get();
  const day = (n: number) => new Date(Date.parse('2024-06-03T01:00:00Z') + n * 86_400_000);
  const staff = (role: Role): Actor => ({ id: `fixture-${role}`, role, institutionId: inst.institutionId });
  const must = (s: ReportState, a: LifecycleAction, actor: Actor, at: Date) => {
    const r = applyAction(s, a, actor, at, { calendar });
    if (!r.ok) throw new Error(`${a.type}: ${r.error.message}`);
    return r.report;
  };
  const opened = openReport(
    { id: 'matrix', type: 'complaint', reporterId: reporter.id, requested: inst },
    facilitator,
    day(0),
    { calendar },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const submitted = opened.report;
  const dispositioned = must(submitted, { type: 'verify', targets: [inst] }, staff('coordinator'), day(1));
  const ack = { type: 'acknowledge', complexity: 'simple', message: 'Kami proses.' } as const;
  const progress = must(dispositioned, ack, staff('liaison_officer'), day(2));
  const awaiting = must(
    progress,
    { type: 'post_follow_up', message: 'Sudah ditambal.' },
    staff('liaison_officer'),
    day(3),
  );
  return {
    submitted,
    dispositioned,
    in_progress: must(
      progress,
      { type: 'draft_follow_up', message: 'Draf.' },
      staff('unit_operator'),
      day(3),
    ),
    awaiting_reporter: awaiting,
    resolved: must(
      awaiting,
      { type: 'accept', rating: 4 },
      reporter,
      new Date(MATRIX_NOW.getTime() - 3_600_000),
    ),
    on_hold: must(
      dispositioned,
      { type: 'hold', question: 'Alamat lengkap?' },
      staff('liaison_officer'),
      day(2),
    ),
    archived: must(submitted, { type: 'archive', reason: 'unclear' }, staff('coordinator'), day(1)),
  };
}

/** The context the server builds for these reports: default settings (follow-ups need approval), no children. */
function contextAt(m: Matrix): LifecycleContext & GuardContext {
  return {
    calendar: m.t.deps.calendar.get(),
    settings: { followUpRequiresApproval: true },
    childStatuses: [],
    newReportId: () => 'LPR-NEW0-NEW0-NEW0',
    earlierFollowUps: [],
  };
}

async function store(m: Matrix, status: ReportStatus) {
  return storeReportState(m.t.deps.db, m.states[status], {
    categoryId: m.categoryId,
    accessCode: ACCESS_CODE,
    at: MATRIX_NOW,
  });
}

async function snapshot(m: Matrix, trackingId: string) {
  const res = await m.t.deps.db.execute(sql`select r.lifecycle, r.status, r.updated_at as "updatedAt",
      (select count(*)::int from events e where e.report_id = r.id) as events
    from reports r where r.tracking_id = ${trackingId}`);
  return res.rows[0];
}

/**
 * Tries one action in one status with every caller and checks each answer against the core. Refusals go to one
 * shared report, which must be unchanged afterwards; each success gets its own fresh report.
 */
export async function checkActionInStatus(m: Matrix, action: LifecycleActionName, status: ReportStatus) {
  const shared = await store(m, status);
  const before = await snapshot(m, shared.trackingId);
  const ctx = contextAt(m);
  const payload = m.payloads[action];
  let successes = 0;
  await Promise.all(
    m.callers.map(async (caller) => {
      const state = { ...m.states[status], id: shared.trackingId };
      const want = applyAction(state, payload.core, caller.actor, MATRIX_NOW, ctx);
      const target = want.ok ? (await store(m, status)).trackingId : shared.trackingId;
      const res = await m.t.post(`/api/v1/reports/${target}/actions`, payload.api, caller.headers);
      const body = await res.json();
      const where = `${action} on ${status} by ${caller.label}`;
      if (want.ok) {
        successes++;
        expect(res.status, `${where}: ${JSON.stringify(body)}`).toBe(200);
        const next = { ...want.report, id: target };
        expect(body.status, where).toBe(want.report.status);
        expect(body.dueAt, where).toBe(want.report.clock?.dueAt.toISOString() ?? null);
        expect(body.allowedActions, where).toEqual(
          allowedActions(next, caller.actor, { ...ctx, now: MATRIX_NOW }),
        );
        const last =
          await m.t.deps.db.execute(sql`select e.action, e.from_status as "from", e.to_status as "to"
          from events e join reports r on r.id = e.report_id where r.tracking_id = ${target} order by e.seq desc limit 1`);
        expect(last.rows[0], where).toEqual({ action, from: status, to: want.report.status });
      } else {
        expect({ status: res.status, code: body.code }, `${where}: ${JSON.stringify(body)}`).toEqual({
          status: HTTP[want.error.code],
          code: want.error.code,
        });
        // A wrong access code is no actor at all; the core's refusal of a stranger has no reason to compare.
        if (caller.role !== 'guest' || caller.inScope) expect(body.reason, where).toBe(want.error.reason);
      }
    }),
  );
  expect(await snapshot(m, shared.trackingId), `${action} on ${status}: refusals changed nothing`).toEqual(
    before,
  );
  return successes;
}
