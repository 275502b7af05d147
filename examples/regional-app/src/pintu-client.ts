/**
 * The Pintu client: files a report through `POST /api/v1/reports` with the app's API key, an Idempotency-Key and
 * the app's own reference, retrying network errors, 5xx and 429 with the SAME Idempotency-Key (ADR 0012), and
 * pages the reports this app filed for the reconcile pass.
 */
import type { LocalReport } from './store';

/** What the filing answer carries (the web form's answer). */
export interface Filed {
  trackingId: string;
  status: string;
  /** True when Pintu answered 409 `duplicate_external_ref`: the report was filed before, under this trackingId. */
  existing?: boolean;
}

/** A report as the reconcile listing gives it (only the fields the app needs). */
export interface PintuReportItem {
  trackingId: string;
  externalRef?: string | null;
  status: string;
  /** The report's version: its last event seq, the same numbering as a webhook's `data.seq`. */
  version: number;
  updatedAt: string;
}

/** A Pintu answer that is final: retrying would not change it. */
export class PintuRefused extends Error {
  constructor(
    readonly status: number,
    readonly problem: Record<string, unknown> | null,
  ) {
    super(`Pintu menolak (${status}): ${String(problem?.detail ?? problem?.title ?? 'tanpa keterangan')}`);
  }
}

/**
 * A fault hook for tests: called with each answer after it has been received in full; throwing makes the client
 * treat the answer as lost (as if the connection broke after Pintu had done the work), so it retries.
 */
export type AnswerFault = (info: { attempt: number; status: number; idempotencyKey: string }) => void;

export interface PintuClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Attempts per request, the first included (default 6). */
  maxAttempts?: number;
  /** The first backoff in ms, doubled each retry, with jitter (default 200). */
  backoffMs?: number;
  /** The longest wait honoured from a Retry-After header, in ms (default 60 s). */
  maxRetryAfterMs?: number;
  onAnswer?: AnswerFault;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

/** Seconds or an HTTP date, as RFC 9110 allows for Retry-After; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The Idempotency-Key of a local report: derived from its reference, so every retry (and restart) sends the same. */
export function idempotencyKeyOf(report: Pick<LocalReport, 'ref'>): string {
  return `lapor-wal-file-${report.ref}`;
}

/** Creates a client for one Pintu and one API key. */
export function pintuClient(opts: PintuClientOptions) {
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxAttempts = opts.maxAttempts ?? 6;
  const backoff = opts.backoffMs ?? 200;
  const maxRetryAfter = opts.maxRetryAfterMs ?? 60_000;
  const base = opts.baseUrl.replace(/\/$/, '');
  const auth = { authorization: `Bearer ${opts.apiKey}` };
  /** Counters for the operator (and the two-process test): answers lost, retries, answers Pintu replayed. */
  const stats = { requests: 0, retries: 0, lostAnswers: 0, replayed: 0 };

  /** One request with the retry policy; returns the final status and parsed body. */
  async function send(
    method: string,
    path: string,
    body: unknown,
    idempotencyKey: string | null,
  ): Promise<{ status: number; body: Record<string, unknown> | null; headers: Headers }> {
    let lastError: unknown = null;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let wait = backoff * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
      stats.requests++;
      if (attempt > 1) stats.retries++;
      try {
        const res = await doFetch(`${base}${path}`, {
          method,
          headers: {
            ...auth,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        try {
          opts.onAnswer?.({ attempt, status: res.status, idempotencyKey: idempotencyKey ?? '' });
        } catch (fault) {
          stats.lostAnswers++;
          throw fault;
        }
        if (res.headers.get('idempotent-replayed') === 'true') stats.replayed++;
        const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
        if (!RETRYABLE(res.status)) return { status: res.status, body: parsed, headers: res.headers };
        lastError = new PintuRefused(res.status, parsed);
        const after = retryAfterMs(res.headers.get('retry-after'));
        if (after !== null) wait = Math.min(after, maxRetryAfter);
      } catch (err) {
        lastError = err; // a network error, a timeout, or a dropped answer: the same key makes the retry safe
      }
      if (attempt < maxAttempts) await sleep(wait);
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  return {
    stats,
    /**
     * Files one local report. A 409 `duplicate_external_ref` means Pintu already has it (filed by an earlier run
     * whose answer was lost and whose idempotency record expired): that trackingId is taken, not an error.
     */
    async fileReport(report: LocalReport): Promise<Filed> {
      const input = {
        type: 'complaint',
        title: report.title,
        body: report.body,
        incidentDate: report.incidentDate,
        location: { regionCode: report.regionCode },
        categoryId: report.categoryId,
        ...(report.institutionId ? { institutionId: report.institutionId } : {}),
        isAnonymous: report.isAnonymous,
        ...(report.isAnonymous ? {} : { reporter: { name: report.citizenName } }),
        externalRef: report.ref,
      };
      const res = await send('POST', '/api/v1/reports', input, idempotencyKeyOf(report));
      if (res.status === 201 || res.status === 200) {
        const b = res.body as { trackingId: string; status: string };
        return { trackingId: b.trackingId, status: b.status };
      }
      if (res.status === 409) {
        const existing = existingTrackingId(res.body);
        if (existing) return { trackingId: existing, status: 'submitted', existing: true };
      }
      throw new PintuRefused(res.status, res.body);
    },

    /** One page of `GET /api/v1/integration/reports` (scope `filed`: the reports this app filed). */
    async listReports(q: {
      scope?: 'filed' | 'held';
      updatedSince?: string | null;
      cursor?: string | null;
      limit?: number;
    }): Promise<{ items: PintuReportItem[]; nextCursor: string | null }> {
      const params = new URLSearchParams({ scope: q.scope ?? 'filed', limit: String(q.limit ?? 100) });
      if (q.updatedSince) params.set('updatedSince', q.updatedSince);
      if (q.cursor) params.set('cursor', q.cursor);
      const res = await send('GET', `/api/v1/integration/reports?${params}`, undefined, null);
      if (res.status !== 200) throw new PintuRefused(res.status, res.body);
      const b = res.body as { items: PintuReportItem[]; nextCursor?: string | null };
      return { items: b.items, nextCursor: b.nextCursor ?? null };
    },
  };
}

/** The client's type. */
export type PintuClient = ReturnType<typeof pintuClient>;

/** The trackingId a 409 problem names: a `trackingId` member, or the first `LPR-…` in its text. */
function existingTrackingId(problem: Record<string, unknown> | null): string | null {
  if (!problem) return null;
  if (typeof problem.trackingId === 'string') return problem.trackingId;
  return JSON.stringify(problem).match(/LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/i)?.[0] ?? null;
}
