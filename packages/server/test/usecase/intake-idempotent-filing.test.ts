/**
 * Filing with an Idempotency-Key over in-memory ports: the key's answer is written with the report, as the one
 * statement does (db/intake-statements.ts); a second run of the key writes nothing and is told so; without a key
 * nothing of it is stored.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type FiledReport,
  type FilingCaller,
  fileReport,
  fileReportWithKey,
  type IdempotentFiling,
} from '../../src/app/reports/file-report';
import { createSealer } from '../../src/security/seal';
import { fakeCalendarSource } from '../fakes/intake-calendar';
import { sampleFiling } from '../fakes/intake-filing';
import { fakeReports } from '../fakes/intake-reports';

const NOW = new Date('2024-06-03T02:00:00Z');
const guest: FilingCaller = { kind: 'guest', channel: 'web' };
const filing = sampleFiling();

function setup() {
  const saved = fakeReports({
    regions: new Set(['64.72.01']),
    categories: new Set([11]),
    institutions: new Map(),
    freeAttachments: new Set(['0b6f4ac4-8f7c-4c49-9d42-3d3c3f0f7a11']),
  });
  const deps = {
    reports: saved,
    sealer: createSealer(randomBytes(32)),
    calendar: fakeCalendarSource(),
    now: NOW,
  };
  return { saved, deps };
}

/** A key whose answer is the filing's JSON, as the HTTP layer would store it (unsealed here). */
const keyOf = (key: string, owner = crypto.randomUUID()): IdempotentFiling => ({
  lease: { scope: 'anon:/api/v1/reports', key, owner },
  fingerprint: `fp-${key}`,
  answerOf: (created: FiledReport) => ({ status: 201, headers: {}, body: JSON.stringify(created) }),
});

describe('fileReportWithKey (fakes)', () => {
  it('stores the answer that is returned, with the report; a plain filing stores no key', async () => {
    const { saved, deps } = setup();
    const created = await fileReportWithKey(deps, filing, guest, keyOf('k1'));
    await fileReport(deps, filing, guest);
    expect(saved.saved).toHaveLength(2);
    expect([...saved.keys.keys()]).toEqual(['anon:/api/v1/reports k1']);
    expect(JSON.parse(saved.keys.get('anon:/api/v1/reports k1')!.answer.body)).toEqual(created);
  });

  it('a second run of the key writes nothing and returns null (the caller replays the first answer)', async () => {
    const { saved, deps } = setup();
    const first = await fileReportWithKey(deps, filing, guest, keyOf('k2'));
    const again = await fileReportWithKey(deps, filing, guest, keyOf('k2'));
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    expect(saved.saved).toHaveLength(1);
    expect(JSON.parse(saved.keys.get('anon:/api/v1/reports k2')!.answer.body).trackingId).toBe(
      first!.trackingId,
    );
  });

  it('with attachments (the checked insert) a taken key writes nothing and claims no attachment', async () => {
    const { saved, deps } = setup();
    const withPhoto = { ...filing, attachmentIds: ['0b6f4ac4-8f7c-4c49-9d42-3d3c3f0f7a11'] };
    saved.keys.set('anon:/api/v1/reports k3', keyOf('k3').lease as never);
    expect(await fileReportWithKey(deps, withPhoto, guest, keyOf('k3'))).toBeNull();
    expect(saved.saved).toHaveLength(0);
  });
});
