/**
 * The webhook worker against real receivers on 127.0.0.1 (issue 12 §5 and its abuse cases), on both engines: a
 * receiver that is down and comes back gets every delivery once, in order per report; the retry schedule driven by
 * the clock; a slow receiver, a 10 MB answer and a redirect; SSRF at delivery (the address is checked and pinned);
 * an endpoint failing for 5 days (or out of retries) is disabled with a notice to its developers.
 */
import { randomBytes } from 'node:crypto';
import { WEBHOOK_RETRY_SCHEDULE_S } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/notifications/worker';
import type { Resolve } from '../../src/webhooks/address';
import { newWebhookSecret } from '../../src/webhooks/signature';
import { createWebhookWorker } from '../../src/webhooks/webhook-worker';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';
import { deliveriesOf, insertApp, type Receiver, startReceiver } from '../support/webhook-fixtures';

const T0 = new Date('2024-06-03T01:00:00Z');

describe.each(ENGINES)('webhook worker on %s', (engine) => {
  let t: TestApp;
  let now = T0;
  let appId: string;
  let developerId: string;
  let developerEmail: string;
  let receiver: Receiver;
  let reportIds: number[];
  const clock = () => now;

  beforeAll(async () => {
    t = await startTestApp({ engine, now: T0.toISOString() });
    const ids = await refIds(t.deps.db);
    appId = await insertApp(t.deps.db, ids.samarinda, `smd-${engine}`);
    const dev = await signInAs(t, { role: 'developer', institutionId: ids.samarinda });
    developerId = dev.userId;
    developerEmail = dev.email;
    receiver = await startReceiver();
    reportIds = [];
    for (let i = 0; i < 3; i++) {
      const filed = await (await t.post('/api/v1/reports', reportInput(ids.roads))).json();
      const r = await t.deps.db.execute(sql`select id from reports where tracking_id = ${filed.trackingId}`);
      reportIds.push(Number(r.rows[0]!.id));
    }
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  async function endpoint(url: string) {
    const secret = newWebhookSecret();
    const e = await t.deps.webhooks.create({
      id: `whe_${randomBytes(8).toString('hex')}`,
      appId,
      url,
      description: '',
      eventTypes: ['report.status_changed'],
      secretSealed: t.deps.sealer.seal(secret),
      now,
    });
    return { id: e.id, secret };
  }
  /** A pending delivery of report `reportId`'s event `seq`. */
  async function enqueue(endpointId: string, reportId: number | null, seq: number | null) {
    await t.deps.db.execute(sql`insert into webhook_deliveries (endpoint_id, report_id, event_seq, event_type,
        payload, status, next_attempt_at, created_at)
      values (${endpointId}, ${reportId}, ${seq}, 'report.status_changed',
        ${JSON.stringify({ type: 'report.status_changed', timestamp: now.toISOString(), data: { reportId, seq } })}::jsonb,
        'pending', ${now.toISOString()}, ${now.toISOString()})`);
  }
  const worker = (over: Partial<Parameters<typeof createWebhookWorker>[0]> = {}) =>
    createWebhookWorker({
      db: t.deps.db,
      sealer: t.deps.sealer,
      clock,
      allowLoopback: true,
      random: () => 0.5,
      log: () => {},
      ...over,
    });
  const later = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  it('a receiver down then up gets every delivery once, in order per report', async () => {
    const ep = await endpoint(receiver.url);
    for (let seq = 1; seq <= 4; seq++) for (const r of reportIds) await enqueue(ep.id, r, seq);
    const w = worker();
    await receiver.down();
    // Only the first delivery of each report is tried: the later ones wait behind it.
    expect(await w.drain()).toBe(3);
    let rows = await deliveriesOf(t.deps.db, ep.id);
    expect(rows.filter((r) => r.attempts === 1).map((r) => r.eventSeq)).toEqual([1, 1, 1]);
    expect(rows.find((r) => r.attempts === 1)!.lastError).toMatch(/ECONNREFUSED/);
    later(31_000);
    expect(await w.drain()).toBe(3);
    await receiver.up();
    later(10 * 60_000);
    expect(await w.drain()).toBe(12);
    rows = await deliveriesOf(t.deps.db, ep.id);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const wh = new Webhook(ep.secret);
    const got = receiver.received.map((r) => ({
      id: String(r.headers['webhook-id']),
      data: (
        wh.verify(r.body, r.headers as Record<string, string>) as { data: { reportId: number; seq: number } }
      ).data,
    }));
    expect(new Set(got.map((g) => g.id)).size).toBe(12);
    for (const report of reportIds)
      expect(got.filter((g) => g.data.reportId === report).map((g) => g.data.seq)).toEqual([1, 2, 3, 4]);
    // Nothing is due any more, and nothing is sent twice.
    later(24 * 3_600_000);
    expect(await w.drain()).toBe(0);
    expect(receiver.received).toHaveLength(12);
    receiver.received.length = 0;
  });

  it('retries on the schedule, then fails, disables the endpoint and notifies its developers', async () => {
    receiver.mode = 'error';
    const ep = await endpoint(receiver.url);
    await enqueue(ep.id, reportIds[0]!, 100);
    const w = worker();
    const delays: number[] = [];
    for (let i = 0; i <= WEBHOOK_RETRY_SCHEDULE_S.length; i++) {
      expect(await w.drainOnce()).toBe(1);
      const [row] = await deliveriesOf(t.deps.db, ep.id);
      expect(row!.lastStatusCode).toBe(500);
      if (row!.status === 'failed') break;
      const next = new Date(row!.nextAttemptAt);
      delays.push((next.getTime() - now.getTime()) / 1000);
      expect(await w.drainOnce()).toBe(0); // not due yet
      now = next;
    }
    expect(delays).toEqual([...WEBHOOK_RETRY_SCHEDULE_S]);
    expect(delays.reduce((a, b) => a + b, 0)).toBeGreaterThan(3 * 86_400);
    const [row] = await deliveriesOf(t.deps.db, ep.id);
    expect(row).toMatchObject({ status: 'failed', attempts: WEBHOOK_RETRY_SCHEDULE_S.length + 1 });
    const e = await t.deps.webhooks.get(ep.id);
    expect(e).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const notices =
      await t.deps.db.execute(sql`select recipient_user_id as "userId", channel, template, payload
      from notification_outbox where template = 'webhook_disabled' and payload ->> 'endpointId' = ${ep.id}
      order by channel`);
    expect(notices.rows.map((n) => [n.userId, n.channel])).toEqual([
      [developerId, 'email'],
      [developerId, 'in_app'],
    ]);
    // The notification worker delivers the notice (an outbox row of no report): e-mail and in-app.
    await createDeliveryWorker({
      db: t.deps.db,
      sealer: t.deps.sealer,
      clock,
      smtpUrl: t.mail.url,
      mailFrom: 'Pintu <no-reply@pintu.test>',
    }).drain();
    const mail = await t.mail.waitFor((m) => m.to.includes(developerEmail.toLowerCase()));
    expect(mail.subject).toContain('dinonaktifkan');
    const inApp = await t.deps.db.execute(
      sql`select title from notifications where user_id = ${developerId}`,
    );
    expect(inApp.rows.map((r) => r.title)).toEqual([expect.stringContaining('dinonaktifkan')]);
    receiver.mode = 'ok';
  });

  it('disables an endpoint failing for 5 days; a disabled endpoint is not tried until enabled again', async () => {
    receiver.mode = 'error';
    const ep = await endpoint(receiver.url);
    const w = worker();
    await enqueue(ep.id, reportIds[1]!, 200);
    expect(await w.drainOnce()).toBe(1);
    expect((await t.deps.webhooks.get(ep.id))!.failingSince).toEqual(now);
    // Other deliveries keep failing for 5 days (simulated by moving the window's start back).
    await t.deps.db.execute(sql`update webhook_endpoints set failing_since = ${new Date(now.getTime() - 5 * 86_400_000 - 1).toISOString()}
      where id = ${ep.id}`);
    await enqueue(ep.id, reportIds[2]!, 200);
    expect(await w.drainOnce()).toBe(1);
    expect(await t.deps.webhooks.get(ep.id)).toMatchObject({ enabled: false, disabledReason: 'failing' });
    receiver.mode = 'ok';
    later(86_400_000);
    expect(await w.drain()).toBe(0);
    const enabled = await t.deps.webhooks.update(ep.id, { enabled: true }, now);
    expect(enabled).toMatchObject({ enabled: true, failingSince: null, disabledReason: null });
    expect(await w.drain()).toBe(2);
    expect((await deliveriesOf(t.deps.db, ep.id)).map((d) => d.status)).toEqual(['delivered', 'delivered']);
    receiver.received.length = 0;
  });

  it('gives up on a slow receiver, cuts a 10 MB answer, and does not follow a redirect', async () => {
    const ep = await endpoint(receiver.url);
    const w = worker({ timeoutMs: 500 });
    receiver.mode = 'slow';
    await enqueue(ep.id, null, null);
    let started = Date.now();
    expect(await w.drainOnce()).toBe(1);
    expect(Date.now() - started).toBeLessThan(3_000);
    let [row] = await deliveriesOf(t.deps.db, ep.id);
    expect(row).toMatchObject({ status: 'pending', lastStatusCode: null });
    expect(row!.lastError).toMatch(/batas waktu/);

    receiver.mode = 'huge';
    later(60_000);
    const heap = process.memoryUsage().heapUsed;
    started = Date.now();
    expect(await w.drainOnce()).toBe(1);
    expect(Date.now() - started).toBeLessThan(3_000);
    [row] = await deliveriesOf(t.deps.db, ep.id);
    expect(row).toMatchObject({ status: 'delivered', lastStatusCode: 200 });
    // The client stopped reading at 64 kB: the receiver could not write most of its 160 pieces.
    await new Promise((r) => setTimeout(r, 100));
    expect(receiver.hugePieces).toBeLessThan(100);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(8 * 1024 * 1024);

    receiver.mode = 'redirect';
    await enqueue(ep.id, null, null);
    expect(await w.drainOnce()).toBe(1);
    const rows = await deliveriesOf(t.deps.db, ep.id);
    expect(rows[1]).toMatchObject({ status: 'pending', lastStatusCode: 302 });
    expect(rows[1]!.lastError).toMatch(/redirect/);
    receiver.mode = 'ok';
    await t.deps.webhooks.remove(ep.id, now);
  });

  it('checks the address at delivery and connects to the one it checked', async () => {
    const port = new URL(receiver.url).port;
    const answers: Record<string, string> = {
      'internal.pemda.example': '10.0.0.1',
      'metadata.pemda.example': '169.254.169.254',
      'pinned.pemda.example': '127.0.0.1',
    };
    const resolve: Resolve = async (host) => [{ address: answers[host] ?? '203.0.113.1', family: 4 }];
    const cases: [string, boolean, RegExp][] = [
      [`https://internal.pemda.example:${port}/hooks`, true, /privat/],
      [`https://metadata.pemda.example:${port}/hooks`, true, /link-local/],
      [`https://[::1]:${port}/hooks`, false, /loopback/],
      [`https://127.0.0.1:${port}/hooks`, false, /loopback/],
    ];
    const before = receiver.connections;
    for (const [url, allowLoopback, error] of cases) {
      const ep = await endpoint(url);
      await enqueue(ep.id, null, null);
      expect(await worker({ resolve, allowLoopback }).drainOnce()).toBe(1);
      const [row] = await deliveriesOf(t.deps.db, ep.id);
      expect(row!.lastError, url).toMatch(error);
      await t.deps.webhooks.remove(ep.id, now);
    }
    expect(receiver.connections).toBe(before);
    // A name only our resolver knows: the connection reaches the checked address (TLS to a plain server fails).
    const pinned = await endpoint(`https://pinned.pemda.example:${port}/hooks`);
    await enqueue(pinned.id, null, null);
    expect(await worker({ resolve }).drainOnce()).toBe(1);
    expect(receiver.connections).toBe(before + 1);
    await t.deps.webhooks.remove(pinned.id, now);
  });
});
