/**
 * Filing limits with the production defaults (issue 16 §7, docs/abuse.md): per contact refused with 429 and
 * Retry-After, nothing stored; per signed-in account; and a shared connection — a village NAT, a facilitator
 * filing for a whole village — never refused.
 */
import { DEFAULT_FILING_LIMITS } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let n = 0;

beforeAll(async () => {
  t = await startTestApp({ filingLimits: DEFAULT_FILING_LIMITS });
  ids = await refIds(t.deps.db);
});
afterAll(() => t.close());

/** A filing with its own text (so repeat detection stays out of the way) and the given reporter or fields. */
function file(over: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  n++;
  return t.post(
    '/api/v1/reports',
    reportInput(ids.roads, {
      title: `Lampu jalan mati di gang ${n} Samarinda`,
      body: `Lampu penerangan jalan di gang nomor ${n} sudah mati dua minggu, warga takut lewat malam hari.`,
      // Anonymous, with no contact unless a test gives one: the fixture's would meet its own limit.
      reporter: undefined,
      isAnonymous: true,
      ...over,
    }),
    headers,
  );
}

/** Every table a filing writes to, counted: a refused filing must leave all of them as they were. */
async function tableCounts() {
  const res = await t.deps.db.execute(sql`select
    (select count(*) from reports)::int as reports, (select count(*) from events)::int as events,
    (select count(*) from filing_marks)::int as marks, (select count(*) from notification_outbox)::int as outbox,
    (select count(*) from idempotency_keys)::int as keys, (select count(*) from sla_stage_clocks)::int as clocks`);
  return res.rows[0];
}

const moderationOf = async (trackingId: string) =>
  (
    await t.deps.db.execute(sql`select moderation_status as status, moderation_hidden as hidden,
      institution_id as "institutionId", requested_institution_id as "requestedId",
      lifecycle->'moderation'->'rules' as rules from reports where tracking_id = ${trackingId}`)
  ).rows[0] as {
    status: string | null;
    hidden: boolean;
    institutionId: number | null;
    requestedId: number | null;
  };

