/** Filing over in-memory ports: the domain's refusals, and what is saved (no database). */
import { randomBytes } from 'node:crypto';
import { DomainFailure } from '@pintu/core';
import { describe, expect, it } from 'vitest';
import { type FilingCaller, fileReport } from '../../src/app/reports/file-report';
import { createSealer } from '../../src/security/seal';
import { fakeCalendarSource } from '../fakes/intake-calendar';
import { sampleFiling } from '../fakes/intake-filing';
import { type FakeReference, fakeReports } from '../fakes/intake-reports';

const NOW = new Date('2024-06-03T02:00:00Z'); // Monday 09:00 WIB
const SAMARINDA = {
  id: 7,
  name: 'Pemerintah Kota Samarinda',
  timeZone: 'Asia/Makassar',
  regionCode: '64.72',
  active: true,
  path: [3, 7],
};
const guest: FilingCaller = { kind: 'guest', channel: 'web' };

function setup() {
  const ref: FakeReference = {
    regions: new Set(['64.72.01']),
    categories: new Set([11]),
    institutions: new Map([[SAMARINDA.id, SAMARINDA]]),
    freeAttachments: new Set(['6f1c1f40-0000-4000-8000-000000000001']),
  };
  const reports = fakeReports(ref);
  const sealer = createSealer(randomBytes(32));
  return { reports, deps: { reports, sealer, calendar: fakeCalendarSource(), now: NOW }, sealer };
}

const filing = sampleFiling;

async function failureOf(p: Promise<unknown>): Promise<DomainFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainFailure)) throw new Error(`expected a DomainFailure, got ${String(err)}`);
  return err;
}

describe('fileReport over fakes', () => {
  it('refuses an incident date in the future (WIT) before looking anything up', async () => {
    const { reports, deps } = setup();
    const err = await failureOf(fileReport(deps, filing({ incidentDate: '2024-06-05' }), guest));
    expect(err.error.code).toBe('VALIDATION');
    expect(err.error.message).toBe('Periksa kembali isian yang ditandai.');
    expect(err.error.fields).toEqual([
      { field: 'incidentDate', code: 'future', message: 'Tanggal kejadian tidak boleh di masa depan.' },
    ]);
    expect(reports.saved).toHaveLength(0);
  });

  it('names every unknown reference at once, content errors first, and saves nothing', async () => {
    const { reports, deps } = setup();
    const err = await failureOf(
      fileReport(
        deps,
        filing({ location: { regionCode: '99.99' }, institutionId: 404, reporter: undefined }),
        guest,
      ),
    );
    expect(err.error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual([
      'reporter.name:required',
      'location.regionCode:unknown',
      'institutionId:unknown',
    ]);
    expect(reports.saved).toHaveLength(0);
  });

  it('files to the national queue with the identity sealed and a guest event naming no one', async () => {
    const { reports, deps, sealer } = setup();
    const created = await fileReport(deps, filing(), guest);
    expect(created).toMatchObject({ status: 'submitted', queue: 'national', institution: null });
    expect(created.accessCode).toBeTruthy();
    const [saved] = reports.saved;
    expect(saved?.report.trackingId).toBe(created.trackingId);
    expect(saved?.report.accessCodeHash).not.toContain(created.accessCode);
    expect(sealer.open(saved!.report.reporterSealed!)).toEqual({
      name: 'Siti Aminah',
      email: 'siti@example.id',
    });
    expect(saved?.first).toMatchObject({ actorId: null, actorRole: 'guest', toStatus: 'submitted' });
    expect(saved?.first.payload).toMatchObject({ channel: 'web', queue: 'national' });
  });

  it('after a first check, files to a known institution in one round trip', async () => {
    const { reports, deps } = setup();
    await fileReport(deps, filing({ institutionId: SAMARINDA.id }), guest);
    const before = reports.trips;
    const second = await fileReport(deps, filing({ institutionId: SAMARINDA.id }), guest);
    expect(second.queue).toBe('institution');
    expect(second.institution).toEqual({ id: 7, name: 'Pemerintah Kota Samarinda' });
    expect(reports.trips - before).toBe(1);
    expect(reports.saved.map((s) => s.report.institutionId)).toEqual([7, 7]);
  });

  it('refuses an attachment another report claimed meanwhile', async () => {
    const { reports, deps } = setup();
    const id = '6f1c1f40-0000-4000-8000-000000000001';
    await fileReport(deps, filing({ attachmentIds: [id] }), guest);
    const err = await failureOf(fileReport(deps, filing({ attachmentIds: [id] }), guest));
    expect(err.error.fields).toEqual([
      { field: 'attachmentIds.0', code: 'unknown', message: 'Lampiran tidak ditemukan atau sudah dipakai.' },
    ]);
    expect(reports.saved).toHaveLength(1);
  });
});
