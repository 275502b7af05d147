/**
 * SMS through an HTTP gateway with a Kannel-style `sendsms` URL: the configured URL carries the account
 * (`…/cgi-bin/sendsms?username=…&password=…`), we add `to` and `text` and expect a 2xx (Kannel answers 202
 * "0: Accepted for delivery"). The URL with the number is never logged.
 */
import { isGsm7, toGsm7 } from '../channels/sms/gsm7';

export interface SmsGateway {
  send(to: string, text: string): Promise<void>;
}

/** Indonesian numbers in the international form Kannel expects: 0812… → +62812…. */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('62')) return `+${digits}`;
  if (digits.startsWith('0')) return `+62${digits.slice(1)}`;
  return digits;
}

/** A gateway for a `sendsms` URL. */
export function kannelGateway(url: string, opts: { timeoutMs?: number } = {}): SmsGateway {
  return {
    async send(to, text) {
      const u = new URL(url);
      u.searchParams.set('to', internationalNumber(to));
      // Kannel sends 7-bit unless told: typographic quotes become plain ones, and what GSM-7 lacks goes as UCS-2
      // (coding=2) rather than as question marks.
      const sms = toGsm7(text);
      u.searchParams.set('text', sms);
      if (!u.searchParams.has('charset')) u.searchParams.set('charset', 'UTF-8');
      if (!isGsm7(sms)) u.searchParams.set('coding', '2');
      const res = await fetch(u, { signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
      const body = (await res.text()).slice(0, 200);
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}: ${body}`);
    },
  };
}
