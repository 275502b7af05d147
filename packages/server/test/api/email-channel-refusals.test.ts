/**
 * Bad input by e-mail (issue 14 part 3): nothing is stored and the sender is told why, in Indonesian and English.
 * A message with only a signature, a 30 MB attachment, a file that is no image/PDF/video, a missing or unknown
 * region or category; over the SMTP size limit and to another mailbox the listener itself refuses.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmailChannelTest, filedFrom, startEmailChannelFor } from '../support/email-channel';
import { jpegWithGps, refIds, rowCounts } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ch: EmailChannelTest;
let ids: Awaited<ReturnType<typeof refIds>>;

beforeAll(async () => {
  t = await startTestApp();
  ids = await refIds(t.deps.db);
  ch = await startEmailChannelFor(t);
});
afterAll(async () => {
  await ch?.close();
  await t?.close();
});

const FIELDS = 'Wilayah: 64.72\nKategori: infrastruktur.jalan-kabupaten';
const TEXT = 'Lampu penerangan jalan di Jalan Pahlawan mati sejak dua minggu, gelap dan rawan.';

/** Sends from `address` and returns Pintu's one answer; checks that nothing was stored. */
async function refused(address: string, mail: Parameters<EmailChannelTest['send']>[0]) {
  const counts = await rowCounts(t.deps.db);
  await ch.send({ from: { name: 'Budi', address }, ...mail });
  const answers = t.mail.to(address);
  expect(answers).toHaveLength(1);
  expect(answers[0]!.subject).toMatch(/^Laporan belum diterima \/ Report not accepted: /);
  expect(answers[0]!.text).toContain('tidak ada yang kami simpan');
  expect(await rowCounts(t.deps.db)).toEqual(counts);
  return answers[0]!.text;
}

describe('refused with an answer, nothing stored', () => {
  it('a message with only a signature', async () => {
    const text = await refused('budi.1@warga.test', {
      subject: 'Lampu jalan mati di Jalan Pahlawan',
      text: `${FIELDS}\n\n-- \nBudi Santoso\nKetua RT 05, Kelurahan Air Putih\n0813 1111 2222`,
    });
    expect(text).toContain('Isi e-mail kosong atau terlalu pendek');
    expect(text).toContain('The message is empty or too short');
  });

  it('a 30 MB attachment (over the 10 MB per file, within the SMTP limit)', async () => {
    const text = await refused('budi.2@warga.test', {
      subject: 'Video banjir di Jalan Pahlawan',
      text: `${TEXT}\n${FIELDS}`,
      attachments: [
        { filename: 'banjir.mp4', content: randomBytes(30 * 1024 * 1024), contentType: 'video/mp4' },
      ],
    });
    expect(text).toContain('Berkas "banjir.mp4" (30 MB) melebihi batas 10 MB per berkas.');
    expect(text).toContain('The file "banjir.mp4" (30 MB) is over the limit of 10 MB per file.');
  }, 60_000);

  it('a file that is no image, PDF or video, even when named .jpg; the good photo beside it is not kept', async () => {
    const counts = await rowCounts(t.deps.db);
    const text = await refused('budi.3@warga.test', {
      subject: 'Lampu jalan mati di Jalan Pahlawan',
      text: `${TEXT}\n${FIELDS}`,
      attachments: [
        { filename: 'lampu.jpg', content: await jpegWithGps() },
        { filename: 'surat.docx', content: Buffer.from('PK\u0003\u0004 not really a document') },
        { filename: 'foto.jpg', content: Buffer.from('#!/bin/sh\necho not a photo\n') },
      ],
    });
    expect(text).toContain('Berkas "surat.docx" tidak diterima: hanya gambar, PDF atau video.');
    expect(text).toContain('Berkas "foto.jpg" tidak diterima');
    expect((await rowCounts(t.deps.db)).attachments).toBe(counts.attachments);
  });

  it('no region and no category (and no defaults configured)', async () => {
    const text = await refused('budi.4@warga.test', {
      subject: 'Lampu jalan mati di Jalan Pahlawan',
      text: TEXT,
    });
    expect(text).toContain('Lokasi kejadian belum disebut');
    expect(text).toContain('Kategori belum disebut');
    expect(text).toContain('The place is missing');
  });

  it('an ambiguous region name and an unknown category', async () => {
    const text = await refused('budi.5@warga.test', {
      subject: 'Lampu jalan mati di Jalan Pahlawan',
      text: `${TEXT}\nWilayah: Bogor\nKategori: Lampu`,
    });
    expect(text).toContain('Wilayah "Bogor" dapat berarti Kabupaten Bogor atau Kota Bogor');
    expect(text).toContain('Kategori "Lampu" tidak ditemukan');
  });
});

