/**
 * TEST SUPPORT — not used by the application. An institution tree, actors, and reports in every status, built through
 * the real `openReport` and `applyAction` so the fixtures cannot drift from the lifecycle.
 */
import type { Actor, Role } from '../policy/roles';
import type { ReportStatus } from '../report/report';
import type { LifecycleAction } from './actions';
import { applyAction } from './apply-action';
import { fakeWorkingDays } from './fake-working-days';
import type { Holder } from './holder';
import { openReport } from './open-report';
import type { LifecycleContext, ReportState } from './state';

/** TEST SUPPORT: a WIB instant from a local `YYYY-MM-DDTHH:mm` string. */
export const wib = (local: string): Date => new Date(`${local}:00+07:00`);

/** TEST SUPPORT: inst-a, a top-level institution in WIB. */
export const INST_A: Holder = {
  institutionId: 'inst-a',
  ancestorIds: [],
  timeZone: 'Asia/Jakarta',
  regionCode: null,
};
/** TEST SUPPORT: unit a1 under inst-a. */
export const UNIT_A1: Holder = { ...INST_A, institutionId: 'unit-a1', ancestorIds: ['inst-a'] };
/** TEST SUPPORT: unit a2 under inst-a. */
export const UNIT_A2: Holder = { ...INST_A, institutionId: 'unit-a2', ancestorIds: ['inst-a'] };
/** TEST SUPPORT: another top-level institution. */
export const INST_B: Holder = { ...INST_A, institutionId: 'inst-b' };
/** TEST SUPPORT: another top-level institution. */
export const INST_C: Holder = { ...INST_A, institutionId: 'inst-c' };
/** TEST SUPPORT: another top-level institution. */
export const INST_D: Holder = { ...INST_A, institutionId: 'inst-d' };
/** TEST SUPPORT: a city government in WITA with a region code. */
export const INST_WITA: Holder = {
  institutionId: 'pemkot-makassar',
  ancestorIds: [],
  timeZone: 'Asia/Makassar',
  regionCode: '73.71',
};

/** TEST SUPPORT: the reporter of the fixtures. */
export const REPORTER_ID = 'citizen-1';
/** TEST SUPPORT: the facilitator who filed the fixtures for the reporter. */
export const FACILITATOR_ID = 'facilitator-1';

/** TEST SUPPORT: an actor of a role; in scope of the fixtures (inst-a, the reporter) or out of it (inst-b, others). */
export function actorOf(role: Role, inScope = true): Actor {
  switch (role) {
    case 'citizen':
    case 'guest':
      return { id: inScope ? REPORTER_ID : 'someone-else', role, institutionId: null };
    case 'facilitator':
      return { id: inScope ? FACILITATOR_ID : 'facilitator-2', role, institutionId: null };
    case 'national_admin':
    case 'system':
      return { id: role, role, institutionId: null };
    default:
      return { id: `${role}-${inScope ? 'a' : 'b'}`, role, institutionId: inScope ? 'inst-a' : 'inst-b' };
  }
}

/** TEST SUPPORT: a lifecycle context on the fake calendar. */
export function testContext(extra: Partial<LifecycleContext> = {}): LifecycleContext {
  let next = 100;
  return { calendar: fakeWorkingDays(), newReportId: () => `child-${next++}`, ...extra };
}

/** TEST SUPPORT: applies an action and throws on failure, for building fixtures. */
export function must(
  report: ReportState,
  action: LifecycleAction,
  role: Role,
  at: Date,
  ctx: LifecycleContext = testContext(),
): ReportState {
  const result = applyAction(report, action, actorOf(role), at, ctx);
  if (!result.ok) throw new Error(`${action.type} by ${role} failed: ${result.error.message}`);
  return result.report;
}

/** TEST SUPPORT: a report filed by the facilitator for citizen-1, addressed to `holder`, at `at`. */
export function submitted(at: Date, holder: Holder | null = INST_A, ctx = testContext()): ReportState {
  const result = openReport(
    { id: 'r-1', type: 'complaint', reporterId: REPORTER_ID, requested: holder },
    actorOf('facilitator'),
    at,
    ctx,
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.report;
}

/** The instant the matrix tests act at: every deadline of the fixtures has passed, every window is open. */
export const MATRIX_NOW = wib('2024-07-15T10:00');

/**
 * TEST SUPPORT: a report in each status, held by inst-a: in_progress has a pending draft, on_hold was held from
 * dispositioned, resolved was accepted an hour before MATRIX_NOW; all other stage deadlines are past at MATRIX_NOW.
 */
export function reportIn(status: ReportStatus): ReportState {
  const t = (day: number) => new Date(wib('2024-06-03T09:00').getTime() + day * 86_400_000);
  const s = submitted(t(0));
  if (status === 'submitted') return s;
  if (status === 'archived') return must(s, { type: 'archive', reason: 'unclear' }, 'coordinator', t(1));
  const d = must(s, { type: 'verify', targets: [INST_A] }, 'coordinator', t(1));
  if (status === 'dispositioned') return d;
  if (status === 'on_hold')
    return must(d, { type: 'hold', question: 'Where exactly?' }, 'liaison_officer', t(2));
  const ack = { type: 'acknowledge', complexity: 'simple', message: 'We are on it' } as const;
  const p = must(d, ack, 'liaison_officer', t(2));
  if (status === 'in_progress')
    return must(p, { type: 'draft_follow_up', message: 'Fixed.' }, 'unit_operator', t(3));
  const a = must(p, { type: 'post_follow_up', message: 'The road is fixed.' }, 'liaison_officer', t(3));
  if (status === 'awaiting_reporter') return a;
  return must(a, { type: 'accept', rating: 4 }, 'citizen', new Date(MATRIX_NOW.getTime() - 3_600_000));
}
