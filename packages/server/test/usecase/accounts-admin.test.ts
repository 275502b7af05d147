/**
 * Accounts and institution administration over in-memory ports (no database): role grants within the caller's
 * reach, units only inside the caller's scope, and the inbox's queues.
 */
import { DomainFailure, type InboxRow, type InstitutionRecord, type Role } from '@pintu/core';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/app/accounts/caller';
import { addStaffGrant, removeStaffGrant } from '../../src/app/accounts/staff-grants';
import { createUnit } from '../../src/app/institutions/create-unit';
import { listInbox } from '../../src/app/institutions/list-inbox';
import { fakeAccounts } from '../fakes/accounts-accounts';
import { fakeInbox } from '../fakes/accounts-inbox';
import { fakeInstitutionAdmin } from '../fakes/accounts-institution-admin';

const NOW = new Date('2024-04-05T02:00:00Z');

const caller = (userId: string, grants: { role: Role; institutionId: number | null }[]): Caller => ({
  userId,
  name: userId,
  email: `${userId}@example.go.id`,
  grants,
  permissions: [],
  mustChangePassword: false,
});

/** What a use case threw, as its domain error. */
async function failureOf(run: Promise<unknown>) {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainFailure);
  return (err as DomainFailure).error;
}

// Two pemda trees: Samarinda (1) with Dinas PUPR (3), Balikpapan (2).
const node = (id: number, path: number[], kind = 'regency_government'): InstitutionRecord => ({
  id,
  parentId: path.length > 1 ? path[path.length - 2]! : null,
  path,
  code: `i-${id}`,
  kind,
  name: `Instansi ${id}`,
  regionCode: null,
  timeZone: 'Asia/Makassar',
  active: true,
  skNumber: null,
  skDate: null,
  settings: {},
  connected: false,
});
const SAMARINDA = node(1, [1]);
const BALIKPAPAN = node(2, [2]);
const PUPR = node(3, [1, 3], 'unit');

