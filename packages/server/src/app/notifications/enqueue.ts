/**
 * Which notifications an event causes: the rules are core's (`outboxRows`, packages/core/src/projections/outbox.ts);
 * the outbox projector (db/postgres-outbox.ts) writes them in the recording transaction.
 */
export { enqueueNotifications } from '../../db/postgres-outbox';
