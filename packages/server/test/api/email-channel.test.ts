/**
 * Must-show (issue 14 part 3): a message with a photo becomes a report, and a reply threads into it. Real SMTP
 * both ways: nodemailer delivers to the channel's listener, Pintu's answers arrive at the test app's SMTP sink.
 * Staff drive the report to `awaiting_reporter` over HTTP; only the reporter's address threads, automatic
 * messages and bounces are ignored, and a redelivered message is handled once.
 */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { type EmailChannelTest, filedFrom, MAILBOX, startEmailChannelFor } from '../support/email-channel';
import { jpegWithGps, refIds, rowCounts } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { createUnit } from '../support/workflow-fixtures';

const SITI = { name: 'Siti Rahmawati', address: 'siti@warga.test' };
const MALLORY = { name: 'Siti Rahmawati', address: 'mallory@elsewhere.test' };

let t: TestApp;
let ch: EmailChannelTest;
let ids: Awaited<ReturnType<typeof refIds>>;
let unit: number;
const h: Record<string, Record<string, string>> = {};
let report: { trackingId: string; accessCode: string; subject: string };

beforeAll(async () => {
  t = await startTestApp();
  ids = await refIds(t.deps.db);
  unit = await createUnit(t.deps.db, ids.samarinda, 'pemda-64.72-pu-email', 'Dinas PU (e-mail)');
  h.admin = (await signInAs(t, { role: 'national_admin' })).headers;
  h.liaison = (await signInAs(t, { role: 'liaison_officer', institutionId: unit })).headers;
  ch = await startEmailChannelFor(t);
});
afterAll(async () => {
  await ch?.close();
  await t?.close();
});

const status = async (trackingId: string) =>
  (
    (await t.deps.db.execute(sql`select status from reports where tracking_id = ${trackingId}`)).rows[0] as {
      status: string;
    }
  ).status;

async function act(body: Record<string, unknown>, headers: Record<string, string>) {
  const res = await t.post(`/api/v1/reports/${report.trackingId}/actions`, body, headers);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
}

