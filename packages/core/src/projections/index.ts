/** Projection rules: the rows a lifecycle change writes, computed once for every writer (ADR 0011). */
export * from './activity';
export * from './outbox';
export * from './rollups';
export * from './stage-clocks';
export * from './webhooks';