describe('names and defaults', () => {
  it('a region and a category by name are found; the subject too short for a title gives way to the text', async () => {
    await ch.send({
      from: { name: '', address: 'budi.6@warga.test' },
      subject: 'Lampu',
      text: `${TEXT}\nWilayah: Kota Samarinda\nKategori: Jalan & Jembatan Kabupaten/Kota\nRahasia: ya`,
    });
    const answer = t.mail.to('budi.6@warga.test')[0]!;
    const { trackingId } = filedFrom(answer.text);
    expect(answer.text).toContain('Laporan Anda rahasia');
    const row = (
      await t.deps.db.execute(sql`select title, region_code as "regionCode", category_id as "categoryId",
        is_confidential as "isConfidential", reporter_sealed as sealed from reports where tracking_id = ${trackingId}`)
    ).rows[0] as Record<string, unknown>;
    expect(row).toMatchObject({
      title: TEXT,
      regionCode: '64.72',
      categoryId: ids.roads,
      isConfidential: true,
    });
    // No display name: the address is the reporter's name.
    expect(t.deps.sealer.open(String(row.sealed))).toEqual({
      name: 'budi.6@warga.test',
      email: 'budi.6@warga.test',
    });
  });

  it("the reporter's reply while the report waits for no answer is not added; the reporter is told why", async () => {
    const { trackingId } = filedFrom(t.mail.to('budi.6@warga.test')[0]!.text);
    const events = await t.deps.db.execute(sql`select count(*)::int as n from events`);
    await ch.send({
      from: 'budi.6@warga.test',
      subject: `Re: [${trackingId}] Lampu`,
      text: 'Lampunya masih mati.',
    });
    const answer = t.mail.to('budi.6@warga.test')[1]!;
    expect(answer.subject).toBe(`[${trackingId}] Tanggapan belum ditambahkan / Reply not added`);
    expect(answer.text).toContain('tidak sedang menunggu tanggapan Anda (status: Belum Terverifikasi)');
    expect((await t.deps.db.execute(sql`select count(*)::int as n from events`)).rows).toEqual(events.rows);
  });

  it("the instance's defaults file a message that names neither", async () => {
    const withDefaults = await startEmailChannelFor(t, {
      defaults: { region: '64', category: 'infrastruktur' },
    });
    try {
      await withDefaults.send({
        from: 'budi.7@warga.test',
        subject: 'Lampu jalan mati di Jalan Pahlawan',
        text: TEXT,
      });
      const { trackingId } = filedFrom(t.mail.to('budi.7@warga.test')[0]!.text);
      const row = (
        await t.deps.db.execute(sql`select region_code as "regionCode", category_id as "categoryId"
          from reports where tracking_id = ${trackingId}`)
      ).rows[0];
      expect(row).toEqual({ regionCode: '64', categoryId: ids.infrastructure });
    } finally {
      await withDefaults.close();
    }
  });

  it('a wrong default stops the channel from starting', async () => {
    await expect(startEmailChannelFor(t, { defaults: { region: 'Atlantis' } })).rejects.toThrow(
      'MAIL_INBOUND_REGION',
    );
  });
});

describe('the listener refuses before Pintu reads anything', () => {
  it('a message over the SMTP size limit gets 552 from the listener', async () => {
    const small = await startEmailChannelFor(t, { maxBytes: 1024 * 1024 });
    try {
      const counts = await rowCounts(t.deps.db);
      const sending = small.send({
        from: 'budi.8@warga.test',
        subject: 'Foto besar',
        text: `${TEXT}\n${FIELDS}`,
        attachments: [{ filename: 'besar.jpg', content: randomBytes(2 * 1024 * 1024) }],
      });
      await expect(sending).rejects.toMatchObject({ responseCode: 552 });
      expect(t.mail.to('budi.8@warga.test')).toHaveLength(0);
      expect(await rowCounts(t.deps.db)).toEqual(counts);
    } finally {
      await small.close();
    }
  });

  it('a recipient other than the mailbox gets 550', async () => {
    await expect(
      ch.send({ from: 'budi.9@warga.test', to: 'admin@pintu.test', subject: 'Halo', text: TEXT }),
    ).rejects.toMatchObject({ responseCode: 550 });
  });
});
