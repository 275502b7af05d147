/** Open data's wiring, shared by main.ts (the daily job) and `pintu open-data dump`. */
import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenDataStore } from '@pintu/core';
import type { OpenDataConfig } from '../app/deps';
import type { OpenDataJob } from '../jobs/open-data-job';
import { dumpOpenData, MANIFEST } from './dump';

/** The settings from the data directory and data key: the rounding key is derived, never stored or shown. */
export function openDataConfigOf(
  dataDir: string,
  dataKey: Buffer,
  contact: { OPEN_DATA_CONTACT?: string | undefined; MAIL_FROM: string },
): OpenDataConfig {
  const fromMail = /<([^>]+)>/.exec(contact.MAIL_FROM)?.[1] ?? contact.MAIL_FROM;
  return {
    dir: join(dataDir, 'open-data'),
    cellKeySecret: createHmac('sha256', dataKey).update('pintu open-data cell key v1').digest('hex'),
    contactEmail: contact.OPEN_DATA_CONTACT ?? fromMail,
  };
}

/** The dump as the job and the CLI run it. */
export function openDataJobOf(d: {
  openData: OpenDataStore;
  config: OpenDataConfig;
  baseUrl: string;
  publisher: string;
  clock: () => Date;
  pause?: () => Promise<void>;
}): OpenDataJob {
  return {
    dump: () =>
      dumpOpenData({
        openData: d.openData,
        dir: d.config.dir,
        secret: d.config.cellKeySecret,
        contactEmail: d.config.contactEmail,
        baseUrl: d.baseUrl.replace(/\/+$/, ''),
        publisher: d.publisher,
        now: d.clock(),
        ...(d.pause ? { pause: d.pause } : {}),
      }),
    exists: async () => existsSync(join(d.config.dir, MANIFEST)),
  };
}
