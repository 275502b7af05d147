/** Guards for route handlers: a signed-in caller, optionally holding one of some roles. */
import type { Role } from '@pintu/core';
import type { Context } from 'hono';
import type { Caller } from '../../app/accounts/caller';
import type { AppEnv } from '../context';
import { ProblemError } from '../problem';

/** The signed-in caller, or 401 UNAUTHENTICATED. */
export function requireCaller(c: Context<AppEnv>): Caller {
  const p = c.get('caller');
  if (!p) throw new ProblemError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu. / Please sign in.');
  return p;
}

/** Whether the caller holds any of the roles (on any institution). */
export function holdsRole(p: Caller, ...roles: Role[]): boolean {
  return p.grants.some((g) => roles.includes(g.role));
}
