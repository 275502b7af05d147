/**
 * The SMS channel's webhook in process (issue 14 part 2): LAPOR files through the common intake with the sender's
 * number sealed, in the national queue or the one a code names; CEK answers the status and the deadline in the
 * holder's time zone; BALAS is the reporter's reply once staff have followed up; a redelivered message files once.
 * The real gateway (Kannel and a fake phone network) is in test/integration/sms-kannel.test.ts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { refIds } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { enableSms, receiptOf, sms } from '../support/sms-channel';
import { startTestApp, type TestApp } from '../support/test-app';

const BUDI = '+6281234567890';
const TEXT = 'Jalan di depan SDN 5 berlubang besar sejak bulan lalu. Sudah dua pengendara motor jatuh.';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-07T02:00:00Z' }); // Monday 09:00 WIB
  ids = await refIds(t.deps.db);
  await enableSms(t, { region: '64' });
});
afterAll(async () => {
  await t?.close();
});

const row = async (trackingId: string) =>
  (
    await t.deps.db.execute(sql`select channel, title, body, region_code as "regionCode", category_id as "categoryId",
      institution_id as "institutionId", incident_date as "incidentDate", language, status, is_anonymous as anonymous,
      reporter_sealed as sealed from reports where tracking_id = ${trackingId}`)
  ).rows[0] as Record<string, unknown>;

describe('LAPOR', () => {
  it('files a guest report on the sms channel and answers with the trackingId and access code', async () => {
    const answer = await sms(t, '081234567890', `LAPOR ${TEXT}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(answer.text).toMatch(
      /^Laporan diterima\. ID: LPR-\S+ Kode akses: \S+ \(rahasiakan\)\. Cek: CEK LPR-/,
    );
    expect(answer.text.length).toBeLessThanOrEqual(160);
    const { trackingId, accessCode } = receiptOf(answer.text);
    const r = await row(trackingId);
    expect(r).toMatchObject({
      channel: 'sms',
      title: 'Jalan di depan SDN 5 berlubang besar sejak bulan lalu.',
      body: TEXT,
      regionCode: '64', // the configured region: the SMS named none
      categoryId: ids.roads,
      institutionId: null, // the national queue
      incidentDate: '2026-12-07',
      language: 'id',
      status: 'submitted',
      anonymous: false,
    });
    // The sender's number, in one form, is the sealed contact; the notifications send SMS to it.
    expect(t.deps.sealer.open(String(r.sealed))).toEqual({ name: 'Pelapor SMS', phone: BUDI });
    // The access code works like any other.
    const view = await t.get(`/api/v1/reports/${trackingId}`, { 'x-access-code': accessCode });
    expect(view.status).toBe(200);
  });

  it("puts a report naming a region in its government's queue, and one naming an institution in that one", async () => {
    const region = receiptOf((await sms(t, BUDI, `LAPOR #64.72.01 ${TEXT}`)).text);
    expect(await row(region.trackingId)).toMatchObject({
      regionCode: '64.72.01',
      institutionId: ids.samarinda,
    });
    const both = await sms(t, BUDI, `lapor @KEMENPU #64.72 ${TEXT}`);
    expect(both.text).toMatch(/Ke: Kementerian/);
    expect(await row(receiptOf(both.text).trackingId)).toMatchObject({
      regionCode: '64.72',
      institutionId: ids.kemenpu,
    });
    // A central institution has no region: the configured one is recorded.
    const central = receiptOf((await sms(t, BUDI, `LAPOR @kemenpu ${TEXT}`)).text);
    expect(await row(central.trackingId)).toMatchObject({ regionCode: '64', institutionId: ids.kemenpu });
  });

  it('answers in English to REPORT, and files the report in English', async () => {
    const answer = await sms(
      t,
      BUDI,
      'REPORT The street light on Jalan Pahlawan has been off for two weeks.',
    );
    expect(answer.text).toMatch(/^Report received\. ID: LPR-\S+ Access code: \S+ \(keep it secret\)/);
    expect(await row(receiptOf(answer.text).trackingId)).toMatchObject({ language: 'en', channel: 'sms' });
  });

  it('files a message delivered twice (same gateway id) once, and answers the second delivery the same', async () => {
    const before = await t.deps.db.execute(sql`select count(*)::int as n from reports`);
    const first = await sms(t, BUDI, `LAPOR ${TEXT}`, { id: 'kannel-uuid-twice' });
    const second = await sms(t, BUDI, `LAPOR ${TEXT}`, { id: 'kannel-uuid-twice' });
    expect(second.text).toBe(first.text);
    const after = await t.deps.db.execute(sql`select count(*)::int as n from reports`);
    expect((after.rows[0] as { n: number }).n).toBe((before.rows[0] as { n: number }).n + 1);
    // Another number sending the same id is its own message.
    const other = await sms(t, '081298765432', `LAPOR ${TEXT}`, { id: 'kannel-uuid-twice' });
    expect(receiptOf(other.text).trackingId).not.toBe(receiptOf(first.text).trackingId);
  });

  it('reads a UCS-2 message Kannel could not recode (UTF-16BE bytes)', async () => {
    const text = 'LAPOR “Pungli” di loket KTP kantor kecamatan, diminta Rp 50.000 per berkas.';
    const bytes = Buffer.from(text, 'utf16le').swap16();
    const encoded = [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const raw = `secret=rahasia-gateway-sms-uji&from=${encodeURIComponent(BUDI)}&coding=2&charset=UTF-16BE&id=u16&text=${encoded}`;
    const answer = await sms(t, BUDI, '', { raw });
    expect(await row(receiptOf(answer.text).trackingId)).toMatchObject({ body: text.slice(6) });
  });
});

describe('CEK and BALAS from the number that filed it', () => {
  let trackingId: string;

  it('CEK answers the status and the deadline in the holder’s time zone', async () => {
    trackingId = receiptOf((await sms(t, BUDI, `LAPOR #64.72 ${TEXT}`)).text).trackingId;
    const answer = await sms(t, '0812 3456 7890', `CEK ${trackingId.toLowerCase()}`);
    // In Samarinda's queue, in WITA; filed Monday, to be verified within 3 working days.
    expect(answer.text).toBe(
      `${trackingId}: Belum Terverifikasi. Batas verifikasi: 10 Des 2026 23.59 WITA (3 hari kerja lagi). Ditangani: Pemerintah Kota Samarinda.`,
    );
    const national = receiptOf((await sms(t, BUDI, `LAPOR ${TEXT}`)).text).trackingId;
    expect((await sms(t, BUDI, `STATUS ${national}`)).text).toBe(
      `${national}: Not yet verified. Deadline for verification: 10 Dec 2026 23:59 WIB (3 working days left).`,
    );
  });

  it('BALAS is refused while the report is not waiting for the reporter', async () => {
    const answer = await sms(t, BUDI, `BALAS ${trackingId} Masih berlubang.`);
    expect(answer.text).toBe(
      `${trackingId} tidak sedang menunggu tanggapan Anda (status: Belum Terverifikasi).`,
    );
  });

  it('BALAS after a follow-up is the reporter’s reply on the timeline', async () => {
    const coordinator = (await signInAs(t, { role: 'coordinator', institutionId: ids.samarinda })).headers;
    const verified = await t.post(
      `/api/v1/reports/${trackingId}/actions`,
      { action: 'verify', targets: [ids.samarinda] },
      coordinator,
    );
    expect(verified.status, JSON.stringify(await verified.clone().json())).toBe(200);
    const liaison = (await signInAs(t, { role: 'liaison_officer', institutionId: ids.samarinda })).headers;
    for (const body of [
      { action: 'acknowledge', complexity: 'simple', message: 'Diterima, tim segera meninjau lokasi.' },
      { action: 'post_follow_up', message: 'Lubang sudah ditambal hari ini. Mohon konfirmasi.' },
    ]) {
      const res = await t.post(`/api/v1/reports/${trackingId}/actions`, body, liaison);
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    }
    expect((await sms(t, BUDI, `CEK ${trackingId}`)).text).toMatch(
      /: Menunggu Tanggapan Pelapor\. Batas tanggapan Anda: .* Balas: BALAS LPR-\S+ <isi>/,
    );
    const answer = await sms(
      t,
      '6281234567890',
      `BALAS ${trackingId} Sudah, terima kasih. Tapi masih ada lubang kecil.`,
    );
    expect(answer.text).toBe(`Tanggapan Anda untuk ${trackingId} diterima dan diteruskan ke instansi.`);
    const events = await readEvents(t.deps.db, trackingId);
    expect(events.at(-1)).toMatchObject({
      action: 'reporter_reply',
      actorRole: 'guest',
      toStatus: 'in_progress',
    });
    expect((await row(trackingId)).status).toBe('in_progress');
  });
});
