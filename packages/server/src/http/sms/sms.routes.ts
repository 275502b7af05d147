/**
 * The SMS gateway's webhook (issue 14, docs/sms.md): Kannel's `sms-service` calls
 * `GET /api/v1/channels/sms/kannel?secret=…&from=%p&to=%P&text=%b&coding=%c&charset=%C&id=%I` once per message
 * (concatenated parts already combined), and the body of the answer is sent back to the phone as the reply.
 * An empty body means no reply (Kannel's `omit-empty = true`). Not in the OpenAPI document: its one client is the
 * gateway, configured from docs/sms.md, not a program built from the API's types.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { answerSms } from '../../channels/sms/inbound';
import { kannelMessage, secretMatches } from '../../channels/sms/kannel';
import { postgresSmsReferences } from '../../db/postgres-sms-references';
import type { AppEnv } from '../context';
import { ProblemError } from '../problem';

export const KANNEL_WEBHOOK_PATH = '/api/v1/channels/sms/kannel';

export function smsRoutes(app: OpenAPIHono<AppEnv>) {
  app.get(KANNEL_WEBHOOK_PATH, async (c) => {
    const deps = c.get('deps');
    const channel = deps.sms;
    if (!channel) throw new ProblemError('NOT_FOUND', 'Kanal SMS belum diatur (SMS_INBOUND_SECRET).');
    const params = c.req.query();
    if (!secretMatches(params.secret, channel.secret))
      throw new ProblemError('UNAUTHENTICATED', 'Rahasia gateway SMS tidak cocok.');
    const url = c.req.url;
    const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
    const sms = kannelMessage(query, params);
    if (!sms)
      throw new ProblemError('VALIDATION', 'Nomor pengirim tidak ada.', [
        { field: 'from', code: 'required', message: 'Nomor pengirim (%p) wajib.' },
      ]);
    const answer = await answerSms(
      Object.assign({}, deps, { references: postgresSmsReferences(deps.db) }),
      channel,
      sms,
    );
    c.header('content-type', 'text/plain; charset=utf-8');
    c.header('cache-control', 'no-store');
    // Kannel sends text/plain as 7-bit unless told (accept-x-kannel-headers): UCS-2 only when GSM-7 lacks a character.
    if (answer?.encoding === 'ucs2') c.header('x-kannel-coding', '2');
    return c.body(answer?.text ?? '', 200);
  });
}
