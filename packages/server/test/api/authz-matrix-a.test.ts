/**
 * The authorization matrix (issue 16 §5), part a: every route the server answers has a declared access rule
 * (support/authz-routes.ts), and the routes of reports, accounts and reference data answer every caller — anonymous,
 * guests, citizens, facilitators, each staff role on the holder, its ancestor and another institution, oversight,
 * the national admin, regional apps' keys — with what the core's policy says, about a normal, an anonymous and a
 * confidential report; no answer shows what its audience may not see, and a refusal changes nothing.
 * Parts b and c ask the other routes (split so the runner spreads them over its workers).
 */
import { expect, it } from 'vitest';
import { ROUTES } from '../support/authz-routes';
import { matrixSuite } from '../support/authz-run';
import { SMS_SECRET } from '../support/authz-world';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

matrixSuite('a', (world) => {
  it('declares a rule for every route the app answers, and for none it does not', () => {
    const answered = new Set(world().t.app.routes.map((r) => `${r.method} ${r.path}`));
    const declared = new Set(ROUTES.map((e) => e.key));
    expect(
      [...answered].filter((k) => !declared.has(k)),
      'routes without a rule',
    ).toEqual([]);
    expect(
      [...declared].filter((k) => !answered.has(k)),
      'rules of routes the app no longer has',
    ).toEqual([]);
    expect(declared.size, 'each route once').toBe(ROUTES.length);
  });

  it('covers every operation of the OpenAPI document, and knows which routes it leaves out', async () => {
    const doc = await (await world().t.get('/api/openapi.json')).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const claimed = ROUTES.flatMap((e) =>
      e.rule.kind === 'middleware' ? [] : (e.documentedAs ?? [e.key.replace(/:(\w+)/g, '{$1}')]),
    );
    expect(claimed.sort()).toEqual(documented.sort());
  });

  // The privacy checks look for strings no answer may carry: they must be there for those who may see them.
  it('shows the reporter its contact, staff the name and the confidential text, so the secrets are real', async () => {
    const w = world();
    const read = async (label: string, kind: 'normal' | 'confidential') => {
      const caller = w.callers.find((c) => c.label === label)!;
      const res = await w.t.get(`/api/v1/reports/${w.reports[kind].trackingId}`, caller.headers);
      return res.text();
    };
    const { name, email, phone } = w.reports.normal.secrets;
    const own = await read('citizen (reporter)', 'normal');
    expect([own.includes(email), own.includes(phone)]).toEqual([true, true]);
    const staff = await read('liaison_officer @holder', 'normal');
    expect([staff.includes(name), staff.includes(email)]).toEqual([true, false]);
    expect(await read('oversight @province', 'confidential')).toContain(w.reports.confidential.secrets.text);
  });

  it('lets the SMS gateway in with its secret (the matrix refuses everyone without it)', async () => {
    const res = await world().t.get(
      `/api/v1/channels/sms/kannel?secret=${SMS_SECRET}&from=081234567890&to=1708&text=BANTUAN&id=authz-ok`,
    );
    expect(res.status).toBe(200);
  });
});
