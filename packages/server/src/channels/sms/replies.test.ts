import { describe, expect, it } from 'vitest';
import { titleOf } from '../../app/sms/file-by-sms';
import type { SmsOutcome } from '../../app/sms/sms-deps';
import { isGsm7, smsLength } from './gsm7';
import { kannelMessage, secretMatches } from './kannel';
import { type ChannelAnswer, localTime, replyText } from './replies';

const TID = 'LPR-8F3K-Q7MZ-2T9X';
const due = new Date('2026-12-10T16:59:59.999Z'); // end of 10 Dec in WIB

const answers: (SmsOutcome | ChannelAnswer)[] = [
  { kind: 'help' },
  { kind: 'too_many' },
  { kind: 'missing_id', command: 'check' },
  { kind: 'missing_id', command: 'reply' },
  { kind: 'bad_code', code: '#64.7' },
  { kind: 'filed', trackingId: TID, accessCode: 'ABCD-EFGH-JKMN-PQRS', institution: null },
  {
    kind: 'filed',
    trackingId: TID,
    accessCode: 'ABCD-EFGH-JKMN-PQRS',
    institution: 'Pemerintah Kabupaten Penajam Paser Utara',
  },
  ...(['empty', 'too_short', 'too_long', 'no_region', 'not_configured'] as const).map(
    (why) => ({ kind: 'file_refused', reason: { why } }) as const,
  ),
  { kind: 'file_refused', reason: { why: 'unknown_region', code: '99.99' } },
  { kind: 'file_refused', reason: { why: 'unknown_institution', code: 'pemda-99.99' } },
  {
    kind: 'status',
    trackingId: TID,
    status: 'dispositioned',
    institution: 'Pemerintah Kota Samarinda',
    deadline: { stage: 'acknowledge', dueAt: due, timeZone: 'Asia/Jakarta', workingDaysLeft: 3 },
  },
  {
    kind: 'status',
    trackingId: TID,
    status: 'awaiting_reporter',
    institution: 'Kementerian Pendidikan Dasar dan Menengah Republik Indonesia',
    deadline: { stage: 'reporter_response', dueAt: due, timeZone: 'Asia/Jakarta', workingDaysLeft: -2 },
  },
  { kind: 'status', trackingId: TID, status: 'resolved', institution: null, deadline: null },
  { kind: 'not_found', trackingId: TID },
  { kind: 'replied', trackingId: TID, action: 'reporter_reply' },
  { kind: 'reply_refused', trackingId: TID, reason: { why: 'empty' } },
  { kind: 'reply_refused', trackingId: TID, reason: { why: 'not_awaiting', status: 'dispositioned' } },
  { kind: 'reply_refused', trackingId: TID, reason: { why: 'invalid' } },
];

describe('the SMS answers', () => {
  it('each fits one 160-character GSM-7 SMS, in both languages', () => {
    for (const lang of ['id', 'en'] as const)
      for (const answer of answers) {
        const text = replyText(answer, lang);
        expect(isGsm7(text), text).toBe(true);
        expect(smsLength(text), text).toBeLessThanOrEqual(160);
      }
  });

  it('tells the status and the deadline in the holder’s time zone', () => {
    const [, , , , , , , , , , , , , , status, awaiting] = answers;
    expect(replyText(status!, 'id')).toBe(
      `${TID}: Terdisposisi Belum Ditindaklanjuti. Batas respons awal: 10 Des 2026 23.59 WIB (3 hari kerja lagi). Ditangani: Pemerintah Kota Samarinda.`,
    );
    expect(replyText(awaiting!, 'en')).toContain('(overdue). Reply: REPLY');
    // The long institution name does not fit any more: left out, never cut.
    expect(replyText(awaiting!, 'en')).not.toContain('Handled by');
  });

  it('adds the institution to a receipt only while it fits', () => {
    expect(replyText(answers[6]!, 'id')).toMatch(/Ke: Pemerintah Kabupaten Penajam Paser Utara$/);
    expect(localTime(new Date('2026-12-10T14:59:59.999Z'), 'Asia/Jayapura', 'en')).toBe(
      '10 Dec 2026 23:59 WIT',
    );
    expect(localTime(new Date('2026-12-10T15:59:59.999Z'), 'Asia/Makassar', 'id')).toBe(
      '10 Des 2026 23.59 WITA',
    );
  });
});

describe("Kannel's parameters", () => {
  it('decodes the text as the charset Kannel names', () => {
    const utf8 = kannelMessage('from=%2B6281234567890&text=Jalan+rusak+%C3%A9%E2%82%AC&charset=UTF-8&id=u1', {
      from: '+6281234567890',
      charset: 'UTF-8',
      id: 'u1',
    });
    expect(utf8).toEqual({ from: '+6281234567890', text: 'Jalan rusak é€', messageId: 'u1' });
    const ucs2 = kannelMessage('from=0812&text=%00H%00a%00l%00o%20%1C&coding=2&charset=UTF-16BE', {
      from: '0812',
      coding: '2',
      charset: 'UTF-16BE',
    });
    expect(ucs2?.text).toBe('Halo“');
    expect(kannelMessage('text=x', {})).toBeNull();
    expect(kannelMessage('from=0812', { from: '0812' })?.text).toBe('');
  });

  it('compares the secret whatever its length', () => {
    expect(secretMatches('rahasia-bersama-1708', 'rahasia-bersama-1708')).toBe(true);
    expect(secretMatches('rahasia', 'rahasia-bersama-1708')).toBe(false);
    expect(secretMatches(undefined, 'rahasia-bersama-1708')).toBe(false);
  });
});

describe('the title of an SMS report', () => {
  it('is the first sentence, or the beginning cut at a word', () => {
    expect(titleOf('jalan berlubang di depan SDN 5. Sudah tiga bulan tidak diperbaiki.')).toBe(
      'Jalan berlubang di depan SDN 5.',
    );
    expect(titleOf('Jl. Sudirman gelap, lampu jalan mati sejak Senin')).toBe(
      'Jl. Sudirman gelap, lampu jalan mati sejak Senin',
    );
    const long = titleOf(`${'kata '.repeat(40)}akhir`);
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long.endsWith('kata…')).toBe(true);
  });
});