describe('an e-mail with a photo becomes a report, and a reply threads into it', () => {
  it('files the message on the email channel and answers with the trackingId and access code', async () => {
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const sent = await ch.send({
      from: SITI,
      subject: 'Jalan berlubang di depan Pasar Segiri',
      text: [
        'Selamat pagi,',
        '',
        'Ada lubang besar di Jalan Juanda depan Pasar Segiri, sudah tiga minggu belum diperbaiki.',
        'Dua pengendara motor jatuh minggu lalu. Foto terlampir.',
        '',
        'Wilayah: 64.72',
        'Kategori: infrastruktur.jalan-kabupaten',
        'Alamat: Jl. Juanda, depan Pasar Segiri',
        '',
        '-- ',
        'Siti Rahmawati',
        'RT 03 Kelurahan Sidodadi, 0812 3456 7890',
      ].join('\n'),
      attachments: [{ filename: 'lubang.jpg', content: photo, contentType: 'image/jpeg' }],
    });

    const answer = await t.mail.waitFor(
      (m) => m.to.includes(SITI.address) && /Report received/.test(m.subject),
    );
    const { trackingId, accessCode } = filedFrom(answer.text);
    report = { trackingId, accessCode, subject: answer.subject };
    expect(answer.subject).toBe(
      `[${trackingId}] Laporan diterima / Report received: Jalan berlubang di depan Pasar Segiri`,
    );
    // Indonesian first, English second; an automatic answer (RFC 3834) in the sender's thread; replies to the mailbox.
    expect(answer.text.indexOf('Kode akses')).toBeLessThan(answer.text.indexOf('Access code'));
    expect(answer.headers['auto-submitted']).toBe('auto-replied');
    expect(answer.headers['in-reply-to']).toBe(sent.messageId);
    expect(answer.headers['reply-to']).toContain(MAILBOX);

    const row = (
      await t.deps.db.execute(sql`select channel, title, body, region_code as "regionCode", address,
        category_id as "categoryId", institution_id as "institutionId", reporter_sealed as sealed
        from reports where tracking_id = ${trackingId}`)
    ).rows[0] as Record<string, unknown>;
    expect(row).toMatchObject({
      channel: 'email',
      title: 'Jalan berlubang di depan Pasar Segiri',
      regionCode: '64.72',
      address: 'Jl. Juanda, depan Pasar Segiri',
      categoryId: ids.roads,
      institutionId: null, // the national queue: verifiers route it
    });
    // The body is the writer's own text: no signature, no field lines.
    expect(row.body).toBe(
      'Selamat pagi,\n\nAda lubang besar di Jalan Juanda depan Pasar Segiri, sudah tiga minggu belum diperbaiki.\nDua pengendara motor jatuh minggu lalu. Foto terlampir.',
    );
    // The contact (sender name and address) is sealed by the filing pipeline.
    expect(t.deps.sealer.open(String(row.sealed))).toEqual({ name: SITI.name, email: SITI.address });

    // The photo is the report's attachment, re-encoded without EXIF/GPS.
    const view = await (await t.get(`/api/v1/reports/${trackingId}`, { 'x-access-code': accessCode })).json();
    expect(view.attachments).toHaveLength(1);
    const file = await t.get(view.attachments[0].url, { 'x-access-code': accessCode });
    expect(file.status).toBe(200);
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(64);
  });

  it('staff drive it to awaiting_reporter over HTTP', async () => {
    await act({ action: 'verify', targets: [unit] }, h.admin!);
    await act(
      { action: 'acknowledge', complexity: 'simple', message: 'Diterima, segera dicek.' },
      h.liaison!,
    );
    await act({ action: 'post_follow_up', message: 'Lubang sudah ditambal. Mohon konfirmasi.' }, h.liaison!);
    expect(await status(report.trackingId)).toBe('awaiting_reporter');
  });

  it('a forged reply (the subject names the report, another address sends it) is not threaded; its sender is told', async () => {
    const before = await readEvents(t.deps.db, report.trackingId);
    const counts = await rowCounts(t.deps.db);
    await ch.send({
      from: MALLORY,
      subject: `Re: ${report.subject}`,
      text: 'Tidak benar, lubangnya masih ada. Terima kasih.',
    });
    const answer = await t.mail.waitFor((m) => m.to.includes(MALLORY.address));
    expect(answer.subject).toMatch(/^Balasan tidak dikaitkan \/ Reply not linked/);
    expect(answer.text).toContain('hanya diterima dari alamat e-mail pelapornya');
    expect(await readEvents(t.deps.db, report.trackingId)).toHaveLength(before.length);
    expect(await rowCounts(t.deps.db)).toEqual(counts); // not filed as a new report either
    expect(await status(report.trackingId)).toBe('awaiting_reporter');
  });

  it('an automatic reply from the reporter and bounces are ignored: nothing stored, nothing answered', async () => {
    const before = await readEvents(t.deps.db, report.trackingId);
    const counts = await rowCounts(t.deps.db);
    const answers = t.mail.messages.length;
    await ch.send({
      from: SITI,
      subject: `Automatic reply: ${report.subject}`,
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
      text: 'Saya sedang cuti sampai 10 Juni dan akan membalas setelahnya.',
    });
    await ch.send({
      from: SITI,
      subject: `Sedang cuti: ${report.subject}`,
      headers: { Precedence: 'auto_reply' },
      text: 'Saya sedang cuti sampai 10 Juni dan akan membalas setelahnya.',
    });
    // A delivery-status bounce from the null return path, as an MTA sends it.
    await ch.send({
      envelope: { from: '', to: [MAILBOX] },
      raw: [
        'From: Mail Delivery System <MAILER-DAEMON@mx.warga.test>',
        `To: ${MAILBOX}`,
        `Subject: Undelivered Mail Returned to Sender`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        `I'm sorry to have to inform you that your message about ${report.trackingId} could not be delivered.`,
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.warga.test',
        '',
        'Final-Recipient: rfc822; siti@warga.test',
        'Action: failed',
        'Status: 5.1.1',
        '--b1--',
        '',
      ].join('\r\n'),
    });
    // A bounce relayed with a return path, still from MAILER-DAEMON.
    await ch.send({
      from: 'MAILER-DAEMON@mx.warga.test',
      subject: `Mail delivery failed: ${report.subject}`,
      text: 'This message was created automatically by mail delivery software.',
    });
    expect(ch.logs.filter((l) => l.startsWith('[email] ignored'))).toEqual([
      '[email] ignored: auto_reply (Auto-Submitted: auto-replied)',
      '[email] ignored: auto_reply (Precedence: auto_reply)',
      '[email] ignored: bounce (null return path)',
      '[email] ignored: bounce (mailer daemon)',
    ]);
    expect(t.mail.messages.length).toBe(answers);
    expect(await readEvents(t.deps.db, report.trackingId)).toHaveLength(before.length);
    expect(await rowCounts(t.deps.db)).toEqual(counts);
  });

  it("the reporter's reply (subject with the trackingId, same address) becomes a reporter_reply event", async () => {
    const sent = await ch.send({
      from: { name: 'Siti R.', address: 'Siti@Warga.TEST' }, // the same address, written in another case
      subject: `Re: ${report.subject}`,
      text: [
        'Sebagian sudah ditambal, tetapi masih ada dua lubang di sisi kiri jalan.',
        '',
        'Pada tanggal Sen, 3 Jun 2024 pukul 09.00 Pintu <lapor@pintu.test>',
        'menulis:',
        '> Lubang sudah ditambal. Mohon konfirmasi.',
      ].join('\n'),
    });
    const last = (await readEvents(t.deps.db, report.trackingId)).at(-1)!;
    expect(last).toMatchObject({
      action: 'reporter_reply',
      actorRole: 'guest',
      fromStatus: 'awaiting_reporter',
      toStatus: 'in_progress',
    });
    expect(last.payload).toMatchObject({
      message: 'Sebagian sudah ditambal, tetapi masih ada dua lubang di sisi kiri jalan.',
    });
    const answer = await t.mail.waitFor((m) => /Reply received/.test(m.subject));
    expect(answer.subject).toBe(`[${report.trackingId}] Tanggapan diterima / Reply received`);
    expect(answer.to).toEqual(['siti@warga.test']);

    // The same message delivered again (an MTA retrying after a lost "250"): handled once, not answered again.
    const events = (await readEvents(t.deps.db, report.trackingId)).length;
    const answers = t.mail.messages.length;
    await ch.send({
      from: SITI,
      subject: `Re: ${report.subject}`,
      messageId: sent.messageId,
      text: 'Sebagian sudah ditambal, tetapi masih ada dua lubang di sisi kiri jalan.',
    });
    expect(ch.logs.at(-1)).toBe('[email] duplicate');
    expect((await readEvents(t.deps.db, report.trackingId)).length).toBe(events);
    expect(t.mail.messages.length).toBe(answers);
  });
});