describe('per contact', () => {
  it('refuses the 11th filing in a day from one e-mail with 429, Retry-After and nothing stored', async () => {
    const reporter = { name: 'Budi Santoso', email: 'budi.santoso@example.id' };
    const first = await file({ reporter });
    expect(first.status).toBe(201);
    t.setNow('2024-06-03T05:00:00Z'); // three hours later, the other nine
    for (let i = 0; i < 9; i++) expect((await file({ reporter })).status).toBe(201);

    const before = await tableCounts();
    // The same mailbox written otherwise is the same contact.
    const res = await file({ reporter: { ...reporter, email: 'Budi.Santoso@Example.ID' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // The first filing leaves the 24-hour window at 02:00 tomorrow: 21 hours from now.
    expect(res.headers.get('retry-after')).toBe(String(21 * 3600));
    const body = await res.json();
    expect(body).toMatchObject({
      type: 'https://pintu.id/problems/rate_limited',
      title: 'Terlalu banyak percobaan / Too many requests',
      status: 429,
      code: 'RATE_LIMITED',
      reason: 'filing_limit',
      instance: '/api/v1/reports',
    });
    // Indonesian first, then English.
    expect(body.detail).toMatch(
      /^Terlalu banyak laporan dari alamat e-mail ini; .* \/ Too many reports from/,
    );
    expect(await tableCounts()).toEqual(before);

    // Once the first filing has left the window, one more goes through.
    t.setNow('2024-06-04T02:00:01Z');
    expect((await file({ reporter })).status).toBe(201);
    t.setNow('2024-06-03T02:00:00Z');
  });

  it('counts a phone however it is written, and refuses with an Idempotency-Key without storing the key', async () => {
    const phones = ['081377766655', '+6281377766655', '6281377766655'];
    for (let i = 0; i < 10; i++)
      expect((await file({ reporter: { name: 'Ani', phone: phones[i % 3] } })).status).toBe(201);
    const before = await tableCounts();
    const res = await file(
      { reporter: { name: 'Ani', phone: '+6281377766655' } },
      { 'idempotency-key': 'ani-11' },
    );
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('a shared connection', () => {
  it('accepts every anonymous filing from one village address; past 20 an hour they are held for moderation', async () => {
    const village = { 'x-forwarded-for': '203.0.113.9' };
    const filed: string[] = [];
    for (let i = 0; i < 23; i++) {
      // Each villager with a contact of their own, or none at all.
      const reporter =
        i % 2 ? { name: `Warga ${i}`, phone: `08530000${String(i).padStart(4, '0')}` } : undefined;
      const res = await file({ reporter, institutionId: ids.samarinda }, village);
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body.accessCode).toBeTruthy();
      filed.push(body.trackingId);
    }
    for (const id of filed.slice(0, 20))
      expect(await moderationOf(id)).toMatchObject({
        status: null,
        hidden: false,
        institutionId: ids.samarinda,
      });
    // Held in the national queue for the moderator, the reporter's choice kept for the release.
    for (const id of filed.slice(20))
      expect(await moderationOf(id)).toMatchObject({
        status: 'pending',
        hidden: true,
        institutionId: null,
        requestedId: ids.samarinda,
        rules: ['address_limit'],
      });
    const pub = await t.get(`/api/v1/reports/${filed[22]}`);
    expect(pub.status).toBe(404);

    // An hour later the address's window has moved on.
    t.setNow('2024-06-03T03:00:01Z');
    const later = await (await file({}, village)).json();
    expect((await moderationOf(later.trackingId)).status).toBeNull();
    t.setNow('2024-06-03T02:00:00Z');
  });

  it('does not count a private or loopback address: the server’s own proxy is not one client', async () => {
    for (let i = 0; i < 22; i++) {
      const res = await file({}, { 'x-forwarded-for': '10.0.0.1' });
      expect((await moderationOf((await res.json()).trackingId)).status).toBeNull();
    }
  });

  it('lets a signed-in facilitator file for a whole village from one address and one phone', async () => {
    const facilitator = await signInAs(t, { role: 'facilitator', name: 'Pendamping Desa Loa Janan' });
    const headers = { ...facilitator.headers, 'x-forwarded-for': '203.0.113.10' };
    // More than the address allows in an hour and the contact allows in a day: the account is what counts.
    for (let i = 0; i < 25; i++) {
      const res = await file({ reporter: { name: `Warga ${i}`, phone: '081255554444' } }, headers);
      expect(res.status).toBe(201);
      expect((await moderationOf((await res.json()).trackingId)).status).toBeNull();
    }
  });
});

describe('per account', () => {
  it('refuses a signed-in citizen’s 21st filing in a day, whatever the address', async () => {
    const citizen = await signInAs(t, { role: 'citizen', name: 'Citra' });
    for (let i = 0; i < 20; i++)
      expect((await file({}, { ...citizen.headers, 'x-forwarded-for': `198.51.100.${i + 1}` })).status).toBe(
        201,
      );
    const res = await file({}, citizen.headers);
    expect(res.status).toBe(429);
    expect((await res.json()).detail).toMatch(/akun ini;.* this account;/);
  });

  it('holds a facilitator to its own, higher limit', async () => {
    const low = await startTestApp({
      filingLimits: {
        ...DEFAULT_FILING_LIMITS,
        facilitator: { max: 3, windowMinutes: 1440, over: 'refuse' },
      },
    });
    try {
      const facilitator = await signInAs(low, { role: 'facilitator' });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await low.post(
              '/api/v1/reports',
              reportInput(ids.roads, { title: `Jembatan kayu rapuh nomor ${i}` }),
              facilitator.headers,
            )
          ).status,
        );
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await low.close();
    }
  });
});
