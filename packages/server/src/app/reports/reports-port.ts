/** The reports port of a use case's deps, for callers that still hand over only the database handle. */
import type { Reports } from '@pintu/core';
import type { Db } from '../../db/open';
import { postgresReports } from '../../db/postgres-reports';
import type { AppDeps } from '../deps';

/** Deps that carry the reports port, or (transitionally, ADR 0011 "AppDeps.db stays for now") only the database. */
export type ReportsSource = Pick<AppDeps, 'reports'> | Pick<AppDeps, 'db'>;

const byDb = new WeakMap<Db, Reports>();

/** The port itself, or one PostgreSQL port per database (so per-port caches stay per database). */
export function reportsOf(deps: ReportsSource): Reports {
  if ('reports' in deps && deps.reports) return deps.reports;
  const { db } = deps as Pick<AppDeps, 'db'>;
  const known = byDb.get(db);
  if (known) return known;
  const port = postgresReports(db);
  byDb.set(db, port);
  return port;
}
