import { describe, expect, it } from 'vitest';
import { countedAddress } from './address';
import { DEFAULT_FILING_LIMITS, filingSubjects, gateVerdict } from './filing-limits';
import { filingText, normalisePhone } from './normalise';

const NOW = new Date('2024-06-03T02:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

describe('filingSubjects', () => {
  it('counts a guest by its public address and each contact it gives', () => {
    const subjects = filingSubjects({
      kind: 'guest',
      address: '203.0.113.7',
      contact: { email: ' Siti@Example.ID ', phone: '+62 812-3456-7890' },
    });
    expect(subjects).toEqual([
      { kind: 'address', value: 'v4:203.0.113.7' },
      { kind: 'email', value: 'siti@example.id' },
      { kind: 'phone', value: '6281234567890' },
    ]);
  });

  it('counts a signed-in facilitator or citizen by the account alone, never by address or contact', () => {
    const shared = { address: '203.0.113.7', contact: { phone: '081234567890' } };
    expect(filingSubjects({ kind: 'facilitator', accountId: 'u-1', ...shared })).toEqual([
      { kind: 'facilitator', value: 'u-1' },
    ]);
    expect(filingSubjects({ kind: 'citizen', accountId: 'u-2', ...shared })).toEqual([
      { kind: 'citizen', value: 'u-2' },
    ]);
  });
});

describe('countedAddress', () => {
  it.each([
    ['127.0.0.1'],
    ['10.1.2.3'],
    ['172.20.0.1'],
    ['192.168.1.10'],
    ['100.64.0.9'],
    ['169.254.1.1'],
    ['::1'],
    ['fd00::1'],
    ['fe80::1'],
    ['::ffff:192.168.0.1'],
    ['not an address'],
    [null],
  ])('does not count %s (the server’s own proxy or network)', (ip) => {
    expect(countedAddress(ip)).toBeNull();
  });

  it('counts public IPv4 as it is and IPv6 by its /64', () => {
    expect(countedAddress('203.0.113.7')).toBe('v4:203.0.113.7');
    expect(countedAddress('::ffff:203.0.113.7')).toBe('v4:203.0.113.7');
    expect(countedAddress('2001:db8:1:2:aaaa::1')).toBe('v6:2001:db8:1:2::/64');
    expect(countedAddress('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('v6:2001:db8:1:2::/64');
  });
});

describe('normal forms', () => {
  it('sees a resend with other case, spacing and punctuation as the same text', () => {
    expect(filingText('Jalan  RUSAK!', 'Lubang besar,\n di depan pasar.')).toBe(
      filingText('jalan rusak', 'Lubang besar di depan pasar'),
    );
    expect(filingText('Jalan rusak', 'Lubang besar')).not.toBe(filingText('Jalan rusak', 'Lubang kecil'));
  });

  it('writes 08…, +62… and 62… as one number', () => {
    expect(normalisePhone('0812-3456-7890')).toBe('6281234567890');
    expect(normalisePhone('+6281234567890')).toBe('6281234567890');
  });
});

describe('gateVerdict', () => {
  const L = DEFAULT_FILING_LIMITS;
  const guest = filingSubjects({ kind: 'guest', address: '203.0.113.7', contact: { email: 'a@b.id' } });

  it('passes when nothing is over', () => {
    expect(gateVerdict(guest, L, [], null, NOW)).toEqual({ kind: 'pass' });
  });

  it('holds an address over its limit for moderation instead of refusing it', () => {
    expect(gateVerdict(guest, L, [{ index: 0, oldest: minutesAgo(30) }], null, NOW)).toEqual({
      kind: 'flag',
      rule: 'address_limit',
    });
  });

  it('refuses a contact over its limit until its oldest filing leaves the window', () => {
    const verdict = gateVerdict(guest, L, [{ index: 1, oldest: minutesAgo(60) }], null, NOW);
    expect(verdict).toEqual({ kind: 'refuse', subject: 'email', retryAfterSeconds: 23 * 3600 });
  });

  it('answers a repeat before any limit', () => {
    const over = [{ index: 1, oldest: minutesAgo(60) }];
    expect(gateVerdict(guest, L, over, 'LPR-AAAA-BBBB-CCCC', NOW)).toEqual({
      kind: 'repeat',
      trackingId: 'LPR-AAAA-BBBB-CCCC',
    });
  });

  it('refuses rather than flags when both apply, and never waits less than a second', () => {
    const over = [
      { index: 0, oldest: minutesAgo(59) },
      { index: 1, oldest: minutesAgo(24 * 60) },
    ];
    expect(gateVerdict(guest, L, over, null, NOW)).toEqual({
      kind: 'refuse',
      subject: 'email',
      retryAfterSeconds: 1,
    });
  });
});
