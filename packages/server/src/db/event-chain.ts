/** The per-report hash chain of the event log: each event's hash covers its content and the previous hash. */
import { createHash } from 'node:crypto';
import type { LifecycleEvent } from '@pintu/core';

export interface ChainedEvent {
  trackingId: string;
  seq: number;
  action: string;
  actorId: string | null;
  actorRole: string;
  institutionId: number | null;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
}

/**
 * What the chain hashes of core event `e` as event `seq` of report `trackingId`: its payload as stored (a JSON round
 * trip), since what the hash covers must be what a reader gets back. Every writer of events builds it here.
 */
export function chainedContent(trackingId: string, seq: number, e: LifecycleEvent): ChainedEvent {
  return {
    trackingId,
    seq,
    action: e.type,
    actorId: e.actorId,
    actorRole: e.actorRole,
    institutionId: e.institutionId === null ? null : Number(e.institutionId),
    at: e.at,
    fromStatus: e.from,
    toStatus: e.to,
    payload: JSON.parse(JSON.stringify(e.payload)) as Record<string, unknown>,
  };
}

/** Canonical JSON: object keys sorted, so the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of an event given its predecessor's hash (null for a report's first event). */
export function eventHash(prevHash: string | null, e: ChainedEvent): string {
  return createHash('sha256')
    .update(prevHash ?? '')
    .update('\n')
    .update(canonicalJson({ ...e, at: e.at.toISOString() }))
    .digest('hex');
}

/** Checks a report's chain from its first event; returns the seq of the first broken link, or null. */
export function verifyChain(
  events: (ChainedEvent & { prevHash: string | null; hash: string })[],
): number | null {
  let prev: string | null = null;
  for (const e of events) {
    const { prevHash, hash, ...content } = e;
    if (prevHash !== prev || eventHash(prev, content) !== hash) return e.seq;
    prev = hash;
  }
  return null;
}
