/**
 * Ports: what the server's use cases need from storage and the outside world, as interfaces over core types. The
 * server implements them over PostgreSQL (`server/src/db/postgres-*.ts`) and in memory (`server/test/fakes/`), and
 * wires them in main.ts (ADR 0011). One file per port; add it to `Ports` here.
 */

import type { Transitions } from './transitions';

export * from './transitions';

export type Ports = {
  transitions: Transitions;
};
