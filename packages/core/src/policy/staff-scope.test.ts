import { describe, expect, it } from 'vitest';
import type { Role } from './roles';
import { institutionRule, managedRoots, mayListStaff, mayManageGrant, type StaffCaller } from './staff-scope';

const caller = (...grants: [Role, number | null][]): StaffCaller => ({
  userId: 'u',
  grants: grants.map(([role, institutionId]) => ({ role, institutionId })),
  permissions: [],
});
// A pemda (1) with a unit (3); another pemda (2).
const PEMDA = { id: 1, path: [1] };
const UNIT = { id: 3, path: [1, 3] };
const OTHER = { id: 2, path: [2] };

describe('staff scope', () => {
  it('says which roles take an institution', () => {
    expect(institutionRule('national_admin')).toBe('forbidden');
    expect(institutionRule('oversight')).toBe('optional');
    expect(institutionRule('unit_operator')).toBe('required');
  });

  it('lets the national admin grant anything anywhere', () => {
    const admin = caller(['national_admin', null]);
    expect(mayManageGrant(admin, 'national_admin', null)).toBe(true);
    expect(mayManageGrant(admin, 'coordinator', OTHER)).toBe(true);
    expect(managedRoots(admin)).toBeNull();
  });

  it('lets a coordinator grant institution roles in its subtree only, and no coordinator of its own', () => {
    const coordinator = caller(['coordinator', 1]);
    expect(mayManageGrant(coordinator, 'unit_operator', UNIT)).toBe(true);
    expect(mayManageGrant(coordinator, 'coordinator', UNIT)).toBe(true);
    expect(mayManageGrant(coordinator, 'coordinator', PEMDA)).toBe(false);
    expect(mayManageGrant(coordinator, 'unit_operator', OTHER)).toBe(false);
    expect(mayManageGrant(coordinator, 'oversight', UNIT)).toBe(false);
    expect(mayManageGrant(coordinator, 'national_admin', null)).toBe(false);
    expect(mayListStaff(coordinator, UNIT)).toBe(true);
    expect(mayListStaff(coordinator, null)).toBe(false);
    expect(managedRoots(coordinator)).toEqual([1]);
  });

  it('gives other roles no staff administration', () => {
    const operator = caller(['unit_operator', 3]);
    expect(mayManageGrant(operator, 'unit_operator', UNIT)).toBe(false);
    expect(mayListStaff(operator, UNIT)).toBe(false);
    expect(managedRoots(operator)).toEqual([]);
  });
});
