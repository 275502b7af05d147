/**
 * Every action × every status × every role, in and out of scope. The expectations below are written by hand from
 * domain.md §2 and §5 — not derived from LIFECYCLE or POLICY — so a wrong table row fails here.
 */
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../policy/roles';
import { REPORT_STATUSES, type ReportStatus } from '../report/report';
import { LIFECYCLE_ACTIONS, type LifecycleAction, type LifecycleActionName } from './actions';
import { applyAction } from './apply-action';
import { allowedActions } from './guards';
import { actorOf, INST_A, INST_C, MATRIX_NOW, reportIn, testContext, UNIT_A1 } from './test-reports';

const REPORTER: Role[] = ['citizen', 'guest', 'facilitator'];
const HANDLERS: Role[] = ['national_admin', 'coordinator', 'liaison_officer', 'unit_operator'];

/** Lifecycle actions each role may ever perform (domain.md §2). */
const ROLE_ACTIONS: Record<Role, LifecycleActionName[]> = {
  citizen: ['answer_hold', 'reporter_reply', 'accept', 'reopen', 'rate'],
  guest: ['answer_hold', 'reporter_reply', 'accept', 'reopen', 'rate'],
  facilitator: ['answer_hold', 'reporter_reply', 'accept', 'reopen', 'rate'],
  national_admin: [
    'verify',
    'not_our_authority',
    'hold',
    'archive',
    'comment_internal',
    'raise_level',
    'flag',
    'release_flag',
    'confirm_flag',
  ],
  coordinator: [
    'verify',
    'dispose_down',
    'not_our_authority',
    'hold',
    'archive',
    'comment_internal',
    'raise_level',
    'flag',
  ],
  liaison_officer: [
    'hold',
    'acknowledge',
    'draft_follow_up',
    'approve_follow_up',
    'return_draft',
    'post_follow_up',
    'comment_internal',
    'raise_level',
    'flag',
  ],
  unit_operator: ['draft_follow_up', 'post_follow_up', 'comment_internal', 'flag'],
  leadership: [],
  developer: [],
  oversight: [],
  system: ['auto_archive', 'auto_resolve', 'escalate', 'resolve_parent'],
  // A regional app acts as its institution's liaison officer would, and may return not-our-authority (issue 12).
  integration: ['not_our_authority', 'hold', 'acknowledge', 'post_follow_up'],
};

/** [action, status, roles that succeed, resulting status]; the institution requires follow-up approval. */
const SUCCEEDS: Array<[LifecycleActionName, ReportStatus, Role[], ReportStatus]> = [
  ['verify', 'submitted', ['national_admin', 'coordinator'], 'dispositioned'],
  ['dispose_down', 'dispositioned', ['coordinator'], 'dispositioned'],
  ['dispose_down', 'in_progress', ['coordinator'], 'in_progress'],
  ['not_our_authority', 'submitted', ['national_admin', 'coordinator', 'integration'], 'dispositioned'],
  ['not_our_authority', 'dispositioned', ['national_admin', 'coordinator', 'integration'], 'dispositioned'],
  ['not_our_authority', 'in_progress', ['national_admin', 'coordinator', 'integration'], 'dispositioned'],
  ['hold', 'submitted', ['national_admin', 'coordinator'], 'on_hold'],
  ['hold', 'dispositioned', ['coordinator', 'liaison_officer', 'integration'], 'on_hold'],
  ['hold', 'in_progress', ['coordinator', 'liaison_officer', 'integration'], 'on_hold'],
  ['answer_hold', 'on_hold', REPORTER, 'dispositioned'],
  ['archive', 'submitted', ['national_admin', 'coordinator'], 'archived'],
  ['archive', 'on_hold', ['national_admin', 'coordinator'], 'archived'],
  ['auto_archive', 'on_hold', ['system'], 'archived'],
  ['acknowledge', 'dispositioned', ['liaison_officer', 'integration'], 'in_progress'],
  ['draft_follow_up', 'in_progress', ['unit_operator', 'liaison_officer'], 'in_progress'],
  ['approve_follow_up', 'in_progress', ['liaison_officer'], 'awaiting_reporter'],
  ['return_draft', 'in_progress', ['liaison_officer'], 'in_progress'],
  ['post_follow_up', 'in_progress', ['liaison_officer', 'integration'], 'awaiting_reporter'],
  ['reporter_reply', 'awaiting_reporter', REPORTER, 'in_progress'],
  ['accept', 'awaiting_reporter', REPORTER, 'resolved'],
  ['auto_resolve', 'awaiting_reporter', ['system'], 'resolved'],
  ['reopen', 'resolved', REPORTER, 'in_progress'],
  ['rate', 'resolved', REPORTER, 'resolved'],
  ...REPORT_STATUSES.map((s): [LifecycleActionName, ReportStatus, Role[], ReportStatus] => [
    'comment_internal',
    s,
    HANDLERS,
    s,
  ]),
  // Staff may flag in any status but archived; release and confirm need a pending flag (abuse/moderation.test.ts).
  ...REPORT_STATUSES.filter((s) => s !== 'archived').map(
    (s): [LifecycleActionName, ReportStatus, Role[], ReportStatus] => ['flag', s, HANDLERS, s],
  ),
  ['escalate', 'submitted', ['system'], 'submitted'],
  ['escalate', 'dispositioned', ['system'], 'dispositioned'],
  ['escalate', 'in_progress', ['system'], 'in_progress'],
];

