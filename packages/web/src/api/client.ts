/**
 * Typed fetch client for /api/v1 and /api/auth. Server errors arrive as RFC 9457 problem+json and become an
 * ApiError whose `fieldErrors` a form can show next to its inputs; a dropped network becomes a NetworkError.
 */

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  code?: string;
  detail?: string;
  reason?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
  /** Field errors keyed by field path (e.g. `location.villageCode`), first message wins. */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) out[e.field] ??= e.message;
    return out;
  }
}

/** The request never reached the server or its answer never came back. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}

type Listener = (online: boolean) => void;
const listeners = new Set<Listener>();
/** Lets the network banner hear about failed and recovered requests. */
export function onReachability(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
const report = (ok: boolean) => {
  for (const l of listeners) l(ok);
};

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  /** JSON body, or FormData for uploads. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) qs.append(k, x);
    else qs.append(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Calls `url` (absolute path, e.g. `/api/v1/reports`) and returns the parsed JSON body, or throws. */
export async function request<T>(url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    report(false);
    throw new NetworkError(e);
  }
  // Any answer means the server is reachable; 5xx answers are shown where the request was made.
  report(true);
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    const p =
      data && typeof data === 'object'
        ? (data as Partial<Problem>)
        : { detail: typeof data === 'string' ? data : '' };
    // better-auth answers `{ code, message }` rather than problem+json.
    const msg = (data as { message?: string } | null)?.message;
    throw new ApiError({ ...p, detail: p.detail || msg || undefined, status: res.status });
  }
  return data as T;
}

/** `/api/v1` resource shorthand. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>(`/api/v1${path}`, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>(`/api/v1${path}`, { method: 'POST', body: body ?? {}, headers }),
  put: <T>(path: string, body?: unknown) => request<T>(`/api/v1${path}`, { method: 'PUT', body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) =>
    request<T>(`/api/v1${path}`, { method: 'PATCH', body: body ?? {} }),
  del: <T>(path: string, body?: unknown) => request<T>(`/api/v1${path}`, { method: 'DELETE', body }),
};

/** better-auth endpoints under /api/auth. */
export const auth = {
  post: <T>(path: string, body?: unknown) =>
    request<T>(`/api/auth${path}`, { method: 'POST', body: body ?? {} }),
};
