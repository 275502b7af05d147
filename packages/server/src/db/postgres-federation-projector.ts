/** The federation projector, run last in every recorded change's transaction (ADR 0013; federation-routing.ts). */
import type { Projector } from '@pintu/core';
import { projectFederation } from './federation-routing';
import type { Db } from './open';

export const federationProjector: Projector<Db> = {
  name: 'federation',
  project: (tx, change) => projectFederation(tx, change),
};
