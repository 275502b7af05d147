/**
 * Filing with an Idempotency-Key over in-memory ports: the key's reference rides in the first event, a run that took
 * over a dead process's key answers with the report it left (new access code), and no run files a second one.
 */
import { randomBytes } from 'node:crypto';
import { DomainFailure } from '@pintu/core';
import { describe, expect, it } from 'vitest';
import { type FilingCaller, fileReport, type ReportFiling } from '../../src/app/reports/file-report';
import { accessCodeMatches } from '../../src/security/ids';
import { createSealer } from '../../src/security/seal';
import { fakeIdempotentFilings } from '../fakes/idempotent-filings';
import { fakeCalendarSource } from '../fakes/intake-calendar';
import { fakeReports } from '../fakes/intake-reports';

const NOW = new Date('2024-06-03T02:00:00Z');
const guest: FilingCaller = { kind: 'guest', channel: 'web' };
const filing: ReportFiling = {
  type: 'complaint',
  title: 'Jalan berlubang di Jalan Juanda',
  body: 'Lubang besar di tengah jalan membahayakan pengendara motor setiap malam.',
  incidentDate: '2024-06-01',
  location: { regionCode: '64.72.01' },
  categoryId: 11,
  isAnonymous: false,
  isConfidential: false,
  attachmentIds: [],
  reporter: { name: 'Siti Aminah', email: 'siti@example.id' },
  language: 'id',
};

function setup() {
  const saved = fakeReports({
    regions: new Set(['64.72.01']),
    categories: new Set([11]),
    institutions: new Map(),
    freeAttachments: new Set(),
  });
  const { reports, filings } = fakeIdempotentFilings(saved);
  const deps = {
    reports,
    idempotentFilings: filings,
    sealer: createSealer(randomBytes(32)),
    calendar: fakeCalendarSource(),
    now: NOW,
  };
  return { saved, deps };
}

describe('fileReport with an Idempotency-Key (fakes)', () => {
  it('writes the key’s reference into the first event, and nothing of it without a key', async () => {
    const { saved, deps } = setup();
    await fileReport(deps, filing, guest, { ref: 'r1', takeover: false });
    await fileReport(deps, filing, guest);
    expect(saved.saved.map((s) => s.first.payload.idempotencyRef)).toEqual(['r1', undefined]);
  });

  it('a takeover finds the report its dead predecessor committed: same trackingId, a new working code', async () => {
    const { saved, deps } = setup();
    const first = await fileReport(deps, filing, guest, { ref: 'r2', takeover: false });
    const again = await fileReport(deps, filing, guest, { ref: 'r2', takeover: true });
    expect(saved.saved).toHaveLength(1);
    expect(again).toMatchObject({ trackingId: first.trackingId, status: 'submitted', queue: 'national' });
    expect(again.accessCode).not.toBe(first.accessCode);
    const stored = saved.saved[0]!.report.accessCodeHash;
    expect(accessCodeMatches(again.accessCode, stored)).toBe(true);
    expect(accessCodeMatches(first.accessCode, stored)).toBe(false);
  });

  it('a takeover whose predecessor never committed files the report', async () => {
    const { saved, deps } = setup();
    await fileReport(deps, filing, guest, { ref: 'r3', takeover: true });
    expect(saved.saved).toHaveLength(1);
  });

  it('a run that did not take over and meets the reference is refused, 409 naming the header; one report', async () => {
    const { saved, deps } = setup();
    await fileReport(deps, filing, guest, { ref: 'r4', takeover: false });
    const err = await fileReport(deps, filing, guest, { ref: 'r4', takeover: false }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainFailure);
    expect((err as DomainFailure).error).toMatchObject({
      code: 'CONFLICT',
      reason: 'idempotency_key_used',
      fields: [{ field: 'Idempotency-Key', code: 'idempotency_key_used' }],
    });
    expect(saved.saved).toHaveLength(1);
  });
});
