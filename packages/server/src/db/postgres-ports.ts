/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { Db } from './open';
import { postgresHolidays } from './postgres-holidays';
import { postgresInAppNotifications } from './postgres-in-app-notifications';
import { postgresStatsReader } from './postgres-stats-reader';

export function postgresPorts(_db: Db): Ports {
  return {
    statsReader: postgresStatsReader(_db),
    holidays: postgresHolidays(_db),
    inAppNotifications: postgresInAppNotifications(_db),
  };
}
