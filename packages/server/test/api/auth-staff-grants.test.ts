/**
 * A staff account's further roles: granted and taken away within the same reach as creating staff; the last role
 * stays (deactivation is the way out); nothing changes when a request is refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoUnits } from '../../src/db/seed/demo-accounts';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: SignedIn;
let coordinator: SignedIn;
let liaison: SignedIn;
let jayapuraStaff: SignedIn;
let samarinda: number;
let pupr: number;
let jayapura: number;

const idOf = async (code: string) =>
  Number(
    (
      (await t.database.db.execute(sql`select id from institutions where code = ${code}`)).rows[0] as {
        id: number;
      }
    ).id,
  );
const grantsOf = async (userId: string) =>
  (
    await t.database.db.execute(
      sql`select id, role, institution_id as "institutionId" from role_grants where user_id = ${userId} order by id`,
    )
  ).rows as { id: number; role: string; institutionId: number | null }[];
const send = (method: string, path: string, who: SignedIn, body?: unknown) =>
  t.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...who.headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

beforeAll(async () => {
  t = await startTestApp();
  await ensureDemoUnits(t.database.db);
  samarinda = await idOf('pemda-64.72');
  pupr = await idOf('pemda-64.72.pupr');
  jayapura = await idOf('pemda-91.71');
  [admin, coordinator, liaison, jayapuraStaff] = await Promise.all([
    signInAs(t, { role: 'national_admin' }),
    signInAs(t, { role: 'coordinator', institutionId: samarinda }),
    signInAs(t, { role: 'liaison_officer', institutionId: samarinda }),
    signInAs(t, { role: 'unit_operator', institutionId: jayapura }),
  ]);
});
afterAll(() => t.close());

describe('POST /api/v1/staff/{userId}/grants', () => {
  it('lets the coordinator make its liaison officer the operator of a unit too; the account then holds both', async () => {
    const res = await send('POST', `/api/v1/staff/${liaison.userId}/grants`, coordinator, {
      role: 'unit_operator',
      institutionId: pupr,
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: number };
    expect(await grantsOf(liaison.userId)).toEqual([
      expect.objectContaining({ role: 'liaison_officer', institutionId: samarinda }),
      { id, role: 'unit_operator', institutionId: pupr },
    ]);
    const me = (await (await send('GET', '/api/v1/me', liaison)).json()) as { grants: { role: string }[] };
    expect(me.grants.map((g) => g.role).sort()).toEqual(['liaison_officer', 'unit_operator']);
    // The same grant twice is a conflict naming the field.
    const again = await send('POST', `/api/v1/staff/${liaison.userId}/grants`, coordinator, {
      role: 'unit_operator',
      institutionId: pupr,
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { errors: unknown[] }).errors).toContainEqual(
      expect.objectContaining({ field: 'role', code: 'taken' }),
    );
  });

  it('refuses, changing nothing: outside the scope, a national role from a coordinator, an unknown or own account', async () => {
    const before = await grantsOf(jayapuraStaff.userId);
    // Another institution's staff are not the coordinator's to see: 404, so accounts cannot be probed.
    expect(
      (
        await send('POST', `/api/v1/staff/${jayapuraStaff.userId}/grants`, coordinator, {
          role: 'unit_operator',
          institutionId: pupr,
        })
      ).status,
    ).toBe(404);
    expect(
      (await send('POST', `/api/v1/staff/${liaison.userId}/grants`, coordinator, { role: 'oversight' }))
        .status,
    ).toBe(403);
    expect(
      (
        await send('POST', `/api/v1/staff/${liaison.userId}/grants`, coordinator, {
          role: 'unit_operator',
          institutionId: jayapura,
        })
      ).status,
    ).toBe(403);
    expect(
      (await send('POST', '/api/v1/staff/no-such-user/grants', admin, { role: 'oversight' })).status,
    ).toBe(404);
    expect(
      (
        await send('POST', `/api/v1/staff/${coordinator.userId}/grants`, coordinator, {
          role: 'unit_operator',
          institutionId: pupr,
        })
      ).status,
    ).toBe(403);
    const missing = await send('POST', `/api/v1/staff/${liaison.userId}/grants`, admin, {
      role: 'unit_operator',
    });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { errors: unknown[] }).errors).toContainEqual(
      expect.objectContaining({ field: 'institutionId', code: 'required' }),
    );
    const bad = await send('POST', `/api/v1/staff/${liaison.userId}/grants`, admin, { role: 'emperor' });
    expect(bad.status).toBe(422);
    expect(await grantsOf(jayapuraStaff.userId)).toEqual(before);
  });
});

describe('DELETE /api/v1/staff/{userId}/grants/{grantId}', () => {
  it('takes one role away but never the last; the admin reaches every account', async () => {
    const grants = await grantsOf(liaison.userId);
    const operator = grants.find((g) => g.role === 'unit_operator')!;
    const liaisonGrant = grants.find((g) => g.role === 'liaison_officer')!;
    expect(
      (await send('DELETE', `/api/v1/staff/${liaison.userId}/grants/${operator.id}`, coordinator)).status,
    ).toBe(204);
    expect((await grantsOf(liaison.userId)).map((g) => g.role)).toEqual(['liaison_officer']);
    const last = await send('DELETE', `/api/v1/staff/${liaison.userId}/grants/${liaisonGrant.id}`, admin);
    expect(last.status).toBe(409);
    expect(await grantsOf(liaison.userId)).toHaveLength(1);
    // Another account's grant id under this account's path is not found.
    const other = (await grantsOf(jayapuraStaff.userId))[0]!;
    expect((await send('DELETE', `/api/v1/staff/${liaison.userId}/grants/${other.id}`, admin)).status).toBe(
      404,
    );
    expect(await grantsOf(jayapuraStaff.userId)).toHaveLength(1);
  });
});
