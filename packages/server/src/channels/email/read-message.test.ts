/** Reading real MIME (as nodemailer composes it): what the use case gets, and what is ignored before it. */
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { describe, expect, it } from 'vitest';
import { readMessage } from './read-message';

const MAILBOX = 'lapor@pintu.test';
const raw = (mail: Mail.Options) => new MailComposer({ to: MAILBOX, ...mail }).compile().build();

async function mailOf(mail: Mail.Options, returnPath = 'siti@warga.test') {
  const read = await readMessage(await raw(mail), returnPath, MAILBOX);
  if (read.kind !== 'mail') throw new Error(`ignored: ${read.reason}`);
  return read.mail;
}

describe('readMessage', () => {
  it('hands over the sender, the cleaned subject and text, the fields and the attachments', async () => {
    const mail = await mailOf({
      from: '"Siti Rahmawati" <siti@warga.test>',
      subject: 'Fwd: Jalan berlubang',
      messageId: '<abc@warga.test>',
      text: 'Lubang besar di depan pasar.\nWilayah: 64.72\n\n-- \nSiti',
      attachments: [
        { filename: 'foto.jpg', content: Buffer.from([0xff, 0xd8, 0xff]) },
        { filename: 'siti.vcf', content: 'BEGIN:VCARD\nEND:VCARD', contentType: 'text/vcard' },
        { filename: 'smime.p7s', content: Buffer.from('sig'), contentType: 'application/pkcs7-signature' },
      ],
    });
    expect(mail).toMatchObject({
      messageId: '<abc@warga.test>',
      sender: { name: 'Siti Rahmawati', address: 'siti@warga.test' },
      subject: 'Fwd: Jalan berlubang',
      title: 'Jalan berlubang',
      trackingId: null,
      text: 'Lubang besar di depan pasar.\nWilayah: 64.72',
      body: 'Lubang besar di depan pasar.',
      fields: { region: '64.72', confidential: false, anonymous: false },
      senderUnverified: false,
    });
    // The vCard and the S/MIME signature are the mail program's, not the sender's attachments.
    expect(mail.attachments.map((a) => a.name)).toEqual(['foto.jpg']);
  });

  it('reads an HTML-only message as text', async () => {
    const mail = await mailOf({
      from: 'siti@warga.test',
      subject: 'Lampu jalan mati',
      html: '<p>Lampu jalan <b>mati</b> sejak Senin.</p><p>Mohon segera diperbaiki.</p>',
    });
    expect(mail.text).toBe('Lampu jalan mati sejak Senin.\n\nMohon segera diperbaiki.');
  });

  it('names the report of a reply and notes a failed DMARC check', async () => {
    const mail = await mailOf({
      from: 'siti@warga.test',
      subject: 'RE: [LPR-8F3K-Q7MZ-2T9X] Laporan diterima',
      headers: { 'Authentication-Results': 'mx.pintu.test; dmarc=fail (p=none) header.from=warga.test' },
      text: 'Sudah.',
    });
    expect(mail.trackingId).toBe('LPR-8F3K-Q7MZ-2T9X');
    expect(mail.senderUnverified).toBe(true);
  });

  it('ignores automatic messages, bounces and a message without a sender', async () => {
    const reasonOf = async (mail: Mail.Options, returnPath = 'x@warga.test') => {
      const read = await readMessage(await raw(mail), returnPath, MAILBOX);
      return read.kind === 'ignored' ? read.reason : 'mail';
    };
    const text = 'Saya sedang di luar kantor.';
    expect(await reasonOf({ from: 'x@warga.test', subject: 'Out of office', text })).toBe('auto_reply');
    expect(await reasonOf({ from: 'x@warga.test', subject: 'Halo', text }, '')).toBe('bounce');
    expect(
      await reasonOf({ from: 'x@warga.test', subject: 'Halo', text, headers: { 'List-Id': '<l>' } }),
    ).toBe('bulk');
    expect(await reasonOf({ from: MAILBOX, subject: 'Halo', text })).toBe('loop');
    expect(await reasonOf({ subject: 'Tanpa pengirim', text })).toBe('no_sender');
  });
});
