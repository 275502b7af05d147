import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { segmentsOf } from '../channels/sms/gsm7';
import { kannelGateway } from './sms-gateway';
import { notificationSms, renderNotification } from './templates';

/** Sends one SMS through the gateway to a local `sendsms` and returns the URL it was called with. */
async function sent(text: string): Promise<URL> {
  let url: URL | null = null;
  const server = createServer((req, res) => {
    url = new URL(req.url ?? '/', 'http://kannel');
    res.writeHead(202).end('0: Accepted for delivery');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  try {
    await kannelGateway(`http://127.0.0.1:${port}/cgi-bin/sendsms?username=pintu&password=x`).send(
      '0812 3456 7890',
      text,
    );
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
  return url!;
}

describe('SMS notifications through Kannel’s sendsms', () => {
  it('sends GSM-7 as is, typographic quotes as plain ones, and what GSM-7 lacks as UCS-2', async () => {
    const plain = await sent('Laporan LPR-1 sedang diproses: “tim meninjau” – besok.');
    expect(plain.searchParams.get('to')).toBe('+6281234567890');
    expect(plain.searchParams.get('text')).toBe('Laporan LPR-1 sedang diproses: "tim meninjau" - besok.');
    expect(plain.searchParams.get('coding')).toBeNull();
    const emoji = await sent('Jalan sudah diperbaiki 👍');
    expect(emoji.searchParams.get('coding')).toBe('2');
    expect(emoji.searchParams.get('charset')).toBe('UTF-8');
  });

  it('fits a notification in two SMS, cut at a word, with one stop between sentences', () => {
    const long = 'Lubang sudah ditambal. '.repeat(30);
    const text = notificationSms(
      renderNotification('follow_up', 'id', { trackingId: 'LPR-1', message: long }),
    );
    expect(segmentsOf(text)).toBeLessThanOrEqual(2);
    expect(text.endsWith('...')).toBe(true);
    const receipt = notificationSms(
      renderNotification('submitted', 'id', { trackingId: 'LPR-1', status: 'submitted' }),
    );
    expect(receipt).not.toContain('..');
    expect(receipt).toMatch(/^Laporan LPR-1 telah diterima\. Laporan Anda/);
  });
});
