/** The one declarative policy table of domain.md §2: role × action × scope, and `can()` that reads it. */
import { LIFECYCLE_ACTIONS } from '../lifecycle/actions';
import { type Holder, isWithinSubtree } from '../lifecycle/holder';
import type { Actor, Grant, Role } from './roles';

/** Actions outside the lifecycle that the policy also governs. */
export const ADMIN_ACTIONS = [
  'submit',
  'view',
  'reveal_identity',
  'view_reveal_log',
  'view_dashboard',
  'view_overdue',
  'manage_institutions',
  /** Create, rename, move and deactivate units of a subtree (domain.md §2, issue 3). */
  'manage_units',
  /** The institution's settings: follow-up approval, default complexity per category. */
  'manage_settings',
  'manage_categories',
  'manage_holidays',
  'manage_staff',
  'record_sk',
  'manage_api_keys',
  /** Trust peer instances and see the federation's state (ADR 0013). */
  'manage_federation',
  /** The queue of reports flagged as spam or abusive (docs/abuse.md). */
  'moderate_reports',
] as const;

/** Every action the policy knows: the lifecycle's and the administrative ones. */
export const POLICY_ACTIONS = [...LIFECYCLE_ACTIONS, ...ADMIN_ACTIONS] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

/**
 * Where a rule applies: `anywhere`; `subtree` of the actor's grant institution; `subtree_or_all` (a grant of null
 * means national scope, for oversight bodies such as the Ombudsman); `own_report` (the actor is the reporter);
 * `filed_report` (the actor filed it as facilitator); `none` (the action has no subject, e.g. filing a report).
 */
export type Scope = 'anywhere' | 'subtree' | 'subtree_or_all' | 'own_report' | 'filed_report' | 'none';

/** One line of the policy: a role may perform these actions within this scope (and with this grant, if named). */
export interface PolicyRule {
  role: Role;
  scope: Scope;
  actions: readonly PolicyAction[];
  requires?: Grant;
}

/** What a policy check looks at: the holder (with ancestors) and, for reports, who reported and who filed it. */
export interface PolicySubject {
  holder: Pick<Holder, 'institutionId' | 'ancestorIds'>;
  reporterId?: string | null;
  facilitatorId?: string | null;
}

const REPORTER_ACTIONS = ['view', 'answer_hold', 'reporter_reply', 'accept', 'reopen', 'rate'] as const;
const OVERSIGHT_READS = ['view', 'view_dashboard', 'view_overdue'] as const;

/** The policy table; every permission in Pintu is one line here (domain.md §2). */
export const POLICY: readonly PolicyRule[] = [
  { role: 'citizen', scope: 'none', actions: ['submit'] },
  { role: 'citizen', scope: 'own_report', actions: REPORTER_ACTIONS },
  { role: 'guest', scope: 'none', actions: ['submit'] },
  { role: 'guest', scope: 'own_report', actions: REPORTER_ACTIONS },
  // A facilitator (pendamping desa) acts for villagers without internet access, so it may follow up what it filed.
  { role: 'facilitator', scope: 'none', actions: ['submit'] },
  { role: 'facilitator', scope: 'filed_report', actions: REPORTER_ACTIONS },
  {
    role: 'national_admin',
    scope: 'anywhere',
    actions: [
      ...OVERSIGHT_READS,
      'verify',
      'not_our_authority',
      'hold',
      'archive',
      'comment_internal',
      'raise_level',
      // Moderation (docs/abuse.md): only the national admin decides a flag.
      'flag',
      'release_flag',
      'confirm_flag',
      'view_reveal_log',
      'manage_institutions',
      'manage_units',
      'manage_settings',
      'record_sk',
      'manage_categories',
      'manage_holidays',
      'manage_staff',
      'manage_federation',
      'moderate_reports',
    ],
  },
  { role: 'national_admin', scope: 'anywhere', actions: ['reveal_identity'], requires: 'reveal_identity' },
  {
    role: 'coordinator',
    scope: 'subtree',
    actions: [
      ...OVERSIGHT_READS,
      'verify',
      'dispose_down',
      'not_our_authority',
      'hold',
      'archive',
      'comment_internal',
      // A program grievance's handler sends it up to the next level (issue 15); so may its liaison officer.
      'raise_level',
      // Staff of the holder flag spam or abuse for the national admin's queue (docs/abuse.md).
      'flag',
      'manage_staff',
      // The coordinator may also register the institution's regional apps and their keys (ADR 0012).
      'manage_api_keys',
      'record_sk',
      'manage_units',
      'manage_settings',
    ],
  },
  {
    role: 'liaison_officer',
    scope: 'subtree',
    actions: [
      ...OVERSIGHT_READS,
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
  },
  {
    role: 'unit_operator',
    scope: 'subtree',
    actions: ['view', 'draft_follow_up', 'post_follow_up', 'comment_internal', 'flag'],
  },
  { role: 'leadership', scope: 'subtree', actions: OVERSIGHT_READS },
  { role: 'developer', scope: 'subtree', actions: ['manage_api_keys'] },
  // A regional app (LAPOR WAL!, SITANGGAP) files for citizens and handles its institution's reports as a liaison
  // officer would; its key's permissions narrow this further (domain.md §8, issue 12).
  { role: 'integration', scope: 'none', actions: ['submit'] },
  {
    role: 'integration',
    scope: 'subtree',
    actions: ['view', 'acknowledge', 'post_follow_up', 'hold', 'not_our_authority'],
  },
  { role: 'oversight', scope: 'subtree_or_all', actions: [...OVERSIGHT_READS, 'view_reveal_log'] },
  { role: 'system', scope: 'none', actions: ['submit'] },
  {
    role: 'system',
    scope: 'anywhere',
    actions: ['auto_archive', 'auto_resolve', 'escalate', 'resolve_parent'],
  },
];

function inScope(scope: Scope, actor: Actor, subject: PolicySubject | undefined): boolean {
  if (scope === 'none') return subject === undefined;
  if (subject === undefined) return false;
  switch (scope) {
    case 'anywhere':
      return true;
    case 'subtree':
      return isWithinSubtree(subject.holder, actor.institutionId);
    case 'subtree_or_all':
      return actor.institutionId === null || isWithinSubtree(subject.holder, actor.institutionId);
    case 'own_report':
      return subject.reporterId != null && subject.reporterId === actor.id;
    case 'filed_report':
      return subject.facilitatorId != null && subject.facilitatorId === actor.id;
  }
}

/** Whether the actor may perform the action on the subject (omit the subject for actions with none, like `submit`). */
export function can(actor: Actor, action: PolicyAction, subject?: PolicySubject): boolean {
  // Identity reveal stays with national roles whatever a table edit says (domain.md §7).
  if (action === 'reveal_identity' && (actor.role !== 'national_admin' || actor.institutionId !== null))
    return false;
  return POLICY.some(
    (rule) =>
      rule.role === actor.role &&
      rule.actions.includes(action) &&
      (rule.requires === undefined || (actor.grants ?? []).includes(rule.requires)) &&
      inScope(rule.scope, actor, subject),
  );
}

/** The roles that the policy lets perform an action in some scope. */
export function rolesFor(action: PolicyAction): Role[] {
  const roles = POLICY.filter((rule) => rule.actions.includes(action)).map((rule) => rule.role);
  return [...new Set(roles)];
}
