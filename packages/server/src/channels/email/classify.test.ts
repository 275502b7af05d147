/** Which messages are a person's: bounces, automatic replies, bulk mail and loops are recognised. */
import { describe, expect, it } from 'vitest';
import { type Arrival, classifyArrival, dmarcFailed, headerMapOf } from './classify';

const MAILBOX = 'lapor@pintu.test';

function arrival(over: Partial<Arrival> & { lines?: string[] } = {}): Arrival {
  const { lines = [], ...rest } = over;
  return {
    headers: headerMapOf(
      lines.map((line) => ({ key: line.slice(0, line.indexOf(':')).toLowerCase(), line })),
    ),
    subject: 'Jalan berlubang di depan pasar',
    from: 'siti@warga.test',
    returnPath: 'siti@warga.test',
    mailbox: MAILBOX,
    ...rest,
  };
}

const reasonOf = (a: Arrival) => {
  const v = classifyArrival(a);
  return v.kind === 'ignored' ? v.reason : 'person';
};

describe('classifyArrival', () => {
  it("a person's message is a person's", () => {
    expect(reasonOf(arrival())).toBe('person');
    expect(reasonOf(arrival({ lines: ['Auto-Submitted: no', 'Precedence: normal'] }))).toBe('person');
    // A citizen may well write about an undelivered parcel, or start with "Pada".
    expect(reasonOf(arrival({ subject: 'Paket gagal terkirim oleh kantor pos' }))).toBe('person');
  });

  it.each([
    ['the null return path', { returnPath: '' }],
    ['MAILER-DAEMON', { from: 'MAILER-DAEMON@mx.example', returnPath: 'MAILER-DAEMON@mx.example' }],
    ['postmaster', { from: 'postmaster@mx.example' }],
    [
      'a delivery-status report',
      { lines: ['Content-Type: multipart/report; report-type=delivery-status;\r\n boundary="b1"'] },
    ],
    ['a read receipt', { lines: ['Content-Type: multipart/report; report-type="disposition-notification"'] }],
    ['X-Failed-Recipients', { lines: ['X-Failed-Recipients: someone@else.test'] }],
    ['an Exchange NDR subject', { subject: 'Undeliverable: Laporan diterima' }],
  ])('a bounce: %s', (_name, over) => {
    expect(reasonOf(arrival(over))).toBe('bounce');
  });

  it.each([
    ['Auto-Submitted: auto-replied', { lines: ['Auto-Submitted: auto-replied'] }],
    ['Auto-Submitted: auto-generated', { lines: ['Auto-Submitted: Auto-Generated'] }],
    ['X-Autoreply', { lines: ['X-Autoreply: yes'] }],
    ['X-Autorespond', { lines: ['X-Autorespond: Out of office'] }],
    ['Precedence: auto_reply', { lines: ['Precedence: auto_reply'] }],
    ['an English vacation subject', { subject: 'Out of Office: Re: [LPR-8F3K-Q7MZ-2T9X] Laporan' }],
    ['Automatic reply', { subject: 'Automatic reply: Laporan diterima' }],
    ['an Indonesian vacation subject', { subject: 'Balasan otomatis: Laporan diterima' }],
    ['sedang cuti', { subject: 'Sedang cuti sampai 10 Juni' }],
  ])('an automatic reply: %s', (_name, over) => {
    expect(reasonOf(arrival(over))).toBe('auto_reply');
  });

  it.each([
    ['Precedence: bulk', ['Precedence: bulk']],
    ['Precedence: list', ['Precedence: list']],
    ['a mailing list', ['List-Id: <warga.lists.example>']],
    ['a newsletter', ['List-Unsubscribe: <mailto:unsub@news.example>']],
  ])('bulk mail: %s', (_name, lines) => {
    expect(reasonOf(arrival({ lines }))).toBe('bulk');
  });

  it('our own mailbox writing to itself is a loop', () => {
    expect(reasonOf(arrival({ from: 'LAPOR@pintu.test' }))).toBe('loop');
  });
});

describe('headers', () => {
  it('keeps every value of a repeated header, unfolded', () => {
    const h = headerMapOf([
      { key: 'received', line: 'Received: from a\r\n\tby b' },
      { key: 'received', line: 'Received: from c' },
    ]);
    expect(h.get('received')).toEqual(['from a by b', 'from c']);
  });

  it("reads the MTA's DMARC verdict", () => {
    const h = (v: string) =>
      headerMapOf([{ key: 'authentication-results', line: `Authentication-Results: ${v}` }]);
    expect(
      dmarcFailed(h('mx.pintu.test; spf=pass; dkim=none; dmarc=fail (p=reject) header.from=warga.test')),
    ).toBe(true);
    expect(dmarcFailed(h('mx.pintu.test; dmarc=pass header.from=warga.test'))).toBe(false);
    expect(dmarcFailed(headerMapOf([]))).toBe(false);
  });
});
