/**
 * One SMS in, at most one answer out (issue 14, docs/sms.md): the flood gate first, then the grammar, then the use
 * case, then the answer made to fit the SMS it goes back as. Framework-free: the webhook route only checks the
 * gateway's secret and reads its parameters.
 */

import { fileBySms } from '../../app/sms/file-by-sms';
import { normalizePhone } from '../../app/sms/phone-number';
import { checkBySms, replyBySms } from '../../app/sms/reporter-by-sms';
import type { SmsChannel } from '../../app/sms/sms-channel';
import type { SmsDeps, SmsOutcome } from '../../app/sms/sms-deps';
import { encodingOf, fitSms, type SmsEncoding, toGsm7 } from './gsm7';
import { parseSms, type SmsCommand } from './parse';
import { type ChannelAnswer, replyText } from './replies';

/** A message as the gateway hands it over. */
export interface InboundSms {
  from: string;
  text: string;
  /** The gateway's own id of the message, to recognise a redelivery. */
  messageId?: string | undefined;
}

/** The answer to send back, and how it must be encoded (UCS-2 only when GSM-7 cannot carry it). */
export interface SmsAnswer {
  text: string;
  encoding: SmsEncoding;
}

/** Handles one message; null means no answer at all (a flood's tail, a sender one cannot answer, a duplicate). */
export async function answerSms(
  deps: SmsDeps,
  channel: SmsChannel,
  sms: InboundSms,
  log: (line: string) => void = console.log,
): Promise<SmsAnswer | null> {
  const phone = normalizePhone(sms.from);
  if (!phone) {
    // An alphanumeric sender (an operator's broadcast) cannot be answered, nor be a reporter.
    log('[sms] ignored: the sender is not a phone number');
    return null;
  }
  const command = parseSms(sms.text);
  const verdict = channel.flood.hit(phone, deps.now);
  if (verdict === 'silence') return null;
  const result =
    verdict === 'warn' ? ({ kind: 'too_many' } as const) : await handle(deps, channel, phone, command, sms);
  log(`[sms] ${command.kind}: ${result.kind}`);
  const text = replyText(result, command.language);
  if (!text) return null;
  const fitted = fitSms(toGsm7(text), channel.maxParts);
  return { text: fitted, encoding: encodingOf(fitted) };
}

async function handle(
  deps: SmsDeps,
  channel: SmsChannel,
  phone: string,
  command: SmsCommand,
  sms: InboundSms,
): Promise<SmsOutcome | ChannelAnswer> {
  switch (command.kind) {
    case 'help':
      return { kind: 'help' };
    case 'bad_code':
      return { kind: 'bad_code', code: command.code };
    case 'file':
      return fileBySms(
        deps,
        {
          phone,
          language: command.language,
          regionCode: command.regionCode,
          institutionCode: command.institutionCode,
          text: command.text,
          messageId: sms.messageId,
        },
        channel.filing,
      );
    case 'check':
      if (!command.trackingId) return { kind: 'missing_id', command: 'check' };
      return checkBySms(deps, phone, command.trackingId);
    case 'reply':
      if (!command.trackingId) return { kind: 'missing_id', command: 'reply' };
      return replyBySms(deps, phone, command.trackingId, command.text);
  }
}
