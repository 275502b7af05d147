import { describe, expect, it } from 'vitest';
import { encodingOf, fitSms, isGsm7, segmentsOf, smsLength, splitSms, toGsm7 } from './gsm7';

describe('GSM-7 lengths', () => {
  it('counts the default alphabet as one septet and the extension table as two', () => {
    expect(isGsm7('Laporan diterima @ 23.59 #64.72 (Rp 5.000) é Ñ §')).toBe(true);
    expect(smsLength('abc')).toBe(3);
    expect(smsLength('[1]')).toBe(5);
    expect(smsLength('€ ^ { } \\ ~ |')).toBe(20); // 7 escaped (2 each) and 6 spaces
    expect(smsLength('\f')).toBe(2);
  });

  it('falls back to UCS-2 for anything outside it, counted in UTF-16 units', () => {
    expect(isGsm7('“kutip”')).toBe(false);
    expect(encodingOf('Jalan rusak 🚧')).toBe('ucs2');
    expect(smsLength('Jalan rusak 🚧')).toBe(14); // the emoji is a surrogate pair
    expect(encodingOf('`')).toBe('ucs2'); // the backtick is not in GSM-7
  });

  it('fits 160 septets in one SMS and cuts longer texts into 153-septet parts', () => {
    expect(segmentsOf('a'.repeat(160))).toBe(1);
    expect(segmentsOf('a'.repeat(161))).toBe(2);
    const parts = splitSms('a'.repeat(306));
    expect(parts.map((p) => p.length)).toEqual([153, 153]);
    expect(segmentsOf('a'.repeat(307))).toBe(3);
  });

  it('never splits an escaped character across two parts', () => {
    const text = `${'a'.repeat(152)}€${'b'.repeat(10)}`;
    const parts = splitSms(text);
    expect(parts).toEqual(['a'.repeat(152), `€${'b'.repeat(10)}`]);
    expect(parts.every((p) => smsLength(p) <= 153)).toBe(true);
  });

  it('fits 70 UCS-2 units in one SMS, 67 per part, and keeps surrogate pairs whole', () => {
    expect(segmentsOf('ü'.repeat(70).replace('ü', '“'))).toBe(1);
    expect(segmentsOf(`“${'x'.repeat(70)}`)).toBe(2);
    const text = `${'x'.repeat(66)}🚧${'y'.repeat(5)}`;
    const parts = splitSms(text);
    expect(parts[0]).toBe('x'.repeat(66));
    expect(parts[1]!.startsWith('🚧')).toBe(true);
  });

  it('cuts a text to a number of parts at a word, saying so', () => {
    const words = Array.from({ length: 80 }, (_, i) => `kata${i}`).join(' ');
    const one = fitSms(words, 1);
    expect(segmentsOf(one)).toBe(1);
    expect(one.endsWith('...')).toBe(true);
    expect(one).toMatch(/ kata\d+\.\.\.$/); // a whole word before the dots
    expect(words.startsWith(one.slice(0, -3))).toBe(true);
    const three = fitSms(words, 3);
    expect(segmentsOf(three)).toBe(3);
    expect(fitSms('pendek', 1)).toBe('pendek');
    // Escaped characters near the cut still leave it within the parts.
    expect(segmentsOf(fitSms('€'.repeat(400), 2))).toBe(2);
  });

  it('replaces look-alikes so a reply stays GSM-7', () => {
    expect(toGsm7('“Jalan” – sudah… ‘ok’ á í ó ú ê')).toBe('"Jalan" - sudah... \'ok\' a i o u e');
    expect(isGsm7(toGsm7('“Jalan” – sudah…'))).toBe(true);
    expect(toGsm7('Jalan 🚧')).toBe('Jalan 🚧'); // no look-alike: left, and sent as UCS-2
    expect(toGsm7('é ü Ñ')).toBe('é ü Ñ'); // already GSM-7
  });
});
