/** The webhook receiver over real HTTP: Standard Webhooks verification, exactly-once application, seq order. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecret, sampleReport, signedDelivery, startApp, statusEvent } from './support';

let secret: string;
let t: Awaited<ReturnType<typeof startApp>>;
beforeEach(async () => {
  secret = newSecret();
  t = await startApp({ secrets: [secret] });
});
afterEach(() => t.stop());

/** A local report that Pintu has filed as `trackingId`, mirrored at `status`/`seq`. */
function filedReport(trackingId = 'LPR-AAAA-BBBB-0001', status = 'submitted') {
  const r = t.store.addReport(sampleReport());
  t.store.markFiled(r.id, trackingId, status);
  return t.store.get(r.id)!;
}

const post = (d: { body: string; headers: Record<string, string> }) =>
  fetch(`${t.url}/webhooks/pintu`, { method: 'POST', headers: d.headers, body: d.body });

describe('signature verification', () => {
  it('accepts a payload signed with the secret and applies it', async () => {
    const r = filedReport();
    const res = await post(signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'dispositioned', 2)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ outcome: 'applied' });
    expect(t.store.get(r.id)).toMatchObject({ pintuStatus: 'dispositioned', pintuSeq: 2 });
  });

  it('rejects a tampered body with 401 and changes nothing', async () => {
    const r = filedReport();
    const d = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'in_progress', 3));
    const tampered = { ...d, body: d.body.replace('in_progress', 'resolved') };
    expect(tampered.body).not.toBe(d.body);
    const res = await post(tampered);
    expect(res.status).toBe(401);
    expect(t.store.get(r.id)).toMatchObject({ pintuStatus: 'submitted', pintuSeq: null });
    expect(t.store.inbox()).toEqual([]);
  });

  it('rejects a payload signed with another secret', async () => {
    const r = filedReport();
    const res = await post(signedDelivery(newSecret(), statusEvent(r.trackingId!, r.ref, 'in_progress', 3)));
    expect(res.status).toBe(401);
    expect(t.store.get(r.id)!.pintuStatus).toBe('submitted');
    expect(t.store.inbox()).toEqual([]);
  });

  it('rejects a correctly signed payload whose timestamp is older than 5 minutes', async () => {
    const r = filedReport();
    const old = new Date(Date.now() - 5 * 60_000 - 10_000);
    const res = await post(
      signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'in_progress', 3), { at: old }),
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: expect.stringMatching(/too old/i) });
    expect(t.store.inbox()).toEqual([]);
    // 4 minutes old is still inside the tolerance.
    const recent = new Date(Date.now() - 4 * 60_000);
    const ok = await post(
      signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'in_progress', 3), { at: recent }),
    );
    expect(ok.status).toBe(200);
  });

  it('rejects a delivery with a header missing', async () => {
    const r = filedReport();
    const d = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'in_progress', 3));
    const { 'webhook-signature': _, ...headers } = d.headers;
    expect((await post({ ...d, headers })).status).toBe(401);
  });

  it('during a secret rotation accepts the old and the new secret, and a header carrying both signatures', async () => {
    const next = newSecret();
    await t.stop();
    t = await startApp({ secrets: [secret, next] });
    const r = filedReport();
    expect(
      (await post(signedDelivery(next, statusEvent(r.trackingId!, r.ref, 'dispositioned', 2)))).status,
    ).toBe(200);
    // Pintu during its own rotation: "v1,<old> v1,<new>", of which the receiver knows one.
    // One event, signed twice: two events built a millisecond apart would differ in their timestamps.
    const event = statusEvent(r.trackingId!, r.ref, 'in_progress', 3);
    const a = signedDelivery(newSecret(), event, { id: 'msg_rot' });
    const b = signedDelivery(secret, event, { id: 'msg_rot' });
    expect(a.body).toBe(b.body);
    const both = {
      ...b,
      headers: {
        ...b.headers,
        'webhook-signature': `${a.headers['webhook-signature']} ${b.headers['webhook-signature']}`,
      },
    };
    expect((await post(both)).status).toBe(200);
    expect(t.store.get(r.id)!.pintuStatus).toBe('in_progress');
  });
});