describe('role grants', () => {
  const setup = () =>
    fakeAccounts({
      institutions: [
        { id: 1, path: [1], name: 'Samarinda', active: true },
        { id: 2, path: [2], name: 'Balikpapan', active: true },
        { id: 3, path: [1, 3], name: 'Dinas PUPR', active: true },
      ],
      accounts: [{ userId: 'op', name: 'Operator', email: 'op@x.id', deactivatedAt: null }],
      grants: [{ id: 1, userId: 'op', role: 'unit_operator', institutionId: 3, grantedBy: null }],
    });
  const coordinator = caller('coord', [{ role: 'coordinator', institutionId: 1 }]);

  it('a coordinator grants an institution role in its subtree', async () => {
    const { port, grants } = setup();
    const id = await addStaffGrant({ accounts: port }, coordinator, 'op', {
      role: 'liaison_officer',
      institutionId: 3,
    });
    expect(grants.find((g) => g.id === id)).toMatchObject({ role: 'liaison_officer', grantedBy: 'coord' });
  });

  it('refuses a national role or another pemda from a coordinator, and the same role twice', async () => {
    const { port, grants } = setup();
    const deps = { accounts: port };
    expect(await failureOf(addStaffGrant(deps, coordinator, 'op', { role: 'national_admin' }))).toMatchObject(
      {
        code: 'NOT_ALLOWED',
      },
    );
    expect(
      await failureOf(addStaffGrant(deps, coordinator, 'op', { role: 'unit_operator', institutionId: 2 })),
    ).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(
      await failureOf(addStaffGrant(deps, coordinator, 'op', { role: 'unit_operator', institutionId: 3 })),
    ).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'role', code: 'taken' }] });
    expect(
      await failureOf(addStaffGrant(deps, coordinator, 'op', { role: 'liaison_officer' })),
    ).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'institutionId', code: 'required' }] });
    expect(grants).toHaveLength(1);
  });

  it('keeps the last grant, and hides accounts outside the reach as not found', async () => {
    const { port } = setup();
    expect(await failureOf(removeStaffGrant({ accounts: port }, coordinator, 'op', 1))).toMatchObject({
      code: 'CONFLICT',
    });
    const other = caller('c2', [{ role: 'coordinator', institutionId: 2 }]);
    expect(await failureOf(removeStaffGrant({ accounts: port }, other, 'op', 1))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('creating a unit', () => {
  const setup = () => fakeInstitutionAdmin({ nodes: [SAMARINDA, BALIKPAPAN, PUPR] });

  it('creates it under its parent with an audit row', async () => {
    const admin = setup();
    const coordinator = caller('coord', [{ role: 'coordinator', institutionId: 1 }]);
    const view = await createUnit({ institutionAdmin: admin.port, now: NOW }, coordinator, 3, {
      name: 'Bidang Jalan',
    });
    expect(view).toMatchObject({ parentId: 3, path: [1, 3, view.id], kind: 'unit', name: 'Bidang Jalan' });
    expect(admin.state().audit).toMatchObject([
      { action: 'create_unit', actorId: 'coord', institutionId: view.id },
    ]);
  });

  it('refuses a parent outside the caller’s scope and a taken name, writing nothing', async () => {
    const admin = setup();
    const coordinator = caller('coord', [{ role: 'coordinator', institutionId: 2 }]);
    const deps = { institutionAdmin: admin.port, now: NOW };
    expect(await failureOf(createUnit(deps, coordinator, 3, { name: 'Bidang Jalan' }))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    const national = caller('nat', [{ role: 'national_admin', institutionId: null }]);
    expect(await failureOf(createUnit(deps, national, 1, { name: 'instansi 3' }))).toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'name', code: 'taken' }],
    });
    expect(await failureOf(createUnit(deps, national, 99, { name: 'X' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(admin.state().nodes).toHaveLength(3);
    expect(admin.state().audit).toHaveLength(0);
  });
});

describe('the inbox', () => {
  const row = (
    trackingId: string,
    status: string,
    holderPath: number[] | null,
    extra: Partial<InboxRow> = {},
  ) =>
    ({
      trackingId,
      type: 'complaint',
      title: trackingId,
      status,
      holderId: holderPath?.at(-1) ?? null,
      holderName: null,
      holderPath,
      holderTimeZone: 'Asia/Makassar',
      holderRegionCode: null,
      categoryId: 1,
      categoryName: null,
      regionCode: '64.72',
      regionName: null,
      dueAt: '2024-04-10T00:00:00.000Z',
      isAnonymous: false,
      isConfidential: false,
      unattended: false,
      createdAt: '2024-04-01T00:00:00.000Z',
      ...extra,
    }) satisfies InboxRow;
  const inbox = fakeInbox({
    paths: { 1: [1], 2: [2], 3: [1, 3] },
    reports: [
      row('SMD-LATE', 'in_progress', [1, 3], { dueAt: '2024-04-01T00:00:00.000Z' }),
      row('SMD-NEW', 'submitted', [1]),
      row('BPP-NEW', 'submitted', [2]),
      row('BPP-UNATTENDED', 'submitted', [2], { unattended: true }),
      row('NATIONAL', 'submitted', null, { dueAt: null }),
      row('DONE', 'resolved', [1]),
    ],
  });
  const query = { queue: 'to_verify' as const, sort: 'deadline' as const, page: 1, pageSize: 10 };

  it('puts each open report in its queues, within the caller’s scope', async () => {
    const coordinator = caller('coord', [{ role: 'coordinator', institutionId: 1 }]);
    const page = await listInbox({ inbox, now: NOW }, coordinator, query);
    expect(page.rows.map((r) => r.trackingId)).toEqual(['SMD-NEW']);
    expect(page.counts).toEqual({
      to_verify: 1,
      to_acknowledge: 0,
      in_progress: 1,
      awaiting_reporter: 0,
      on_hold: 0,
      overdue: 1,
    });
    // The national admin verifies the national queue and unattended institutions' reports, by deadline.
    const national = caller('nat', [{ role: 'national_admin', institutionId: null }]);
    const all = await listInbox({ inbox, now: NOW }, national, query);
    expect(all.rows.map((r) => r.trackingId)).toEqual(['BPP-UNATTENDED', 'NATIONAL']);
  });

  it('refuses callers without an inbox and units outside the scope', async () => {
    const citizen = caller('cit', [{ role: 'citizen', institutionId: null }]);
    expect(await failureOf(listInbox({ inbox, now: NOW }, citizen, query))).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    const coordinator = caller('coord', [{ role: 'coordinator', institutionId: 2 }]);
    expect(
      await failureOf(listInbox({ inbox, now: NOW }, coordinator, { ...query, unitId: 3 })),
    ).toMatchObject({
      code: 'NOT_ALLOWED',
    });
    expect(
      await failureOf(listInbox({ inbox, now: NOW }, coordinator, { ...query, unitId: 9 })),
    ).toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'unitId', code: 'unknown' }],
    });
  });
});
