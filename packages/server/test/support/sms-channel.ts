/** The SMS channel on a test app: its settings, and a phone that sends what Kannel's get-url would. */
import { smsChannelOf } from '../../src/channels/sms/settings';
import { createApp } from '../../src/http/app';
import { KANNEL_WEBHOOK_PATH } from '../../src/http/sms/sms.routes';
import type { TestApp } from './test-app';

export const SMS_SECRET = 'rahasia-gateway-sms-uji';

export interface SmsOptions {
  region?: string;
  category?: string;
  floodMax?: number;
}

/** Turns the channel on in `t` (a new app over the same deps, as main.ts would wire it). */
export async function enableSms(t: TestApp, opts: SmsOptions = {}) {
  const sms = await smsChannelOf(
    {
      SMS_INBOUND_SECRET: SMS_SECRET,
      SMS_INBOUND_REGION: opts.region ?? '64',
      SMS_INBOUND_CATEGORY: opts.category ?? 'infrastruktur.jalan-kabupaten',
      SMS_INBOUND_FLOOD_MAX: opts.floodMax ?? 50,
      SMS_INBOUND_FLOOD_WINDOW_S: 3600,
    },
    t.deps.db,
  );
  t.app = createApp(Object.assign({}, t.deps, { sms }));
}

let ids = 0;

/** One SMS from `from` as Kannel delivers it; the answer's status, body and headers. */
export async function sms(
  t: TestApp,
  from: string,
  text: string,
  over: { secret?: string | null; id?: string; raw?: string } = {},
) {
  const q = new URLSearchParams();
  if (over.secret !== null) q.set('secret', over.secret ?? SMS_SECRET);
  q.set('from', from);
  q.set('to', '1708');
  q.set('coding', '0');
  q.set('charset', 'UTF-8');
  q.set('id', over.id ?? `kannel-${++ids}`);
  const query = over.raw ?? `${q.toString()}&text=${encodeURIComponent(text)}`;
  const res = await t.get(`${KANNEL_WEBHOOK_PATH}?${query}`);
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** The trackingId and access code of a filing's answer. */
export function receiptOf(answer: string): { trackingId: string; accessCode: string } {
  const m = /(LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}).*?(?:Kode akses|Access code): ([0-9A-Z-]{19})/.exec(
    answer,
  );
  if (!m) throw new Error(`not a receipt: ${answer}`);
  return { trackingId: m[1]!, accessCode: m[2]! };
}
