/** The channel a report came by, as open data names it: a regional app's own name is not part of it. */
import type { Channel } from '../report/report';

/** The channel families open data publishes (domain.md §8). */
export const CHANNEL_FAMILIES = [
  'web',
  'assisted',
  'sms',
  'email',
  'open311',
  'integration',
  'import',
  'federation',
] as const;
export type ChannelFamily = (typeof CHANNEL_FAMILIES)[number];

/** `integration:lapor-wal` → `integration`; every base channel is its own family. */
export function channelFamily(channel: Channel | string): ChannelFamily {
  if (channel.startsWith('integration:')) return 'integration';
  return (CHANNEL_FAMILIES as readonly string[]).includes(channel) ? (channel as ChannelFamily) : 'web';
}
