/**
 * Webhooks over HTTP (issue 12 §5): a developer registers an endpoint (secret shown once), bad and SSRF URLs are
 * refused field by field with nothing stored, lifecycle events become deliveries in their transaction, the worker
 * sends them to a real receiver where `standardwebhooks` verifies them, rotation signs with both secrets, the test
 * event and replays go through the same log, and an anonymous reporter appears in no payload.
 */
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../../src/app/sla/sweep';
import { enqueueWebhooks } from '../../src/db/postgres-webhook-projector';
import { createApp } from '../../src/http/app';
import { createWebhookWorker, type WebhookWorker } from '../../src/webhooks/webhook-worker';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { deliveriesOf, insertApp, type Receiver, startReceiver } from '../support/webhook-fixtures';
import { createUnit } from '../support/workflow-fixtures';

const ALL = [
  'report.filed',
  'report.dispositioned',
  'report.status_changed',
  'report.follow_up_published',
  'report.reporter_replied',
  'report.deadline_breached',
];
const ANON = { name: 'Bambang Sutrisno Anonim', email: 'bambang.rahasia@example.id', phone: '081377766655' };

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let unit: number;
let balikpapan: number;
let samApp: string;
let bpnApp: string;
let receiver: Receiver;
let worker: WebhookWorker;
const h: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  process.env.PINTU_WEBHOOKS_ALLOW_LOOPBACK = '1';
  t = await startTestApp({ now: '2024-06-03T01:00:00Z' });
  ids = await refIds(t.deps.db);
  const bpn = await t.deps.db.execute(sql`select id from institutions where code = 'pemda-64.71'`);
  balikpapan = Number(bpn.rows[0]!.id);
  unit = await createUnit(t.deps.db, ids.samarinda, 'pemda-64.72-pu-hook', 'Dinas PU (webhook)');
  samApp = await insertApp(t.deps.db, ids.samarinda, 'lapor-smd');
  bpnApp = await insertApp(t.deps.db, balikpapan, 'sitanggap');
  const who: [string, Parameters<typeof signInAs>[1]][] = [
    ['dev', { role: 'developer', institutionId: ids.samarinda }],
    ['devBpn', { role: 'developer', institutionId: balikpapan }],
    ['coordinator', { role: 'coordinator', institutionId: ids.samarinda }],
    ['liaison', { role: 'liaison_officer', institutionId: unit }],
  ];
  for (const [k, w] of who) h[k] = (await signInAs(t, w)).headers;
  receiver = await startReceiver();
  worker = createWebhookWorker({ db: t.deps.db, sealer: t.deps.sealer, clock: t.deps.clock, log: () => {} });
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  t.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const endpointCount = async () =>
  Number((await t.deps.db.execute(sql`select count(*)::int as n from webhook_endpoints`)).rows[0]!.n);

async function register(url: string, eventTypes = ALL) {
  const res = await t.post(`/api/v1/integration/apps/${samApp}/webhooks`, { url, eventTypes }, h.dev!);
  const out = await res.json();
  expect(res.status, JSON.stringify(out)).toBe(201);
  return out as { id: string; secret: string };
}

async function act(trackingId: string, body: Record<string, unknown>, headers: Record<string, string>) {
  const res = await t.post(`/api/v1/reports/${trackingId}/actions`, body, headers);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
}

