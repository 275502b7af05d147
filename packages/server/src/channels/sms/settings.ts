/** The SMS channel from the configuration, checked against the reference data once at start (docs/sms.md). */
import type { SmsChannel } from '../../app/sms/sms-channel';
import type { Config } from '../../config';
import type { Db } from '../../db/open';
import { postgresSmsReferences } from '../../db/postgres-sms-references';
import { floodGate } from './flood-gate';

/** Kannel's `max-messages` in docs/sms.md: an answer never needs more. */
export const SMS_ANSWER_PARTS = 3;

type SmsConfig = Pick<
  Config,
  | 'SMS_INBOUND_SECRET'
  | 'SMS_INBOUND_REGION'
  | 'SMS_INBOUND_CATEGORY'
  | 'SMS_INBOUND_FLOOD_MAX'
  | 'SMS_INBOUND_FLOOD_WINDOW_S'
>;

/**
 * The channel, or undefined when SMS_INBOUND_SECRET is unset (the webhook then answers 404). A region or category
 * that does not exist would refuse every SMS relying on it: the server refuses to start instead.
 */
export async function smsChannelOf(config: SmsConfig, db: Db): Promise<SmsChannel | undefined> {
  const secret = config.SMS_INBOUND_SECRET;
  if (!secret) return undefined;
  const references = postgresSmsReferences(db);
  const region = config.SMS_INBOUND_REGION;
  if (region && !(await references.region(region)))
    throw new Error(`SMS_INBOUND_REGION: no region with the code "${region}"`);
  const category = config.SMS_INBOUND_CATEGORY;
  if (!category)
    throw new Error(
      'SMS_INBOUND_SECRET is set but SMS_INBOUND_CATEGORY (the category of SMS reports) is not',
    );
  if ((await references.categoryId(category)) === null)
    throw new Error(`SMS_INBOUND_CATEGORY: no category with the code "${category}"`);
  return {
    secret,
    filing: { defaultRegion: region, category },
    flood: floodGate({
      max: config.SMS_INBOUND_FLOOD_MAX,
      windowMs: config.SMS_INBOUND_FLOOD_WINDOW_S * 1000,
    }),
    maxParts: SMS_ANSWER_PARTS,
  };
}
