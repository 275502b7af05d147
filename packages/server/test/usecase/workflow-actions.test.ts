/**
 * The workflow use cases over the in-memory ports: refusals end in a DomainFailure before anything is written
 * (the database handle here throws when touched), the timeline is cut to the credentials's audience, and the reveal
 * log is read in the reader's scope.
 */
import {
  type Actor,
  createCalendar,
  DomainFailure,
  type Holder,
  type LoggedEvent,
  openReport,
  type Role,
  type WorkflowReport,
} from '@pintu/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/app/accounts/caller';
import type { AppDeps } from '../../src/app/deps';
import type { CalendarSource } from '../../src/app/reference/calendar-source';
import { actOnReport } from '../../src/app/workflow/act-on-report';
import { NoCredentials } from '../../src/app/workflow/action-context';
import { readTimeline } from '../../src/app/workflow/read-timeline';
import { listIdentityReveals } from '../../src/app/workflow/reveal-identity';
import { hashAccessCode } from '../../src/security/ids';
import {
  fakeIdentityReveals,
  fakeWorkflowReports,
  type WorkflowStore,
  workflowStore,
} from '../fakes/workflow-reports';

const NOW = new Date('2024-05-08T02:00:00Z');
const calendar: CalendarSource = {
  get: () => createCalendar([]),
  decreedYears: () => new Set([2024]),
  reload: async () => {},
};
/** Refusals must be decided before any write: the database is not there. */
const noDatabase = new Proxy({} as AppDeps['db'], {
  get(_, key) {
    throw new Error(`the use case reached the database (${String(key)})`);
  },
});

const PEMKOT: Holder = {
  institutionId: '10',
  ancestorIds: [],
  timeZone: 'Asia/Makassar',
  regionCode: '64.72',
};
const ACCESS_CODE = 'KODE-RAHASIA-123';

const caller = (role: Role, institutionId: number | null, permissions: string[] = []): Caller => ({
  userId: `user-${role}-${institutionId ?? 'national'}`,
  name: `Petugas ${role}`,
  email: `${role}@pintu.test`,
  grants: [{ role, institutionId }],
  permissions,
  mustChangePassword: false,
});

