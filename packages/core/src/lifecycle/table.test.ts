import { describe, expect, it } from 'vitest';
import { rolesFor } from '../policy/policy';
import { REPORT_STATUSES } from '../report/report';
import { LIFECYCLE_ACTIONS } from './actions';
import { DEFAULT_SLA, STAGE_STATUS } from './sla';
import { holdableStatuses, LIFECYCLE, statusPairs, transitionsFrom } from './table';

describe('LIFECYCLE table', () => {
  it('has at least one row for every action, and no row for an unknown action', () => {
    for (const action of LIFECYCLE_ACTIONS) expect(LIFECYCLE.some((row) => row.action === action)).toBe(true);
    for (const row of LIFECYCLE) expect(LIFECYCLE_ACTIONS).toContain(row.action);
  });

  it.each(LIFECYCLE_ACTIONS)('agrees with the policy table on who may %s', (action) => {
    const tableRoles = new Set(LIFECYCLE.filter((row) => row.action === action).flatMap((row) => row.roles));
    expect([...tableRoles].sort()).toEqual(rolesFor(action).sort());
  });

  it('rows of one action that share a status share roles and guards (only the destination may differ)', () => {
    for (const action of LIFECYCLE_ACTIONS) {
      for (const status of REPORT_STATUSES) {
        const rows = transitionsFrom(action, status);
        for (const row of rows) {
          expect(row.roles).toEqual(rows[0]!.roles);
          expect(row.guards).toEqual(rows[0]!.guards);
        }
      }
    }
  });

  it('starts each stage on entry to the status it runs in', () => {
    for (const row of LIFECYCLE) {
      if (typeof row.clock === 'object') expect(STAGE_STATUS[row.clock.start]).toBe(row.to);
      if (row.clock === 'pause') expect(row.to).toBe('on_hold');
      if (row.clock === 'resume') expect(row.to).toBe('previous');
      if (row.to === 'resolved' || row.to === 'archived') expect(row.clock).toBe('stop');
    }
  });

  it('lets nothing leave archived but an internal comment', () => {
    const rows = LIFECYCLE.filter((row) => row.from.includes('archived'));
    expect(rows.map((row) => row.action)).toEqual(['comment_internal']);
  });

  it('returns from a hold only to a status a hold can start from', () => {
    expect(holdableStatuses().sort()).toEqual(['dispositioned', 'in_progress', 'submitted']);
  });

  it('gives the status pairs for the database check', () => {
    const pairs = statusPairs().map(([from, to]) => `${from}>${to}`);
    for (const pair of [
      'submitted>dispositioned',
      'dispositioned>submitted',
      'in_progress>dispositioned',
      'dispositioned>in_progress',
      'in_progress>awaiting_reporter',
      'awaiting_reporter>in_progress',
      'awaiting_reporter>resolved',
      'resolved>in_progress',
      'on_hold>in_progress',
      'on_hold>archived',
      'submitted>archived',
      'dispositioned>resolved',
      'archived>archived',
    ]) {
      expect(pairs).toContain(pair);
    }
    for (const pair of [
      'archived>submitted',
      'resolved>archived',
      'submitted>in_progress',
      'on_hold>resolved',
    ]) {
      expect(pairs).not.toContain(pair);
    }
  });

  it('has the stage SLA table of domain.md §5', () => {
    expect(DEFAULT_SLA).toMatchObject({
      verify: 3,
      acknowledge: 3,
      followUp: { simple: 5, no_field_exam: 14, field_exam: 60 },
      followUpAfterReply: 5,
      autoResolve: 10,
      holdAutoArchive: 10,
      reopenWindow: 10,
      ratingWindowDays: 30,
      maxHops: 3,
    });
  });
});
