/**
 * Types and calls of the national admin's federation page (issue 13, ADR 0013): this instance's identity, trusting a
 * peer from its document and the fingerprint its operator read out, the peers with their backlog, the authority map.
 */
import type { Schema } from '@pintu/api-types';
import { ApiError, api, NetworkError } from '../../api/client';

export type FederationView = Schema<'FederationView'>;
export type FederationPeer = Schema<'FederationPeer'>;
export type FederationBacklog = Schema<'FederationBacklog'>;
export type TrustInput = Schema<'FederationTrustInput'>;

export const federationApi = {
  view: () => api.get<FederationView>('/federation'),
  /** The signed identity document, as the server sends it (JSON). */
  identity: () => api.get<Record<string, unknown>>('/federation/identity'),
  trust: (body: TrustInput) => api.post<FederationPeer>('/federation/peers', body),
};

export const qk = { view: ['federation', 'view'] as const };

/** How often the page refreshes the backlog by itself. */
export const REFRESH_MS = 15_000;
/** An undelivered message older than this makes a peer stand out. */
export const STALE_MS = 15 * 60_000;

/** The fingerprint in its groups of four (the server sends `3f2a 9c41 …`; colons or none are accepted too). */
export function fingerprintGroups(fingerprint: string): string[] {
  const compact = fingerprint.toLowerCase().replace(/[\s:]/g, '');
  return compact.match(/.{1,4}/g) ?? [];
}

/** Why a peer needs the operator's attention: its oldest undelivered message is over 15 minutes old, or an error. */
export function attentionOf(backlog: FederationBacklog, now: number): { stale: boolean; error: boolean } {
  const oldest = backlog.oldestQueuedAt ? Date.parse(backlog.oldestQueuedAt) : null;
  return {
    stale: backlog.queued > 0 && oldest !== null && now - oldest > STALE_MS,
    error: backlog.lastError !== null,
  };
}

/** The field (`document`, `fingerprint`, `handles`, or `_` for the form) each trust problem belongs to. */
export type TrustErrors = Partial<Record<'document' | 'fingerprint' | 'handles' | '_', string>>;

/**
 * Turns a refused trust request into messages per field. Known codes get this page's own words (the server's are
 * Indonesian only); a fingerprint mismatch never shows the document's own fingerprint, so that nobody is tempted to
 * copy it into the field instead of asking the peer's operator again.
 */
export function trustErrorsOf(
  e: unknown,
  t: (key: string, o?: Record<string, unknown>) => string,
): TrustErrors {
  if (e instanceof NetworkError) return { _: t('errors.network') };
  if (!(e instanceof ApiError)) return { _: t('errors.failed') };
  if (e.status >= 500) return { _: t('errors.failed') };
  const out: TrustErrors = {};
  const handles: string[] = [];
  let handlesCode = '';
  for (const fe of e.problem.errors ?? []) {
    const field = fe.field === 'document' || fe.field === 'fingerprint' ? fe.field : null;
    const known = `trust.error.${fe.field}.${fe.code}`;
    if (fe.field === 'handles') {
      handles.push(fe.message);
      handlesCode = fe.code;
    } else if (field)
      out[field] ??= KNOWN.has(`${fe.field}.${fe.code}`) ? t(known, { slug: fe.message }) : fe.message;
  }
  if (handles.length)
    out.handles = KNOWN.has(`handles.${handlesCode}`)
      ? t(`trust.error.handles.${handlesCode}`, { list: handles.join('; ') })
      : handles.join('; ');
  if (!out.document && !out.fingerprint && !out.handles) out._ = e.message;
  return out;
}

const KNOWN = new Set([
  'document.not_json',
  'document.not_an_identity',
  'document.bad_signature',
  'document.self',
  'fingerprint.mismatch',
  'handles.unknown_institution',
  'handles.handled_elsewhere',
]);
