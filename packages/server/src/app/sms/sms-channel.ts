/** The SMS channel as main.ts sets it up (channels/sms/settings.ts) and the webhook route finds it in the deps. */
import type { FloodGate } from '../../channels/sms/flood-gate';

/** The instance's choices for SMS filings, which a text message cannot carry. */
export interface SmsFilingSettings {
  /** Region code recorded for a report that names neither a region nor an institution with one. */
  defaultRegion?: string | undefined;
  /** Category code of every SMS report (verifiers correct it); unset: LAPOR is refused as not set up. */
  category?: string | undefined;
}

export interface SmsChannel {
  /** Shared with the gateway, which sends it with every message (docs/sms.md). */
  secret: string;
  filing: SmsFilingSettings;
  flood: FloodGate;
  /** SMS an answer may take at most; the gateway's `max-messages` must allow as many. */
  maxParts: number;
}
