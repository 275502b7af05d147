/**
 * The federation's messages in one process (issue 13 §2–4, ADR 0013), where each refusal can be seen on its own: a
 * filing for another instance's institution is forwarded without the reporter's identity and leaves a mirror here
 * that staff cannot act on but the reporter can (as a command); the inbound door takes only messages signed by a
 * trusted peer's key, applies each once and in order, and refuses one that would break the copy's chain.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventHash } from '../../src/db/event-chain';
import type { ReportSnapshot } from '../../src/db/federation-outbox';
import { identityDocument } from '../../src/security/instance-identity';
import { generateInstanceKeys, keyFingerprint, signMessage } from '../../src/security/instance-keys';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let admin: SignedIn;
let ids: Awaited<ReturnType<typeof refIds>>;
const kaltim = generateInstanceKeys();
const stranger = generateInstanceKeys();

/** The test app's clock (fixed), which the receiver checks timestamps against. */
const nowS = () => Math.floor(t.deps.clock().getTime() / 1000);

/** A message as the peer `slug` sends it, signed with `secretKey`. */
function message(
  secretKey: string,
  slug: string,
  envelope: { type: string; trackingId: string; seq: number; data: unknown },
  at = nowS(),
) {
  const body = JSON.stringify(envelope);
  const id = `fed_${slug}_${envelope.trackingId}_${envelope.seq}`;
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(at),
      'webhook-signature': signMessage(secretKey, id, at, body),
    },
  };
}
const send = (m: { body: string; headers: Record<string, string> }) =>
  t.app.request('/api/v1/federation/messages', { method: 'POST', body: m.body, headers: m.headers });

/** `snapshot` renamed to `trackingId`, its chain hashed again for the new name (as a real writer would have). */
function renamed(snapshot: ReportSnapshot, trackingId: string): ReportSnapshot {
  let prev: string | null = null;
  const events = snapshot.events.map((e) => {
    const { hash: _h, prevHash: _p, holderId, ...content } = e;
    const hash = eventHash(prev, { ...content, trackingId, at: new Date(e.at) });
    const out = { ...content, holderId, prevHash: prev, hash };
    prev = hash;
    return out;
  });
  return { ...snapshot, trackingId, lifecycle: { ...snapshot.lifecycle, id: trackingId }, events };
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await refIds(t.deps.db);
  admin = await signInAs(t, { role: 'national_admin' });
  const document = identityDocument(
    kaltim.secretKey,
    {
      slug: 'kaltim',
      name: 'LAPOR WAL! Kalimantan Timur',
      baseUrl: 'https://laporwal.example',
      handles: ['pemprov-64', 'pemda-64.72'],
    },
    nowS(),
  );
  const trusted = await t.post(
    '/api/v1/federation/peers',
    { document, fingerprint: keyFingerprint(kaltim.publicKey) },
    admin.headers,
  );
  expect(trusted.status).toBe(201);
  // The registry caches "federated?" for a few seconds; this app trusted its peer through itself, so it knows.
  expect(t.deps.federation.federated()).toBe(true);
});
afterAll(() => t.close());

