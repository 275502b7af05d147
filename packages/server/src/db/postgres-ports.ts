/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { Db } from './open';
import { postgresHolidays } from './postgres-holidays';
import { postgresInAppNotifications } from './postgres-in-app-notifications';

export function postgresPorts(_db: Db): Ports {
  return {
    holidays: postgresHolidays(_db),
    inAppNotifications: postgresInAppNotifications(_db),
  };
}
