/**
 * The tracking id of an imported legacy report: derived from the instance's data key and (source, legacy id) by
 * HMAC-SHA256, so it is as hard to guess as a random one (60 bits, the same `LPR-XXXX-XXXX-XXXX` form) and yet the
 * same on every run — a resumed or repeated import gives a report the very id, and its events the very hashes.
 */
import { createHmac } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A deriver of legacy tracking ids under `key` (the data key, PINTU_DATA_KEY). */
export function legacyTrackingIds(key: Buffer): (source: string, legacyId: string) => string {
  return (source, legacyId) => {
    const mac = createHmac('sha256', key).update(`pintu-legacy-tracking-id\n${source}\n${legacyId}`).digest();
    let c = '';
    for (let i = 0; i < 12; i++) c += ALPHABET[mac[i]! & 31];
    return `LPR-${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
  };
}
