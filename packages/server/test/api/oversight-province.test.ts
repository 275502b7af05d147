/**
 * Oversight granted on a provincial government (a province's Diskominfo, domain.md §2) reads every report held by
 * the regional governments of its province — which are separate trees from the provincial government — and nothing
 * outside it; it never acts, and never sees an anonymous reporter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let kaltimOversight: SignedIn;
let samarindaReport: string;
let papuaReport: string;
let anonymousReport: string;

const file = async (over: Record<string, unknown>) => {
  const res = await t.post('/api/v1/reports', reportInput(ids.roads, over));
  expect(res.status).toBe(201);
  return (await res.json()).trackingId as string;
};

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
  ids = await refIds(t.deps.db);
  kaltimOversight = await signInAs(t, { role: 'oversight', institutionId: ids.kaltim });
  samarindaReport = await file({ institutionId: ids.samarinda });
  anonymousReport = await file({ institutionId: ids.samarinda, isAnonymous: true, reporter: undefined });
  papuaReport = await file({ institutionId: ids.papuaTengahRegency });
});
afterAll(() => t.close());

describe('oversight of a province', () => {
  it('reads a report held by a regency government of its province, with the staff view', async () => {
    const res = await t.get(`/api/v1/reports/${samarindaReport}`, kaltimOversight.headers);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.view).toBe('staff');
    expect(body.institution).toMatchObject({ id: ids.samarinda });
    // The deadline is Samarinda's: end of a working day in WITA, and the view says so.
    expect(body.handling.timeZone).toBe('Asia/Makassar');
    expect(body.handling.dueAt).toMatch(/T15:59:59\.999Z$/);
  });

  it('gets only the public view outside its province', async () => {
    const body = await (await t.get(`/api/v1/reports/${papuaReport}`, kaltimOversight.headers)).json();
    expect(body.view).toBe('public');
  });

  it('sees its province in the inbox, never another province', async () => {
    const res = await t.get('/api/v1/inbox?queue=to_verify', kaltimOversight.headers);
    expect(res.status).toBe(200);
    const ids = (await res.json()).items.map((i: { trackingId: string }) => i.trackingId);
    expect(ids).toContain(samarindaReport);
    expect(ids).not.toContain(papuaReport);
  });

  it('never acts, and never sees who an anonymous reporter is', async () => {
    const act = await t.post(
      `/api/v1/reports/${samarindaReport}/actions`,
      { action: 'comment_internal', message: 'Mohon segera ditangani.' },
      kaltimOversight.headers,
    );
    expect(act.status).toBe(403);
    const text = await (await t.get(`/api/v1/reports/${anonymousReport}`, kaltimOversight.headers)).text();
    expect(text).toContain('Pelapor Anonim');
    expect(text).not.toContain('Siti');
    expect(text).not.toContain('siti.rahmawati@example.id');
  });

  it('shows its one real grant on /api/v1/me', async () => {
    const me = await (await t.get('/api/v1/me', kaltimOversight.headers)).json();
    expect(me.grants).toEqual([expect.objectContaining({ role: 'oversight', institutionId: ids.kaltim })]);
  });
});
