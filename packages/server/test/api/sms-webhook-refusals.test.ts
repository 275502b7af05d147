/**
 * Bad input on the SMS webhook (issue 14 part 2): a gateway without the secret, a message with no text or a wrong
 * code, an unknown trackingId and someone else's (both answered alike, and nothing about the report), and a flood
 * from one number (answered up to the limit, then one "too many", then silence). Nothing is stored by any of them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { createApp } from '../../src/http/app';
import { rowCounts } from '../support/fixtures';
import { enableSms, receiptOf, sms } from '../support/sms-channel';
import { startTestApp, type TestApp } from '../support/test-app';

const OWNER = '081234567890';
const STRANGER = '+6285711112222';
const TEXT = 'Lampu penerangan jalan di Jalan Pahlawan mati sejak dua minggu, gelap dan rawan.';

let t: TestApp;
let owned: string;
let senders = 0;
/** A number of its own for each case: the flood gate (4 per hour here) counts per number. */
const fresh = () => `+62813000${String(++senders).padStart(5, '0')}`;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-07T02:00:00Z' });
  await enableSms(t, { floodMax: 4 });
  owned = receiptOf((await sms(t, OWNER, `LAPOR ${TEXT}`)).text).trackingId;
});
afterAll(async () => {
  await t?.close();
});

/** Sends and checks that nothing was stored; returns the answer's text. */
async function refused(from: string, text: string, over: Parameters<typeof sms>[3] = {}) {
  const counts = await rowCounts(t.deps.db);
  const answer = await sms(t, from, text, over);
  expect(await rowCounts(t.deps.db)).toEqual(counts);
  return answer;
}

describe('the gateway', () => {
  it('is refused without the shared secret, or with another', async () => {
    for (const secret of [null, 'bukan-rahasia-yang-benar']) {
      const answer = await refused(fresh(), `LAPOR ${TEXT}`, { secret });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('is told the channel is not set up when SMS_INBOUND_SECRET is not', async () => {
    const withSms = t.app;
    t.app = createApp(t.deps);
    try {
      expect((await refused(fresh(), `LAPOR ${TEXT}`)).status).toBe(404);
    } finally {
      t.app = withSms;
    }
  });

  it('must name the sender; a sender that is no phone number gets no answer', async () => {
    expect((await refused('', `LAPOR ${TEXT}`)).status).toBe(422);
    const operator = await refused('TELKOMSEL', `LAPOR ${TEXT}`);
    expect(operator).toMatchObject({ status: 200, text: '' });
  });
});

describe('a message that files nothing', () => {
  it.each([
    ['LAPOR', /^Isi laporan kosong\. Kirim: LAPOR/],
    ['LAPOR    ', /^Isi laporan kosong/],
    ['LAPOR #64.72', /^Isi laporan kosong/],
    ['LAPOR jalan rusak', /^Laporan terlalu pendek: tulis minimal 30 huruf/],
    [`LAPOR #99.99 ${TEXT}`, /^Kode wilayah #99\.99 tidak dikenal/],
    [`LAPOR #64.7 ${TEXT}`, /^Kode #64\.7 tidak sesuai/],
    [`LAPOR @dinas-tidak-ada ${TEXT}`, /^Kode instansi @dinas-tidak-ada tidak dikenal/],
    ['', /^Format SMS: LAPOR <isi laporan>; CEK <Tracking ID>; BALAS <Tracking ID> <isi>\./],
    ['Halo, apa kabar?', /^Format SMS:/],
    ['CEK', /^Tulis Tracking ID-nya: CEK LPR-XXXX-XXXX-XXXX$/],
    ['REPLY thanks', /^Write the Tracking ID: REPLY LPR-XXXX-XXXX-XXXX <text>$/],
  ])('%j is answered, and nothing is stored', async (text, expected) => {
    const answer = await refused(fresh(), text);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(expected);
  });

  it('an empty BALAS is asked for its text', async () => {
    expect((await refused(OWNER, `BALAS ${owned}`)).text).toBe(`Tulis tanggapan Anda: BALAS ${owned} <isi>`);
  });
});

describe("an unknown trackingId and someone else's", () => {
  it('get the same answer, which tells nothing about the report', async () => {
    const unknown = 'LPR-0000-0000-0000';
    const foreign = (await refused(STRANGER, `CEK ${owned}`)).text;
    const missing = (await refused(fresh(), `CEK ${unknown}`)).text;
    expect(foreign).toBe(`Tidak ada laporan ${owned} dari nomor ini. Periksa Tracking ID-nya.`);
    expect(missing).toBe(foreign.replace(owned, unknown));
    expect(foreign).not.toMatch(/Terverifikasi|Batas|WIB/);
  });

  it("a stranger's BALAS does not reach the report", async () => {
    const before = await readEvents(t.deps.db, owned);
    const answer = await refused(STRANGER, `BALAS ${owned} Laporan ini bohong, abaikan saja.`);
    expect(answer.text).toBe(`Tidak ada laporan ${owned} dari nomor ini. Periksa Tracking ID-nya.`);
    expect(await readEvents(t.deps.db, owned)).toEqual(before);
  });
});

describe('a flood from one number', () => {
  it('is answered up to the limit, then once "too many", then silence; other numbers go on', async () => {
    const FLOODER = '+6289900001111';
    const counts = await rowCounts(t.deps.db);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await sms(t, FLOODER, `CEK ${owned}`));
    expect(answers.every((a) => a.text.startsWith('Tidak ada laporan'))).toBe(true);
    const fifth = await sms(t, FLOODER, `CEK ${owned}`);
    expect(fifth.text).toBe(
      'Terlalu banyak SMS dari nomor ini. Untuk sementara SMS tidak dijawab; silakan coba lagi nanti.',
    );
    for (let i = 0; i < 5; i++) {
      // Silence, and a LAPOR in the flood's tail files nothing.
      const quiet = await sms(t, FLOODER, `LAPOR ${TEXT} ${i}`);
      expect(quiet).toMatchObject({ status: 200, text: '' });
    }
    expect(await rowCounts(t.deps.db)).toEqual(counts);
    expect((await sms(t, fresh(), 'halo')).text).toMatch(/^Format SMS/);
    // An hour later the window has passed.
    t.setNow('2026-12-07T03:00:01Z');
    const later = await sms(t, FLOODER, `CEK ${owned}`);
    expect(later.text).toMatch(/^Tidak ada laporan/);
    const filed = await t.deps.db.execute(sql`select count(*)::int as n from reports where channel = 'sms'`);
    expect((filed.rows[0] as { n: number }).n).toBe(1);
  });
});