/** A valid payload for each action against the fixtures. */
const PAYLOADS: Record<LifecycleActionName, LifecycleAction> = {
  verify: { type: 'verify', targets: [INST_A] },
  dispose_down: { type: 'dispose_down', unit: UNIT_A1 },
  not_our_authority: { type: 'not_our_authority', reason: 'This is a national road', target: INST_C },
  hold: { type: 'hold', question: 'Which street?' },
  answer_hold: { type: 'answer_hold', message: 'Jalan Merdeka 5' },
  archive: { type: 'archive', reason: 'unclear' },
  auto_archive: { type: 'auto_archive' },
  acknowledge: { type: 'acknowledge', complexity: 'no_field_exam', message: 'Received' },
  draft_follow_up: { type: 'draft_follow_up', message: 'Draft answer' },
  approve_follow_up: { type: 'approve_follow_up' },
  return_draft: { type: 'return_draft', note: 'Cite the regulation' },
  post_follow_up: { type: 'post_follow_up', message: 'Done' },
  reporter_reply: { type: 'reporter_reply', message: 'Not yet fixed' },
  accept: { type: 'accept', rating: 5 },
  auto_resolve: { type: 'auto_resolve' },
  reopen: { type: 'reopen', reason: 'It broke again' },
  rate: { type: 'rate', rating: 3 },
  comment_internal: { type: 'comment_internal', message: 'Check with the district office' },
  escalate: { type: 'escalate' },
  resolve_parent: { type: 'resolve_parent' },
  // The fixtures are no program's grievances, so raising them is never possible here (see programs/raise-level.test.ts).
  raise_level: { type: 'raise_level', reason: 'Belum selesai di desa', target: INST_C },
  flag: { type: 'flag', reason: 'spam' },
  release_flag: { type: 'release_flag' },
  confirm_flag: { type: 'confirm_flag' },
};

type Expected =
  | { ok: true; status: ReportStatus }
  | { ok: false; code: 'NOT_ALLOWED' | 'INVALID_TRANSITION' };

function expected(action: LifecycleActionName, status: ReportStatus, role: Role, inScope: boolean): Expected {
  if (!inScope || !ROLE_ACTIONS[role].includes(action)) return { ok: false, code: 'NOT_ALLOWED' };
  const line = SUCCEEDS.find(([a, s]) => a === action && s === status);
  if (line === undefined) return { ok: false, code: 'INVALID_TRANSITION' };
  return line[2].includes(role) ? { ok: true, status: line[3] } : { ok: false, code: 'NOT_ALLOWED' };
}

/** Roles with a meaningful out-of-scope actor (national roles and the system are everywhere). */
const SCOPED = ROLES.filter((role) => role !== 'national_admin' && role !== 'system');
const ACTORS = [
  ...ROLES.map((role) => ({ role, inScope: true })),
  ...SCOPED.map((role) => ({ role, inScope: false })),
];
const FIXTURES = Object.fromEntries(REPORT_STATUSES.map((s) => [s, reportIn(s)])) as Record<
  ReportStatus,
  ReturnType<typeof reportIn>
>;

const CASES = LIFECYCLE_ACTIONS.flatMap((action) =>
  REPORT_STATUSES.flatMap((status) =>
    ACTORS.map(({ role, inScope }) => ({
      action,
      status,
      role,
      inScope,
      want: expected(action, status, role, inScope),
    })),
  ),
);

describe('every action in every status for every role', () => {
  it('fixtures are in the status they claim', () => {
    for (const status of REPORT_STATUSES) expect(FIXTURES[status].status).toBe(status);
  });

  it.each(CASES)(
    '$action on $status by $role (in scope: $inScope)',
    ({ action, status, role, inScope, want }) => {
      const report = FIXTURES[status];
      const before = structuredClone(report);
      const result = applyAction(report, PAYLOADS[action], actorOf(role, inScope), MATRIX_NOW, testContext());
      expect(report).toEqual(before);
      if (want.ok) {
        expect(result.ok ? result.report.status : result.error).toBe(want.status);
        if (result.ok)
          expect(result.events[0]).toMatchObject({ type: action, from: status, to: want.status });
      } else {
        expect(result.ok ? `ok → ${result.report.status}` : result.error.code).toBe(want.code);
      }
    },
  );
});

describe('allowedActions offers exactly the actions that succeed', () => {
  const grid = REPORT_STATUSES.flatMap((status) => ACTORS.map((actor) => ({ status, ...actor })));
  it.each(grid)('$status for $role (in scope: $inScope)', ({ status, role, inScope }) => {
    const want = LIFECYCLE_ACTIONS.filter((action) => expected(action, status, role, inScope).ok);
    const ctx = { ...testContext(), now: MATRIX_NOW };
    expect(allowedActions(FIXTURES[status], actorOf(role, inScope), ctx)).toEqual(want);
  });
});