describe('forwarding at intake', () => {
  let filed: { trackingId: string; accessCode: string };

  it('sends a report about Samarinda to Kaltim without its reporter, and keeps a mirror here', async () => {
    const res = await t.post('/api/v1/reports', {
      ...reportInput(ids.roads, { isAnonymous: true }),
      institutionId: ids.samarinda,
    });
    expect(res.status).toBe(201);
    filed = await res.json();
    const row = (
      await t.deps.db.execute(sql`select handled_at, origin, copies from reports
        where tracking_id = ${filed.trackingId}`)
    ).rows[0]!;
    expect(row).toMatchObject({ handled_at: 'kaltim', origin: null });
    const out = (
      await t.deps.db.execute(sql`select peer, seq, kind, body from federation_outbox
        where tracking_id = ${filed.trackingId}`)
    ).rows;
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ peer: 'kaltim', seq: 1, kind: 'report.forwarded' });
    const text = JSON.stringify(out[0]!.body);
    for (const secret of ['Siti Rahmawati', 'siti.rahmawati@example.id', '081234567890', filed.accessCode])
      expect(text).not.toContain(secret);
    expect((out[0]!.body as ReportSnapshot).events.map((e) => e.action)).toEqual(['submitted']);
  });

  it('refuses staff on the mirror (409) and sends the reporter’s action to the writer', async () => {
    const staff = await t.post(
      `/api/v1/reports/${filed.trackingId}/actions`,
      { action: 'verify', targets: [ids.samarinda] },
      admin.headers,
    );
    expect(staff.status).toBe(409);
    expect((await staff.json()).reason).toBe('handled_elsewhere');
    // A reporter action the state does not allow is refused here, before anything is sent.
    const early = await t.post(
      `/api/v1/reports/${filed.trackingId}/actions`,
      { action: 'accept', rating: 5 },
      { 'x-access-code': filed.accessCode },
    );
    expect(early.status).toBe(409);
    const queued = await t.deps.db.execute(sql`select count(*)::int as n from federation_outbox
      where tracking_id = ${filed.trackingId} and kind = 'report.command'`);
    expect(queued.rows[0]!.n).toBe(0);
  });
});

describe('the inbound door', () => {
  let snapshot: ReportSnapshot;
  const trackingId = 'LPR-FED0-TEST-0001';

  beforeAll(async () => {
    const row = (
      await t.deps.db.execute(sql`select body from federation_outbox where kind = 'report.forwarded' limit 1`)
    ).rows[0]!;
    snapshot = renamed(row.body as ReportSnapshot, trackingId);
  });
  const count = async () =>
    Number(
      (await t.deps.db.execute(sql`select count(*)::int as n from reports where tracking_id = ${trackingId}`))
        .rows[0]!.n,
    );

  it('takes nothing unsigned, signed by an unknown key, or too old', async () => {
    const envelope = { type: 'report.forwarded', trackingId, seq: 1, data: snapshot };
    const unsigned = await t.app.request('/api/v1/federation/messages', {
      method: 'POST',
      body: JSON.stringify(envelope),
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('content-type')).toContain('application/problem+json');
    expect((await send(message(stranger.secretKey, 'kaltim', envelope))).status).toBe(401);
    expect((await send(message(stranger.secretKey, 'jabar', envelope))).status).toBe(401);
    const old = message(kaltim.secretKey, 'kaltim', envelope, nowS() - 600);
    expect((await send(old)).status).toBe(401);
    expect(await count()).toBe(0);
  });

  it('refuses a copy whose chain does not verify, and stores nothing', async () => {
    const tampered = structuredClone(snapshot);
    tampered.events[0]!.payload = { ...tampered.events[0]!.payload, injected: true };
    const res = await send(
      message(kaltim.secretKey, 'kaltim', { type: 'report.forwarded', trackingId, seq: 1, data: tampered }),
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/hash does not match/);
    expect(await count()).toBe(0);
  });

  it('applies a forwarded report once, and asks for the gap when one is skipped', async () => {
    const m = message(kaltim.secretKey, 'kaltim', {
      type: 'report.forwarded',
      trackingId,
      seq: 1,
      data: snapshot,
    });
    const first = await send(m);
    expect(first.status, await first.clone().text()).toBe(200);
    expect(await first.json()).toEqual({ result: 'applied' });
    expect(await (await send(m)).json()).toEqual({ result: 'duplicate' });
    const row = (
      await t.deps.db.execute(sql`select handled_at, origin, copies, reporter_sealed, access_code_hash
        from reports where tracking_id = ${trackingId}`)
    ).rows[0]!;
    expect(row).toEqual({
      handled_at: null,
      origin: 'kaltim',
      copies: ['kaltim'],
      reporter_sealed: null,
      access_code_hash: null,
    });
    const gap = await send(
      message(kaltim.secretKey, 'kaltim', { type: 'report.event', trackingId, seq: 3, data: {} }),
    );
    expect(gap.status).toBe(409);
    expect(await gap.json()).toEqual({ expectedSeq: 2 });
    expect(await count()).toBe(1);
  });
});
