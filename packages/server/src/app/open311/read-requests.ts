/**
 * The Open311 reads (GeoReport v2): services and their definitions, requests by filter or by id, and a token's
 * request. Requests are what the public may see (domain.md §7): a confidential report is not found, whichever way
 * it is asked for, and nothing of the reporter is ever read.
 */
import {
  fail,
  type Open311Request,
  type Open311Service,
  REPORT_STATUSES,
  type ReportStatus,
} from '@pintu/core';
import type { AppDeps } from '../deps';

export type ReadDeps = Pick<AppDeps, 'open311'> & { now: Date };

/** GeoReport v2's two statuses: open "it has been reported", closed "it has been resolved" (or archived). */
export const OPEN311_STATUS: Readonly<Record<ReportStatus, 'open' | 'closed'>> = {
  submitted: 'open',
  dispositioned: 'open',
  in_progress: 'open',
  awaiting_reporter: 'open',
  on_hold: 'open',
  resolved: 'closed',
  archived: 'closed',
};

/** The standard's default and largest span of `start_date`–`end_date`, and the most requests one answer holds. */
export const SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;

export interface RequestFilter {
  /** Overrides every other filter. */
  serviceRequestIds?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
  statuses?: ('open' | 'closed')[] | undefined;
}

const notFound = (field: string, value: string, what: string): never =>
  fail('NOT_FOUND', `${what} tidak ditemukan / not found`, [{ field, code: 'unknown', message: value }]);

/** Every service (category), topics first with their subtopics. */
export function listServices(deps: Pick<AppDeps, 'open311'>): Promise<Open311Service[]> {
  return deps.open311.services();
}

/** One service by its code, or 404. */
export async function findService(deps: Pick<AppDeps, 'open311'>, code: string): Promise<Open311Service> {
  const service = (await deps.open311.services()).find((s) => s.code === code);
  return service ?? notFound('service_code', code, 'service_code');
}

/**
 * The window of requested_datetime a query covers: the last 90 days by default; from `start` or up to `end` for 90
 * days when only one is given; both may not span more than 90 days (nor end before they start).
 */
export function windowOf(f: Pick<RequestFilter, 'start' | 'end'>, now: Date): { from: Date; to: Date } {
  const span = SPAN_DAYS * DAY_MS;
  if (f.start && f.end) {
    if (f.start > f.end)
      fail('VALIDATION', 'Rentang tanggal terbalik. / end_date is before start_date.', [
        { field: 'end_date', code: 'before_start', message: 'end_date < start_date' },
      ]);
    if (f.end.getTime() - f.start.getTime() > span)
      fail(
        'VALIDATION',
        `Rentang tanggal lebih dari ${SPAN_DAYS} hari. / The range spans more than 90 days.`,
        [{ field: 'end_date', code: 'span', message: `> ${SPAN_DAYS} days` }],
      );
    return { from: f.start, to: f.end };
  }
  if (f.start) return { from: f.start, to: new Date(f.start.getTime() + span) };
  const to = f.end ?? now;
  return { from: new Date(to.getTime() - span), to };
}

/** Requests matching the filter, newest first, at most 1000 (the standard's default limit). */
export async function listRequests(deps: ReadDeps, f: RequestFilter): Promise<Open311Request[]> {
  if (f.serviceRequestIds)
    return deps.open311.requests({ trackingIds: f.serviceRequestIds, limit: MAX_REQUESTS });
  let categoryIds: number[] | undefined;
  if (f.serviceCodes?.length) {
    const services = await deps.open311.services();
    categoryIds = f.serviceCodes.map(
      (code) => services.find((s) => s.code === code)?.id ?? notFound('service_code', code, 'service_code'),
    );
  }
  const statuses = f.statuses?.length
    ? REPORT_STATUSES.filter((s) => f.statuses!.includes(OPEN311_STATUS[s]))
    : undefined;
  return deps.open311.requests({ ...windowOf(f, deps.now), categoryIds, statuses, limit: MAX_REQUESTS });
}

/** One request by its id (the trackingId); 404 when there is none the public may see. */
export async function findRequest(deps: Pick<AppDeps, 'open311'>, id: string): Promise<Open311Request> {
  const [found] = await deps.open311.requests({ trackingIds: [id.toUpperCase()], limit: 1 });
  return found ?? notFound('service_request_id', id, 'service_request_id');
}

/**
 * The request of a token. Filing is realtime here, so no token is ever handed out; a client that asks anyway with
 * a service_request_id gets it back as its own token, and anything else is not found.
 */
export async function requestOfToken(deps: Pick<AppDeps, 'open311'>, token: string): Promise<string> {
  const [found] = await deps.open311.requests({ trackingIds: [token.toUpperCase()], limit: 1 });
  return found?.trackingId ?? notFound('token', token, 'token');
}