describe('registering endpoints', () => {
  it('shows the secret once, lists without it, and hides it from another institution', async () => {
    const created = await register(receiver.url);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await (await t.get(`/api/v1/integration/apps/${samApp}/webhooks`, h.dev!)).json();
    expect(list.items.map((e: { id: string }) => e.id)).toContain(created.id);
    expect(JSON.stringify(list)).not.toContain(created.secret);
    const stored = await t.deps.db.execute(
      sql`select secret_sealed as s from webhook_endpoints where id = ${created.id}`,
    );
    expect(String(stored.rows[0]!.s)).not.toContain(created.secret.slice(6, 20));
    expect((await t.get(`/api/v1/integration/webhooks/${created.id}`, h.devBpn!)).status).toBe(404);
    expect((await t.get(`/api/v1/integration/apps/${samApp}/webhooks`, h.devBpn!)).status).toBe(404);
    expect((await t.get(`/api/v1/integration/apps/${samApp}/webhooks`, h.liaison)).status).toBe(404);
    expect((await t.get(`/api/v1/integration/apps/${samApp}/webhooks`)).status).toBe(401);
    await send('DELETE', `/api/v1/integration/webhooks/${created.id}`, h.dev!);
  });

  it('refuses bad and private URLs field by field, storing nothing', async () => {
    const before = await endpointCount();
    const cases: [string, string][] = [
      ['http://example.com/hooks', 'https_required'],
      ['ftp://example.com/hooks', 'https_required'],
      ['https://user:secret@example.com/hooks', 'credentials_in_url'],
      ['https://10.0.0.1/hooks', 'private_address'],
      ['https://192.168.1.20/hooks', 'private_address'],
      ['https://169.254.169.254/latest/meta-data', 'link_local_address'],
      ['https://[fe80::1]/hooks', 'link_local_address'],
      ['https://[::ffff:10.0.0.1]/hooks', 'private_address'],
      ['https://[::ffff:a9fe:a9fe]/hooks', 'link_local_address'],
      ['https://224.0.0.1/hooks', 'multicast_address'],
      ['https://0.0.0.0/hooks', 'unspecified_address'],
      ['https://internal.pemda.example/hooks', 'private_address'],
      ['https://metadata.pemda.example/hooks', 'link_local_address'],
      ['not a url', 'invalid_url'],
    ];
    const app = t.app;
    t.app = createApp({
      ...t.deps,
      resolveHost: async (host) =>
        host === 'internal.pemda.example'
          ? [
              { address: '203.0.113.9', family: 4 },
              { address: '10.0.0.1', family: 4 },
            ]
          : [{ address: '169.254.169.254', family: 4 }],
    });
    try {
      for (const [url, code] of cases) {
        const res = await t.post(
          `/api/v1/integration/apps/${samApp}/webhooks`,
          { url, eventTypes: ALL },
          h.dev!,
        );
        const out = await res.json();
        expect(res.status, url).toBe(422);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(out.errors, url).toEqual([expect.objectContaining({ field: 'url', code })]);
      }
    } finally {
      t.app = app;
    }
    // Loopback only with the development flag: ::1 and localhost without it.
    delete process.env.PINTU_WEBHOOKS_ALLOW_LOOPBACK;
    try {
      for (const [url, code] of [
        ['https://[::1]/hooks', 'loopback_address'],
        ['https://127.0.0.1:8443/hooks', 'loopback_address'],
        ['http://[::1]:8080/hooks', 'https_required'],
        [receiver.url, 'https_required'],
      ]) {
        const res = await t.post(
          `/api/v1/integration/apps/${samApp}/webhooks`,
          { url, eventTypes: ALL },
          h.dev!,
        );
        expect((await res.json()).errors, url).toEqual([expect.objectContaining({ field: 'url', code })]);
      }
    } finally {
      process.env.PINTU_WEBHOOKS_ALLOW_LOOPBACK = '1';
    }
    const long = await t.post(
      `/api/v1/integration/apps/${samApp}/webhooks`,
      { url: `https://example.com/${'a'.repeat(2000)}`, eventTypes: ALL },
      h.dev!,
    );
    expect(long.status).toBe(422);
    expect((await long.json()).errors[0].field).toBe('url');
    const badType = await t.post(
      `/api/v1/integration/apps/${samApp}/webhooks`,
      { url: receiver.url, eventTypes: ['report.deleted'] },
      h.dev!,
    );
    expect(badType.status).toBe(422);
    expect(await endpointCount()).toBe(before);
  });
});

