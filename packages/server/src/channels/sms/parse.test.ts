import { describe, expect, it } from 'vitest';
import { normalizePhone, samePhone } from '../../app/sms/phone-number';
import { parseSms, trackingIdOf } from './parse';

const TID = 'LPR-8F3K-Q7MZ-2T9X';

describe('the SMS grammar', () => {
  it('reads LAPOR and its English alias, in any case, with the text as written', () => {
    expect(parseSms('LAPOR Jalan di depan SDN 5 berlubang')).toEqual({
      kind: 'file',
      language: 'id',
      text: 'Jalan di depan SDN 5 berlubang',
    });
    expect(parseSms('  report: The road is broken  ')).toEqual({
      kind: 'file',
      language: 'en',
      text: 'The road is broken',
    });
    expect(parseSms('Lapor, lampu jalan mati\nsejak Senin')).toMatchObject({
      kind: 'file',
      text: 'lampu jalan mati\nsejak Senin',
    });
  });

  it('takes a region and an institution code before the text, in either order', () => {
    expect(parseSms('LAPOR #64.72 Banjir di Jalan Juanda')).toEqual({
      kind: 'file',
      language: 'id',
      regionCode: '64.72',
      text: 'Banjir di Jalan Juanda',
    });
    expect(parseSms('LAPOR @PEMDA-64.72 #64.72.01 isi')).toMatchObject({
      institutionCode: 'pemda-64.72',
      regionCode: '64.72.01',
      text: 'isi',
    });
    expect(parseSms('LAPOR#64 isi')).toMatchObject({ kind: 'file', regionCode: '64', text: 'isi' });
  });

  it('leaves a hashtag in the text, and refuses a code written wrong', () => {
    expect(parseSms('LAPOR #banjir di Samarinda')).toMatchObject({ text: '#banjir di Samarinda' });
    expect(parseSms('LAPOR Banjir #64.72 lagi')).toMatchObject({ text: 'Banjir #64.72 lagi' });
    expect(parseSms('LAPOR #64.7 isi')).toEqual({ kind: 'bad_code', language: 'id', code: '#64.7' });
    expect(parseSms('REPORT #64.72 #64.71 text')).toEqual({
      kind: 'bad_code',
      language: 'en',
      code: '#64.71',
    });
    expect(parseSms('LAPOR @ isi')).toEqual({ kind: 'bad_code', language: 'id', code: '@' });
  });

  it('gives an empty text for LAPOR alone', () => {
    expect(parseSms('LAPOR')).toEqual({ kind: 'file', language: 'id', text: '' });
    expect(parseSms('lapor #64.72')).toEqual({ kind: 'file', language: 'id', regionCode: '64.72', text: '' });
  });

  it('reads CEK, CHECK and STATUS with a tracking id however it is typed', () => {
    expect(parseSms(`CEK ${TID}`)).toEqual({ kind: 'check', language: 'id', trackingId: TID });
    expect(parseSms('check lpr-8f3k-q7mz-2t9x')).toEqual({ kind: 'check', language: 'en', trackingId: TID });
    expect(parseSms('STATUS LPR 8F3K Q7MZ 2T9X')).toMatchObject({ trackingId: TID });
    expect(parseSms('cek LPR8F3KQ7MZ2T9X')).toMatchObject({ trackingId: TID });
    expect(parseSms('CEK')).toEqual({ kind: 'check', language: 'id', trackingId: null });
    expect(parseSms('CEK 12345')).toEqual({ kind: 'check', language: 'id', trackingId: null });
  });

  it('reads BALAS and REPLY: the tracking id, then the text', () => {
    expect(parseSms(`BALAS ${TID} Terima kasih, sudah diperbaiki.`)).toEqual({
      kind: 'reply',
      language: 'id',
      trackingId: TID,
      text: 'Terima kasih, sudah diperbaiki.',
    });
    expect(parseSms(`reply lpr 8f3k q7mz 2t9x thanks`)).toEqual({
      kind: 'reply',
      language: 'en',
      trackingId: TID,
      text: 'thanks',
    });
    expect(parseSms(`BALAS ${TID}`)).toMatchObject({ trackingId: TID, text: '' });
    expect(parseSms('BALAS terima kasih')).toMatchObject({ trackingId: null });
  });

  it('asks anything else to read the help', () => {
    for (const text of ['', '   ', 'halo', 'LAPORAN jalan rusak', '1708', 'REG LAPOR'])
      expect(parseSms(text)).toEqual({ kind: 'help', language: 'id' });
  });

  it('reads O, I and L in a tracking id as the digits the alphabet has instead', () => {
    expect(trackingIdOf('LPR-8F3K-Q7MZ-2T9O')).toBe('LPR-8F3K-Q7MZ-2T90');
    expect(trackingIdOf('lpr-1ill-0000-aaaa')).toBe('LPR-1111-0000-AAAA');
    expect(trackingIdOf('LPR-8F3K-Q7MZ')).toBeNull();
  });
});

describe('phone numbers', () => {
  it('brings the forms gateways use to one', () => {
    for (const raw of [
      '+6281234567890',
      '6281234567890',
      '081234567890',
      '006281234567890',
      '0812-3456-7890',
    ])
      expect(normalizePhone(raw)).toBe('+6281234567890');
    expect(normalizePhone('+14155550100')).toBe('+14155550100');
    expect(normalizePhone('LAPOR1708')).toBeNull();
    expect(normalizePhone('1708')).toBeNull();
  });

  it('compares two numbers as the same line', () => {
    expect(samePhone('0812 3456 7890', '+6281234567890')).toBe(true);
    expect(samePhone('081234567890', '081234567891')).toBe(false);
    expect(samePhone(undefined, '081234567890')).toBe(false);
  });
});