describe('applying', () => {
  it('applies the same webhook-id once, however often it is delivered', async () => {
    const r = filedReport();
    const d = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'dispositioned', 2), {
      id: 'msg_dup',
    });
    const first = await post(d);
    const again = await Promise.all([post(d), post(d), post(d)]);
    expect(await first.json()).toMatchObject({ outcome: 'applied' });
    for (const res of again) {
      expect(res.status).toBe(200); // answered 2xx so Pintu stops retrying
      expect(await res.json()).toMatchObject({ outcome: 'duplicate' });
    }
    // The same id with another body (a broken sender) is still not applied a second time.
    const other = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'resolved', 9), { id: 'msg_dup' });
    expect(await (await post(other)).json()).toMatchObject({ outcome: 'duplicate' });
    expect(t.store.get(r.id)).toMatchObject({
      pintuStatus: 'dispositioned',
      pintuSeq: 2,
      lastWebhookId: 'msg_dup',
    });
    expect(t.store.inbox().filter((w) => w.webhookId === 'msg_dup')).toHaveLength(1);
  });

  it('ignores an event whose seq is not newer than the mirrored one', async () => {
    const r = filedReport();
    const late = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'dispositioned', 2));
    const newer = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'in_progress', 4));
    const same = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'on_hold', 4));
    expect(await (await post(newer)).json()).toMatchObject({ outcome: 'applied' });
    expect(await (await post(late)).json()).toMatchObject({ outcome: 'stale' });
    expect(await (await post(same)).json()).toMatchObject({ outcome: 'stale' });
    expect(t.store.get(r.id)).toMatchObject({ pintuStatus: 'in_progress', pintuSeq: 4 });
    expect(t.store.inbox().map((w) => w.outcome)).toEqual(['applied', 'stale', 'stale']);
  });

  it('matches by externalRef when the webhook comes before the filing answer', async () => {
    const r = t.store.addReport(sampleReport());
    const filed = {
      ...statusEvent('LPR-AAAA-BBBB-0042', r.ref, 'dispositioned', 1),
      type: 'report.filed',
    };
    expect(await (await post(signedDelivery(secret, filed))).json()).toMatchObject({ outcome: 'applied' });
    expect(t.store.get(r.id)).toMatchObject({
      filing: 'filed',
      trackingId: 'LPR-AAAA-BBBB-0042',
      pintuSeq: 1,
    });
    // The late filing answer does not move the status back.
    t.store.markFiled(r.id, 'LPR-AAAA-BBBB-0042', 'submitted');
    expect(t.store.get(r.id)!.pintuStatus).toBe('dispositioned');
  });

  it('answers 2xx to a verified event about a report it does not know, and to a test event', async () => {
    const res = await post(
      signedDelivery(secret, statusEvent('LPR-ZZZZ-ZZZZ-ZZZZ', 'WAL-999999', 'resolved', 5)),
    );
    expect(await res.json()).toMatchObject({ outcome: 'unknown_report' });
    const ping = await post(
      signedDelivery(secret, { type: 'webhook.test', timestamp: new Date().toISOString(), data: {} }),
    );
    expect(await ping.json()).toMatchObject({ outcome: 'ignored' });
  });

  it('while down answers 503 or breaks the connection, and applies the redelivery once back up', async () => {
    const r = filedReport();
    const d = signedDelivery(secret, statusEvent(r.trackingId!, r.ref, 'dispositioned', 2));
    t.app.receiver.mode = '503';
    expect((await post(d)).status).toBe(503);
    t.app.receiver.mode = 'reset';
    await expect(post(d)).rejects.toThrow();
    expect(t.store.get(r.id)!.pintuStatus).toBe('submitted');
    t.app.receiver.mode = 'up';
    expect((await post(d)).status).toBe(200);
    expect(t.store.get(r.id)!.pintuStatus).toBe('dispositioned');
  });
});
