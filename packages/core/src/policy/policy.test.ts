import { describe, expect, it } from 'vitest';
import type { Holder } from '../lifecycle/holder';
import { can, POLICY, type PolicyAction, type PolicySubject, rolesFor } from './policy';
import { type Actor, ROLES, type Role } from './roles';

const holder = (institutionId: string | null, ancestorIds: string[] = []): Holder => ({
  institutionId,
  ancestorIds,
  timeZone: 'Asia/Jakarta',
  regionCode: null,
});
// A village under a district under a regency government.
const VILLAGE = holder('desa-1', ['pemkab', 'kecamatan-1']);
const report = (h: Holder): PolicySubject => ({ holder: h, reporterId: 'citizen-1', facilitatorId: 'fac-1' });
const actor = (role: Role, institutionId: string | null = null, id = `${role}-x`): Actor => ({
  id,
  role,
  institutionId,
});

describe('scope: the grant institution is the holder or one of its ancestors', () => {
  it.each([
    ['pemkab', true],
    ['kecamatan-1', true],
    ['desa-1', true],
    ['kecamatan-2', false],
    ['desa-2', false],
    ['pemprov', false],
  ])('a coordinator of %s verifies a report held by desa-1: %s', (grant, allowed) => {
    expect(can(actor('coordinator', grant), 'verify', report(VILLAGE))).toBe(allowed);
  });

  it('a role granted on no institution has no subtree', () => {
    expect(can(actor('coordinator', null), 'verify', report(VILLAGE))).toBe(false);
  });

  it('nobody scoped reaches the national queue except national roles', () => {
    const queue = report(holder(null));
    expect(can(actor('coordinator', 'pemkab'), 'verify', queue)).toBe(false);
    expect(can(actor('national_admin'), 'verify', queue)).toBe(true);
  });

  it('a reporter acts on their own report only; a facilitator on what it filed', () => {
    expect(can(actor('citizen', null, 'citizen-1'), 'reopen', report(VILLAGE))).toBe(true);
    expect(can(actor('guest', null, 'citizen-1'), 'rate', report(VILLAGE))).toBe(true);
    expect(can(actor('citizen', null, 'citizen-2'), 'reopen', report(VILLAGE))).toBe(false);
    expect(can(actor('facilitator', null, 'fac-1'), 'reporter_reply', report(VILLAGE))).toBe(true);
    expect(can(actor('facilitator', null, 'fac-2'), 'reporter_reply', report(VILLAGE))).toBe(false);
    expect(can(actor('citizen', null, 'citizen-1'), 'comment_internal', report(VILLAGE))).toBe(false);
  });

  it('oversight reads its province, or everything when granted nationally, and never acts', () => {
    expect(can(actor('oversight', 'pemkab'), 'view', report(VILLAGE))).toBe(true);
    expect(can(actor('oversight', 'pemprov-lain'), 'view', report(VILLAGE))).toBe(false);
    expect(can(actor('oversight', null), 'view_overdue', report(VILLAGE))).toBe(true);
    expect(can(actor('oversight', null), 'comment_internal', report(VILLAGE))).toBe(false);
    expect(can(actor('oversight', null), 'hold', report(VILLAGE))).toBe(false);
  });

  it('leadership reads its subtree only; a developer manages API keys only', () => {
    expect(can(actor('leadership', 'pemkab'), 'view_dashboard', report(VILLAGE))).toBe(true);
    expect(can(actor('leadership', 'pemkab'), 'acknowledge', report(VILLAGE))).toBe(false);
    expect(can(actor('developer', 'pemkab'), 'manage_api_keys', { holder: holder('pemkab') })).toBe(true);
    expect(can(actor('developer', 'pemkab'), 'view', report(VILLAGE))).toBe(false);
  });
});

describe('identity reveal', () => {
  const anonymous = report(VILLAGE);
  const granted = (role: Role, institutionId: string | null = null): Actor => ({
    ...actor(role, institutionId),
    grants: ['reveal_identity'],
  });

  it('only a national admin holding the grant may reveal', () => {
    expect(can(granted('national_admin'), 'reveal_identity', anonymous)).toBe(true);
    expect(can(actor('national_admin'), 'reveal_identity', anonymous)).toBe(false);
  });

  it.each(ROLES.filter((r) => r !== 'national_admin'))('a %s never may, even with the grant', (role) => {
    expect(can(granted(role, null), 'reveal_identity', anonymous)).toBe(false);
    expect(can(granted(role, 'pemkab'), 'reveal_identity', anonymous)).toBe(false);
  });

  it('a national admin granted on an institution is not a national role', () => {
    expect(can(granted('national_admin', 'pemkab'), 'reveal_identity', anonymous)).toBe(false);
  });

  it('oversight sees the reveal log but not identities', () => {
    expect(can(actor('oversight', null), 'view_reveal_log', anonymous)).toBe(true);
    expect(rolesFor('reveal_identity')).toEqual(['national_admin']);
  });
});

describe('actions without a subject', () => {
  it.each([
    ['citizen', true],
    ['guest', true],
    ['facilitator', true],
    ['system', true],
    ['coordinator', false],
    ['national_admin', false],
    ['oversight', false],
  ] as const)('a %s may submit: %s', (role, allowed) => {
    expect(can(actor(role), 'submit')).toBe(allowed);
  });

  it('a scoped action without a subject is refused', () => {
    expect(can(actor('coordinator', 'pemkab'), 'verify')).toBe(false);
    expect(can(actor('national_admin'), 'submit', report(VILLAGE))).toBe(false);
  });
});

describe('administration (hand-written expectations)', () => {
  const inst = { holder: holder('kecamatan-1', ['pemkab']) };
  it.each<[Role, string | null, PolicyAction, boolean]>([
    ['coordinator', 'pemkab', 'manage_staff', true],
    ['coordinator', 'pemkab', 'record_sk', true],
    ['coordinator', 'pemkab', 'manage_units', true],
    ['coordinator', 'pemkab', 'manage_settings', true],
    ['coordinator', 'kecamatan-2', 'manage_units', false],
    ['liaison_officer', 'kecamatan-1', 'manage_units', false],
    ['leadership', 'pemkab', 'manage_settings', false],
    ['national_admin', null, 'manage_units', true],
    ['national_admin', null, 'record_sk', true],
    ['coordinator', 'kecamatan-2', 'manage_staff', false],
    ['coordinator', 'pemkab', 'manage_holidays', false],
    ['national_admin', null, 'manage_holidays', true],
    ['national_admin', null, 'manage_institutions', true],
    ['national_admin', null, 'manage_categories', true],
    ['liaison_officer', 'kecamatan-1', 'manage_staff', false],
    ['developer', 'pemkab', 'manage_api_keys', true],
    ['developer', 'pemprov', 'manage_api_keys', false],
    ['coordinator', 'pemkab', 'manage_api_keys', true],
    ['coordinator', 'kecamatan-2', 'manage_api_keys', false],
    ['liaison_officer', 'pemkab', 'manage_api_keys', false],
    ['integration', 'pemkab', 'manage_api_keys', false],
  ])('%s of %s → %s: %s', (role, grant, action, allowed) => {
    expect(can(actor(role, grant), action, inst)).toBe(allowed);
  });

  it('every rule names known roles and a scope', () => {
    for (const rule of POLICY) expect(ROLES).toContain(rule.role);
  });
});
