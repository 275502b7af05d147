/** The writer's own words: subjects without prefixes, text without quoted history and signatures, field lines. */
import { describe, expect, it } from 'vitest';
import { cleanSubject, fieldsOf, ownText, trackingIdIn } from './message-text';

describe('subjects', () => {
  it('finds the tracking id anywhere, in any case', () => {
    expect(trackingIdIn('Re: [LPR-8F3K-Q7MZ-2T9X] Laporan diterima')).toBe('LPR-8F3K-Q7MZ-2T9X');
    expect(trackingIdIn('balas: lpr-8f3k-q7mz-2t9x')).toBe('LPR-8F3K-Q7MZ-2T9X');
    expect(trackingIdIn('Jalan berlubang di LPR')).toBeNull();
    expect(trackingIdIn('XLPR-8F3K-Q7MZ-2T9X')).toBeNull();
  });

  it('drops reply and forward prefixes, our tag, and control characters', () => {
    expect(cleanSubject('Re: RE: Fwd: Jalan berlubang')).toBe('Jalan berlubang');
    expect(cleanSubject('Balas: Re[2]: [LPR-8F3K-Q7MZ-2T9X] Laporan diterima')).toBe('Laporan diterima');
    expect(cleanSubject('  Lampu\tjalan\r\n mati  ')).toBe('Lampu jalan mati');
    expect(cleanSubject('Reklame liar di Jalan Juanda')).toBe('Reklame liar di Jalan Juanda');
  });
});

describe('ownText', () => {
  it('cuts the "-- " signature and the one without its space', () => {
    expect(ownText('Lampu jalan mati.\n\n-- \nSiti Rahmawati\n0812 3456 7890')).toBe('Lampu jalan mati.');
    expect(ownText('Lampu jalan mati.\n--\nSiti')).toBe('Lampu jalan mati.');
    expect(ownText('-- \nSiti Rahmawati\nRT 03')).toBe('');
  });

  it('cuts quoted history: English, Indonesian, wrapped over lines, Outlook', () => {
    const gmail =
      'Sudah saya cek.\n\nOn Mon, 3 Jun 2024 at 09:00, Pintu <lapor@pintu.test> wrote:\n> Mohon tanggapan';
    expect(ownText(gmail)).toBe('Sudah saya cek.');
    const id =
      'Sudah saya cek.\n\nPada tanggal Sen, 3 Jun 2024 pukul 09.00 Pintu <lapor@pintu.test>\nmenulis:\n\n> x';
    expect(ownText(id)).toBe('Sudah saya cek.');
    const outlook =
      'Sudah.\n\n________________________________\nFrom: Pintu <lapor@pintu.test>\nSent: Monday, June 3, 2024 9:00 AM\nSubject: x';
    expect(ownText(outlook)).toBe('Sudah.');
    expect(ownText('Sudah.\n\n-----Pesan Asli-----\nDari: Pintu')).toBe('Sudah.');
  });

  it('keeps a memo-style letter and text that only looks like a quote header', () => {
    const memo = 'Dari: Siti\nTanggal: 3 Juni\nPerihal: Jalan rusak\n\nPada hari Senin jalan ambles.';
    expect(ownText(memo)).toBe(memo);
  });

  it('drops interleaved quoted lines but keeps the answers between them', () => {
    expect(ownText('> Kapan terjadi?\nSenin pagi.\n> Di mana?\nDepan pasar.')).toBe(
      'Senin pagi.\nDepan pasar.',
    );
  });

  it('cuts mobile footers after the text, normalises line ends and blank lines', () => {
    expect(ownText('Air PDAM mati.\r\n\r\n\r\n\r\nSudah 3 hari.\r\n\r\nDikirim dari iPhone saya')).toBe(
      'Air PDAM mati.\n\nSudah 3 hari.',
    );
    expect(ownText('Sent from my Android')).toBe('Sent from my Android');
  });
});

describe('fieldsOf', () => {
  it('takes the field lines out of the body; the first of each counts', () => {
    const { body, fields } = fieldsOf(
      'Jalan ambles.\nWilayah: 64.72\nKategori: Jalan Kabupaten\nalamat : Jl. Juanda no. 5\nWilayah: 11\nRahasia: ya',
    );
    expect(body).toBe('Jalan ambles.');
    expect(fields).toEqual({
      region: '64.72',
      category: 'Jalan Kabupaten',
      address: 'Jl. Juanda no. 5',
      confidential: true,
      anonymous: false,
    });
  });

  it('reads the English names and yes/no', () => {
    const { fields } = fieldsOf(
      'Region: Kota Samarinda\nCategory: infrastruktur\nAnonymous: yes\nConfidential: no',
    );
    expect(fields).toMatchObject({ region: 'Kota Samarinda', category: 'infrastruktur', anonymous: true });
    expect(fields.confidential).toBe(false);
  });
});