describe('deliveries', () => {
  it('turns a report life into signed, ordered deliveries that verify, with no anonymous identity in any', async () => {
    const ep = await register(receiver.url);
    const bpnEp = await t.post(
      `/api/v1/integration/apps/${bpnApp}/webhooks`,
      { url: receiver.url, eventTypes: ALL },
      h.devBpn,
    );
    expect(bpnEp.status).toBe(201);
    receiver.received.length = 0;
    const filed = await (
      await t.post(
        '/api/v1/reports',
        reportInput(ids.roads, { institutionId: ids.samarinda, isAnonymous: true, reporter: ANON }),
      )
    ).json();
    // The report is made the app's after filing, so its `report.filed` rows are derived from the log here (an app's own
    // filing gets the same rows from intake's statement: test/db/intake-webhooks.test.ts).
    await t.deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`update reports set channel = 'integration:lapor-smd' where tracking_id = ${filed.trackingId}`,
      );
      const r = await tx.execute(sql`select id from reports where tracking_id = ${filed.trackingId}`);
      await enqueueWebhooks(tx as never, Number(r.rows[0]!.id), 0, t.deps.clock());
    });
    await act(filed.trackingId, { action: 'verify', targets: [unit] }, h.coordinator!);
    await act(
      filed.trackingId,
      { action: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
      h.liaison!,
    );
    await act(
      filed.trackingId,
      { action: 'post_follow_up', message: 'Lubang sudah ditambal oleh tim lapangan hari ini.' },
      h.liaison!,
    );
    const rows = await deliveriesOf(t.deps.db, ep.id);
    expect(rows.map((r) => [r.eventSeq, r.eventType])).toEqual([
      [1, 'report.filed'],
      [2, 'report.dispositioned'],
      [2, 'report.status_changed'],
      [3, 'report.status_changed'],
      [4, 'report.status_changed'],
      [4, 'report.follow_up_published'],
    ]);
    // Balikpapan's app is outside Samarinda's subtree and did not file it.
    expect(await deliveriesOf(t.deps.db, (await bpnEp.json()).id)).toEqual([]);

    expect(await worker.drain()).toBe(6);
    expect(receiver.received).toHaveLength(6);
    const wh = new Webhook(ep.secret);
    const bodies = receiver.received.map((r) => {
      expect(r.headers['webhook-id']).toMatch(/^msg_\d+$/);
      return wh.verify(r.body, r.headers as Record<string, string>) as {
        type: string;
        data: { seq: number };
      };
    });
    expect(bodies.map((b) => [b.data.seq, b.type])).toEqual(rows.map((r) => [r.eventSeq, r.eventType]));
    expect(bodies[0]!.data).toMatchObject({ trackingId: filed.trackingId, status: 'submitted' });
    // A tampered body does not verify.
    const first = receiver.received[0]!;
    expect(() =>
      wh.verify(first.body.replace('submitted', 'resolved'), first.headers as Record<string, string>),
    ).toThrow();
    const stored = await t.deps.db.execute(sql`select payload::text as p from webhook_deliveries`);
    const everything = [...stored.rows.map((r) => String(r.p)), ...receiver.received.map((r) => r.body)].join(
      '\n',
    );
    for (const secret of [ANON.name, ANON.email, ANON.phone, 'Bambang', '081377766655'])
      expect(everything).not.toContain(secret);
    expect((await deliveriesOf(t.deps.db, ep.id)).every((r) => r.status === 'delivered')).toBe(true);
    await send('DELETE', `/api/v1/integration/webhooks/${ep.id}`, h.dev!);
  });

  it("the SLA sweep's breach reaches the holder's app as report.deadline_breached", async () => {
    const ep = await register(receiver.url, ['report.deadline_breached']);
    const filed = await (
      await t.post('/api/v1/reports', reportInput(ids.roads, { institutionId: ids.samarinda }))
    ).json();
    await act(filed.trackingId, { action: 'verify', targets: [unit] }, h.coordinator!);
    expect(await deliveriesOf(t.deps.db, ep.id)).toEqual([]);
    const calendar = t.deps.calendar.get();
    await sweep({ db: t.deps.db, calendar: () => calendar }, new Date('2024-06-20T01:00:00Z'));
    const rows = await deliveriesOf(t.deps.db, ep.id);
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.eventType === 'report.deadline_breached')).toBe(true);
    expect(rows[0]!.payload.data).toMatchObject({
      trackingId: filed.trackingId,
      action: 'escalate',
      level: 1,
    });
    await send('DELETE', `/api/v1/integration/webhooks/${ep.id}`, h.dev!);
  });

  it('rotates the secret: both signatures are sent and each verifies; the test event and replays use the log', async () => {
    const ep = await register(receiver.url);
    receiver.received.length = 0;
    const rotated = await (
      await t.post(`/api/v1/integration/webhooks/${ep.id}/rotate-secret`, {}, h.dev!)
    ).json();
    expect(rotated.secret).not.toBe(ep.secret);
    const test = await t.post(`/api/v1/integration/webhooks/${ep.id}/test`, {}, h.dev!);
    expect(test.status).toBe(202);
    expect((await test.json()).eventType).toBe('webhook.test');
    await worker.drain();
    const got = receiver.received[0]!;
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    const headers = got.headers as Record<string, string>;
    expect(new Webhook(rotated.secret).verify(got.body, headers)).toMatchObject({ type: 'webhook.test' });
    expect(new Webhook(ep.secret).verify(got.body, headers)).toMatchObject({ type: 'webhook.test' });
    // After the overlap, only the new secret signs.
    t.setNow(new Date(t.deps.clock().getTime() + 25 * 3_600_000));
    const log = await (await t.get(`/api/v1/integration/webhooks/${ep.id}/deliveries`, h.dev!)).json();
    const replay = await t.post(`/api/v1/integration/deliveries/${log.items[0].id}/replay`, {}, h.dev!);
    expect(replay.status).toBe(202);
    expect((await replay.json()).messageId).toBe(log.items[0].messageId);
    expect(
      (await t.post(`/api/v1/integration/deliveries/${log.items[0].id}/replay`, {}, h.devBpn!)).status,
    ).toBe(404);
    await worker.drain();
    const again = receiver.received[1]!;
    expect(again.headers['webhook-id']).toBe(got.headers['webhook-id']);
    expect(String(again.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(() =>
      new Webhook(ep.secret).verify(again.body, again.headers as Record<string, string>),
    ).toThrow();
    new Webhook(rotated.secret).verify(again.body, again.headers as Record<string, string>);
    t.setNow('2024-06-03T01:00:00Z');
  });

  it('pages the log newest first with a cursor, and deleting cancels what is pending', async () => {
    const ep = await register(receiver.url);
    for (let i = 0; i < 5; i++) await t.post(`/api/v1/integration/webhooks/${ep.id}/test`, {}, h.dev!);
    const p1 = await (await t.get(`/api/v1/integration/webhooks/${ep.id}/deliveries?limit=3`, h.dev!)).json();
    expect(p1.items).toHaveLength(3);
    expect(p1.items[0].id).toBeGreaterThan(p1.items[1].id);
    expect(p1.items[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
    });
    const p2 = await (
      await t.get(`/api/v1/integration/webhooks/${ep.id}/deliveries?limit=3&cursor=${p1.nextCursor}`, h.dev!)
    ).json();
    expect(p2.items).toHaveLength(2);
    expect(p2.nextCursor).toBeNull();
    const bad = await t.get(`/api/v1/integration/webhooks/${ep.id}/deliveries?cursor=x`, h.dev!);
    expect(bad.status).toBe(422);
    const patched = await send('PATCH', `/api/v1/integration/webhooks/${ep.id}`, h.dev!, {
      url: 'https://10.1.2.3/x',
    });
    expect(patched.status).toBe(422);
    expect((await (await t.get(`/api/v1/integration/webhooks/${ep.id}`, h.dev!)).json()).url).toBe(
      receiver.url,
    );
    expect((await send('DELETE', `/api/v1/integration/webhooks/${ep.id}`, h.dev!)).status).toBe(200);
    expect((await deliveriesOf(t.deps.db, ep.id)).map((d) => d.status)).toEqual(Array(5).fill('cancelled'));
    expect((await t.get(`/api/v1/integration/webhooks/${ep.id}`, h.dev!)).status).toBe(404);
  });
});