function reportAt(holder: Holder, over: Partial<WorkflowReport> = {}): WorkflowReport {
  const guest: Actor = { id: 'guest-1', role: 'guest', institutionId: null };
  const opened = openReport(
    { id: 'LPR-AAAA-BBBB-CCCC', type: 'complaint', reporterId: 'guest-1', requested: holder },
    guest,
    NOW,
    { calendar: createCalendar([]) },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  return {
    id: 1,
    trackingId: opened.report.id,
    parentReportId: null,
    isAnonymous: true,
    isConfidential: false,
    reporterAccountId: null,
    reporterSealed: 'sealed-identity',
    accessCodeHash: hashAccessCode(ACCESS_CODE),
    state: opened.report,
    updatedAt: NOW,
    ...over,
  };
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainFailure) return err.error;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('workflow use cases over in-memory ports', () => {
  let store: WorkflowStore;
  let env: Pick<AppDeps, 'db' | 'calendar' | 'workflowReports'> & { now: Date };

  beforeEach(() => {
    store = workflowStore();
    store.institutions.push(
      { id: 10, name: 'Pemkot Samarinda', active: true, holder: PEMKOT },
      {
        id: 11,
        name: 'Dinas lama',
        active: false,
        holder: { ...PEMKOT, institutionId: '11', ancestorIds: ['10'] },
      },
    );
    store.reports.push(reportAt(PEMKOT));
    env = { db: noDatabase, calendar, now: NOW, workflowReports: fakeWorkflowReports(store) };
  });

  describe('acting on a report', () => {
    it('an unknown report is NOT_FOUND', async () => {
      const credentials = { caller: caller('coordinator', 10) };
      expect(
        await refusal(
          actOnReport(env, 'LPR-ZZZZ-ZZZZ-ZZZZ', { action: 'verify', targets: [10] }, credentials),
        ),
      ).toMatchObject({ code: 'NOT_FOUND', message: 'Laporan tidak ditemukan.' });
    });

    it('staff out of scope are NOT_ALLOWED, and nothing is written', async () => {
      const credentials = { caller: caller('coordinator', 99) };
      const error = await refusal(
        actOnReport(env, 'LPR-AAAA-BBBB-CCCC', { action: 'verify', targets: [10] }, credentials),
      );
      expect(error.code).toBe('NOT_ALLOWED');
      expect(store.reports[0]!.state.status).toBe('submitted');
    });

    it('a wrong access code is NOT_ALLOWED access_code; no credentials at all is for HTTP to answer', async () => {
      const wrong = { caller: null, accessCode: 'SALAH' };
      expect(
        await refusal(actOnReport(env, 'LPR-AAAA-BBBB-CCCC', { action: 'reopen', reason: 'x' }, wrong)),
      ).toMatchObject({ code: 'NOT_ALLOWED', reason: 'access_code' });
      await expect(
        actOnReport(env, 'LPR-AAAA-BBBB-CCCC', { action: 'reopen', reason: 'x' }, { caller: null }),
      ).rejects.toBeInstanceOf(NoCredentials);
    });

    it('an account without a role is NOT_ALLOWED no_role', async () => {
      const roleless = { ...caller('coordinator', 10), grants: [] };
      expect(
        await refusal(
          actOnReport(env, 'LPR-AAAA-BBBB-CCCC', { action: 'verify', targets: [10] }, { caller: roleless }),
        ),
      ).toMatchObject({ code: 'NOT_ALLOWED', reason: 'no_role' });
    });

    it('the guest with the access code may not verify: the most telling refusal wins', async () => {
      const guest = { caller: null, accessCode: ACCESS_CODE };
      const error = await refusal(
        actOnReport(env, 'LPR-AAAA-BBBB-CCCC', { action: 'verify', targets: [10] }, guest),
      );
      expect(error.code).toBe('NOT_ALLOWED');
    });

    it('verifying to an inactive institution is VALIDATION on that target', async () => {
      const credentials = { caller: caller('coordinator', 10) };
      const error = await refusal(
        actOnReport(env, 'LPR-AAAA-BBBB-CCCC', { action: 'verify', targets: [10, 11] }, credentials),
      );
      expect(error).toMatchObject({
        code: 'VALIDATION',
        fields: [{ field: 'targets.1', code: 'unknown', message: 'Instansi tidak ditemukan.' }],
      });
    });

    it('a duplicate needs its original, named by the request field', async () => {
      const credentials = { caller: caller('coordinator', 10) };
      const error = await refusal(
        actOnReport(env, 'LPR-AAAA-BBBB-CCCC', { action: 'archive', reason: 'duplicate' }, credentials),
      );
      expect(error).toMatchObject({
        code: 'VALIDATION',
        fields: [{ field: 'duplicateOf', code: 'required' }],
      });
    });
  });

  describe('the timeline', () => {
    const events: LoggedEvent[] = [
      {
        seq: 1,
        action: 'submitted',
        actorId: null,
        actorRole: 'facilitator',
        institutionId: null,
        at: NOW,
        fromStatus: null,
        toStatus: 'submitted',
        payload: { facilitatorId: 'fac-77', requestedInstitutionId: 10 },
      },
      {
        seq: 2,
        action: 'comment_internal',
        actorId: 'user-coordinator-10',
        actorRole: 'coordinator',
        institutionId: 10,
        at: NOW,
        fromStatus: 'submitted',
        toStatus: 'submitted',
        payload: { message: 'Catatan internal' },
      },
    ];

    it('for the public hides people, identity and internal notes', async () => {
      store.events.set('LPR-AAAA-BBBB-CCCC', events);
      const t = await readTimeline(env, 'lpr-aaaa-bbbb-cccc', { caller: null });
      expect(t.audience).toBe('public');
      expect(t.events.map((e) => e.type)).toEqual(['submitted']);
      expect(t.events[0]!.actor).toEqual({ side: 'reporter', institutionId: null });
      expect(JSON.stringify(t)).not.toMatch(/fac-77|user-|Catatan/);
    });

    it('for staff in scope shows the staff member, never the facilitator of an anonymous report', async () => {
      store.events.set('LPR-AAAA-BBBB-CCCC', events);
      const t = await readTimeline(env, 'LPR-AAAA-BBBB-CCCC', { caller: caller('coordinator', 10) });
      expect(t.audience).toBe('staff');
      expect(t.events[1]!.actor).toMatchObject({ userId: 'user-coordinator-10' });
      expect(t.events[0]!.payload).toEqual({ requestedInstitutionId: 10 });
      expect(t.institutions).toEqual({ '10': 'Pemkot Samarinda' });
    });

    it('a confidential report has no public timeline', async () => {
      store.reports[0]!.isConfidential = true;
      expect(await refusal(readTimeline(env, 'LPR-AAAA-BBBB-CCCC', { caller: null }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      const reporter = await readTimeline(env, 'LPR-AAAA-BBBB-CCCC', {
        caller: null,
        accessCode: ACCESS_CODE,
      });
      expect(reporter.audience).toBe('reporter');
    });
  });

  describe('the identity reveal log', () => {
    const reveal = (id: number, path: number[]) => ({
      id,
      trackingId: `LPR-0000-0000-000${id}`,
      revealedBy: 'admin-1',
      revealedByName: 'Admin',
      role: 'national_admin',
      reason: 'Dugaan ancaman terhadap pelapor.',
      at: new Date(NOW.getTime() + id * 1000),
      institutionPath: path,
    });

    it('national oversight reads all, newest first; scoped oversight its subtree; others are NOT_ALLOWED', async () => {
      store.reveals.push(reveal(1, [10]), reveal(2, [20]), reveal(3, [10, 12]));
      const deps = { identityReveals: fakeIdentityReveals(store) };
      const page = { page: 1, pageSize: 20 };
      const all = await listIdentityReveals(deps, caller('oversight', null), page);
      expect(all.items.map((r) => r.id)).toEqual([3, 2, 1]);
      const scoped = await listIdentityReveals(deps, caller('oversight', 10), page);
      expect(scoped).toMatchObject({ total: 2, items: [{ id: 3 }, { id: 1 }] });
      expect(await refusal(listIdentityReveals(deps, caller('coordinator', 10), page))).toMatchObject({
        code: 'NOT_ALLOWED',
      });
    });
  });
});
