/**
 * The honeypot and repeated submissions with the production defaults (issue 16 §7, docs/abuse.md): a filled hidden
 * field gets a normal answer but the filing is held as spam, out of public view and without a receipt; the same text
 * again from the same contact is not a second report (409 naming the first), while an Idempotency-Key retry still
 * gets its first answer; the SMS channel answers both in the sender's language.
 */
import { DEFAULT_FILING_LIMITS } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { enableSms, sms } from '../support/sms-channel';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;

beforeAll(async () => {
  t = await startTestApp({ filingLimits: DEFAULT_FILING_LIMITS });
  ids = await refIds(t.deps.db);
});
afterAll(() => t.close());

const row = async (trackingId: string) =>
  (
    await t.deps.db.execute(sql`select r.moderation_status as moderation, r.moderation_hidden as hidden,
      r.institution_id as "institutionId", r.requested_institution_id as "requestedId",
      (select e.payload->'flags' from events e where e.report_id = r.id and e.seq = 1) as flags,
      (select count(*) from notification_outbox o where o.report_id = r.id and o.recipient_kind = 'reporter')::int
        as receipts
    from reports r where r.tracking_id = ${trackingId}`)
  ).rows[0] as Record<string, unknown>;

const counts = async () =>
  (
    await t.deps.db.execute(sql`select (select count(*) from reports)::int as reports,
      (select count(*) from events)::int as events, (select count(*) from filing_marks)::int as marks,
      (select count(*) from notification_outbox)::int as outbox, (select count(*) from idempotency_keys)::int as keys`)
  ).rows[0];

describe('the honeypot', () => {
  const reporter = { name: 'Rudi Hartono', email: 'rudi.hartono@example.id' };

  it('answers a filled hidden field as any filing, but holds it as spam, hidden and without a receipt', async () => {
    const input = reportInput(ids.roads, {
      title: 'Obat murah tanpa resep kirim cepat',
      body: 'Dapatkan obat murah tanpa resep, kirim cepat ke seluruh Indonesia, hubungi kami sekarang juga.',
      institutionId: ids.samarinda,
      reporter,
      website: 'https://obat-murah.example',
    });
    const res = await t.post('/api/v1/reports', input);
    expect(res.status).toBe(201);
    const body = await res.json();
    // Nothing in the answer tells a bot it was caught: a tracking id and an access code as always.
    expect(body.trackingId).toMatch(/^LPR-/);
    expect(body.accessCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(await row(body.trackingId)).toEqual({
      moderation: 'pending',
      hidden: true,
      institutionId: null,
      requestedId: ids.samarinda,
      flags: ['honeypot'],
      receipts: 0,
    });
    expect((await t.get(`/api/v1/reports/${body.trackingId}`)).status).toBe(404);
    const list = await (await t.get('/api/v1/reports?q=obat%20murah')).json();
    expect(list.items.map((i: { trackingId: string }) => i.trackingId)).not.toContain(body.trackingId);
    // A person who filled it by mistake still follows their report with the access code.
    const own = await t.get(`/api/v1/reports/${body.trackingId}`, { 'x-access-code': body.accessCode });
    expect(own.status).toBe(200);
  });

  it('treats an empty hidden field as a person’s filing', async () => {
    const res = await t.post(
      '/api/v1/reports',
      reportInput(ids.roads, { title: 'Drainase tersumbat di Jalan Pahlawan', website: '', reporter }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(await row(body.trackingId)).toMatchObject({ moderation: null, hidden: false, receipts: 2 });
  });
});

describe('a repeated submission', () => {
  const reporter = { name: 'Maria Ulfa', email: 'maria.ulfa@example.id', phone: '081311112222' };
  const input = reportInput(ids?.roads ?? 0, {
    title: 'Sampah menumpuk di pasar Segiri',
    body: 'Sampah di belakang pasar Segiri tidak diangkut selama dua minggu dan baunya sampai ke rumah warga.',
    reporter,
  });

  it('answers the same text from the same contact with 409 naming the report already filed', async () => {
    input.categoryId = ids.roads;
    const first = await (await t.post('/api/v1/reports', input, { 'idempotency-key': 'maria-1' })).json();
    const before = await counts();
    // A second click, with other spacing, case and punctuation, and the phone alone.
    const again = await t.post('/api/v1/reports', {
      ...input,
      title: 'SAMPAH menumpuk di pasar Segiri!',
      body: `${input.body}  `,
      reporter: { name: 'Maria', phone: '+6281311112222' },
    });
    expect(again.status).toBe(409);
    const problem = await again.json();
    expect(problem).toMatchObject({
      code: 'CONFLICT',
      reason: 'duplicate_submission',
      errors: [{ field: 'body', code: 'duplicate_submission', message: first.trackingId }],
    });
    expect(problem.detail).toMatch(
      /^Laporan yang sama sudah dikirim: LPR-.* \/ The same report was already filed/,
    );
    expect(await counts()).toEqual(before);

    // The retry of the first request with its key still gets the first answer, not a 409.
    const retry = await t.post('/api/v1/reports', input, { 'idempotency-key': 'maria-1' });
    expect(retry.status).toBe(201);
    expect((await retry.json()).trackingId).toBe(first.trackingId);
  });

  it('files the same text from another contact, and from the same one a day later', async () => {
    const other = await t.post('/api/v1/reports', {
      ...input,
      reporter: { name: 'Tetangga Maria', email: 'tetangga@example.id' },
    });
    expect(other.status).toBe(201);
    t.setNow('2024-06-04T02:00:01Z');
    try {
      expect((await t.post('/api/v1/reports', input)).status).toBe(201);
    } finally {
      t.setNow('2024-06-03T02:00:00Z');
    }
  });
});

describe('the SMS channel', () => {
  it('answers a repeat and the 11th LAPOR of the day from one number in the sender’s words, filing nothing', async () => {
    await enableSms(t);
    const phone = '081277778888';
    const text = (i: number) =>
      `Jalan di depan SDN ${i} berlubang besar sejak bulan lalu, motor sering jatuh.`;
    const first = await sms(t, phone, `LAPOR ${text(0)}`);
    expect(first.text).toMatch(/LPR-/);
    const repeat = await sms(t, phone, `LAPOR ${text(0)}`);
    expect(repeat.text).toMatch(/^Laporan belum diterima: Laporan yang sama sudah dikirim: LPR-/);
    for (let i = 1; i < 10; i++) expect((await sms(t, phone, `LAPOR ${text(i)}`)).text).toMatch(/LPR-/);
    const before = await counts();
    const over = await sms(t, phone, `REPORT ${text(10)}`);
    expect(over.text).toMatch(/^The report was not accepted: Too many reports from this phone number/);
    expect(await counts()).toEqual(before);
  });
});
