/** Every port over PostgreSQL/PGlite: what main.ts and the test app hand to the use cases (ADR 0011). */
import type { Ports } from '@pintu/core';
import type { Db } from './open';
import { postgresTransitions } from './postgres-transitions';

export function postgresPorts(db: Db): Ports {
  return {
    transitions: postgresTransitions(db),
  };
}
