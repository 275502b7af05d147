/**
 * The projectors record-transition runs by default, in this order: stage clocks first (the rollups read the
 * completed ones), then the rollups with activity, then the outbox, then the webhook deliveries, then the federation's messages (last: it may forward the report). main.ts registers these in the deps; code that
 * gets no deps (saveTransition) uses them as they are.
 */
import type { Projector } from '@pintu/core';
import type { Db } from './open';
import { federationProjector } from './postgres-federation-projector';
import { outboxProjector } from './postgres-outbox';
import { stageClocksProjector } from './postgres-stage-clocks';
import { statsRollupProjector } from './postgres-stats-rollup';
import { webhookProjector } from './postgres-webhook-projector';

export const defaultProjectors = (): Projector<Db>[] => [
  stageClocksProjector,
  statsRollupProjector,
  outboxProjector,
  webhookProjector,
  federationProjector,
];
