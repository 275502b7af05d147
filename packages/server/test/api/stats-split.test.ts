/**
 * A report verified to several institutions is split: each child is received by its institution the moment it is
 * born, and counts in that institution's indicators without waiting for its own first action (issue 5).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
  ids = await refIds(t.deps.db);
});
afterAll(() => t.close());

const received = async (institutionId: number) => {
  const res = await t.get(
    `/api/v1/stats/summary?institutionId=${institutionId}&subtree=false&from=2024-06-01&to=2024-06-30`,
  );
  expect(res.status).toBe(200);
  const body = await res.json();
  return { received: body.indicators.received, notFollowedUp: body.indicators.notFollowedUp };
};

describe('a split report in the statistics', () => {
  it('counts each child as received, not followed up, by its institution', async () => {
    const filed = await (await t.post('/api/v1/reports', reportInput(ids.roads))).json();
    const admin = await signInAs(t, { role: 'national_admin' });
    const before = [await received(ids.samarinda), await received(ids.kaltim)];
    const res = await t.post(
      `/api/v1/reports/${filed.trackingId}/actions`,
      { action: 'verify', targets: [ids.samarinda, ids.kaltim] },
      admin.headers,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await received(ids.samarinda)).toEqual({
      received: before[0]!.received + 1,
      notFollowedUp: before[0]!.notFollowedUp + 1,
    });
    expect(await received(ids.kaltim)).toEqual({
      received: before[1]!.received + 1,
      notFollowedUp: before[1]!.notFollowedUp + 1,
    });
  });
});
