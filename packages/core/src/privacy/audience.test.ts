import { describe, expect, it } from 'vitest';
import type { PolicySubject } from '../policy/policy';
import { type Actor, ROLES, type Role } from '../policy/roles';
import { audienceFor, isHandlingRole, isReporterSide, worksForAnInstitution } from './audience';

// A report held by a unit under a regency government, filed by citizen-1 through facilitator fac-1.
const report: PolicySubject = {
  holder: { institutionId: 'dinas-1', ancestorIds: ['pemkab'] },
  reporterId: 'citizen-1',
  facilitatorId: 'fac-1',
};
const actor = (role: Role, institutionId: string | null = null, id = `${role}-x`): Actor => ({
  id,
  role,
  institutionId,
});
const viewer = (actors: Actor[], holdsAccessCode = false) => ({ actors, holdsAccessCode });

describe('the audience a caller is for a report', () => {
  it.each([
    ['coordinator of an ancestor', actor('coordinator', 'pemkab'), 'staff'],
    ['unit operator of the holder', actor('unit_operator', 'dinas-1'), 'staff'],
    ['national admin', actor('national_admin'), 'staff'],
    ['oversight with national scope', actor('oversight'), 'oversight'],
    ['coordinator elsewhere', actor('coordinator', 'pemkot'), 'public'],
    ['the reporter’s own account', actor('citizen', null, 'citizen-1'), 'reporter'],
    ['the facilitator who filed it', actor('facilitator', null, 'fac-1'), 'reporter'],
    ['another citizen', actor('citizen', null, 'citizen-2'), 'public'],
    ['a developer of the holder', actor('developer', 'dinas-1'), 'public'],
    ['a regional app of an ancestor', actor('integration', 'pemkab'), 'staff'],
    ['a regional app elsewhere', actor('integration', 'pemkot'), 'public'],
  ] as const)('%s → %s', (_, a, audience) => {
    expect(audienceFor(report, viewer([a])).audience).toBe(audience);
  });

  it('nobody without the access code is the public', () => {
    expect(audienceFor(report, viewer([]))).toEqual({ audience: 'public', actors: [] });
  });

  it('the access code makes the caller the reporter, acting as the guest of the report', () => {
    expect(audienceFor(report, viewer([], true))).toEqual({
      audience: 'reporter',
      actors: [{ id: 'citizen-1', role: 'guest', institutionId: null }],
    });
  });

  it('staff beats oversight beats the access code, and only the actors in scope count', () => {
    const staff = actor('coordinator', 'pemkab');
    const elsewhere = actor('coordinator', 'pemkot');
    const both = audienceFor(report, viewer([elsewhere, actor('oversight'), staff], true));
    expect(both).toEqual({ audience: 'staff', actors: [staff] });
    expect(audienceFor(report, viewer([actor('oversight')], true)).audience).toBe('oversight');
    expect(audienceFor(report, viewer([elsewhere], true)).audience).toBe('reporter');
  });
});

describe('staff and reporter side', () => {
  it('splits the roles: reporters on one side, the handlers on the other, oversight and others neither', () => {
    expect(ROLES.filter(isReporterSide)).toEqual(['citizen', 'guest', 'facilitator']);
    expect(ROLES.filter(isHandlingRole)).toEqual([
      'national_admin',
      'coordinator',
      'liaison_officer',
      'unit_operator',
      'leadership',
      'integration',
    ]);
  });

  it('anyone with a non-reporter role works for an institution (404 for a confidential report out of scope)', () => {
    expect(worksForAnInstitution(['citizen', 'facilitator'])).toBe(false);
    expect(worksForAnInstitution([])).toBe(false);
    expect(worksForAnInstitution(['citizen', 'oversight'])).toBe(true);
    expect(worksForAnInstitution(['developer'])).toBe(true);
    expect(worksForAnInstitution(['integration'])).toBe(true);
  });
});
