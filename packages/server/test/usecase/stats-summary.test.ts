/** The statistics use cases over the in-memory StatsReader (no database): summary, scope rules, oversight access. */
import { DomainFailure, type RollupTotals } from '@pintu/core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/app/accounts/caller';
import { silentInstitutions } from '../../src/app/stats/oversight';
import { resolveScope } from '../../src/app/stats/resolve';
import { statsSummary } from '../../src/app/stats/summary';
import type { Db } from '../../src/db/open';
import { type StatsReaderFake, statsReaderFake } from '../fakes/stats-reader';

const JUNE = { from: '2024-06-01', to: '2024-06-30' };
const NOW = new Date('2024-06-20T02:00:00Z');
// The national scope never reaches the database (activity is for an institution's scope only).
const noDb = new Proxy(
  {},
  {
    get: () => {
      throw new Error('no database in the use-case tier');
    },
  },
) as Db;

const caller = (role: string, institutionId: number | null): Caller => ({
  userId: `u-${role}`,
  name: role,
  email: `${role}@pintu.test`,
  grants: [{ role, institutionId } as Caller['grants'][number]],
  permissions: [],
  mustChangePassword: false,
});

async function failureOf(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainFailure)) throw new Error(`expected a DomainFailure, got ${String(e)}`);
  return e.error;
}

let reader: StatsReaderFake;
const row = (institutionId: number, day: string, totals: Partial<RollupTotals>) =>
  reader.rollups.push({ institutionId, day, categoryId: 1, provinceCode: '64', totals });

beforeEach(() => {
  reader = statsReaderFake();
  reader.institutions.push(
    {
      id: 1,
      name: 'Pemkot Samarinda',
      kind: 'regency_government',
      path: [1],
      regionCode: '64.72',
      connected: true,
    },
    { id: 2, name: 'Dinas PU', kind: 'unit', path: [1, 2], regionCode: '64.72' },
    { id: 3, name: 'Kementerian PU', kind: 'ministry', path: [3], regionCode: '31' },
  );
  reader.provinceList.push({ code: '64', name: 'Kalimantan Timur' });
  row(1, '2024-06-03', { received: 4, resolved: 2, inProcess: 2, followUpCount: 3, followUpDays: 6 });
  row(2, '2024-06-10', { received: 2, resolved: 1, notFollowedUp: 1, followUpCount: 1, followUpDays: 2 });
  row(3, '2024-06-11', { received: 2, notFollowedUp: 2 });
  row(3, '2024-07-01', { received: 5, notFollowedUp: 5 }); // outside June
  reader.backlogCounts = { d0_3: 1, d4_7: 1, d8_14: 0, d15_30: 0, overdueNow: 2 };
});

describe('stats summary over fake rollups', () => {
  it('computes the indicators of the nation, with the backlog older than 30 days from the open total', async () => {
    const national = await resolveScope({ statsReader: reader }, {});
    const s = await statsSummary({ statsReader: reader, db: noDb }, national, JUNE, NOW);
    expect(s.scope).toEqual({ kind: 'national', id: null, name: 'Nasional' });
    expect(s.indicators).toMatchObject({
      received: 8,
      resolved: 3,
      inProcess: 2,
      notFollowedUp: 3,
      completionRate: 37.5,
      followedUp: 4,
      overdueNow: 2,
    });
    // 5 open, 2 of them recent.
    expect(s.indicators.backlogAge.at(-1)).toEqual({ bucket: '>30', count: 3 });
    // Two top-level institutions; Samarinda (with its unit) followed up, the ministry did not.
    expect(s.institutions).toEqual({ total: 2, connected: 1, active: 1 });
    expect(s.activity).toBeNull();
    expect(reader.calls.sort()).toEqual(['backlog', 'institutionCounts', 'totalsByNode']);
  });
});

describe('stats scope', () => {
  it('names the field of an unknown or conflicting scope', async () => {
    expect(await failureOf(resolveScope({ statsReader: reader }, { institutionId: 99 }, 'id'))).toMatchObject(
      {
        code: 'VALIDATION',
        fields: [{ field: 'id', code: 'unknown' }],
      },
    );
    expect(
      await failureOf(resolveScope({ statsReader: reader }, { institutionId: 1, regionCode: '64' })),
    ).toMatchObject({ fields: [{ field: 'query.regionCode', code: 'conflict' }] });
    expect(await failureOf(resolveScope({ statsReader: reader }, { regionCode: '99' }))).toMatchObject({
      fields: [{ field: 'query.regionCode', code: 'unknown' }],
    });
    expect((await resolveScope({ statsReader: reader }, { institutionId: 2 })).scope).toEqual({
      kind: 'institution',
      id: 2,
      subtree: true,
    });
  });
});

describe('oversight lists', () => {
  beforeEach(() => {
    reader.silent.push(
      { institutionId: 2, name: 'Dinas PU', kind: 'unit', connected: false, received: 2, notFollowedUp: 1 },
      {
        institutionId: 3,
        name: 'Kementerian PU',
        kind: 'ministry',
        connected: false,
        received: 2,
        notFollowedUp: 2,
      },
    );
  });

  it('shows each caller its own subtrees, everything to national oversight', async () => {
    const deps = { statsReader: reader };
    const own = await silentInstitutions(deps, caller('coordinator', 1), {}, JUNE);
    expect(own.items.map((i) => i.institutionId)).toEqual([2]);
    const all = await silentInstitutions(deps, caller('oversight', null), {}, JUNE);
    expect(all.items.map((i) => i.institutionId)).toEqual([2, 3]);
  });

  it('refuses a scope the caller may not see, with a DomainFailure', async () => {
    const deps = { statsReader: reader };
    expect(await failureOf(silentInstitutions(deps, caller('citizen', null), {}, JUNE))).toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'Hanya untuk petugas instansi, pengawas, dan admin nasional.',
    });
    expect(
      await failureOf(silentInstitutions(deps, caller('coordinator', 1), { institutionId: 3 }, JUNE)),
    ).toMatchObject({ code: 'NOT_ALLOWED', message: 'Instansi itu berada di luar wilayah kewenangan Anda.' });
    expect(
      await failureOf(silentInstitutions(deps, caller('coordinator', 1), { institutionId: 42 }, JUNE)),
    ).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'query.institutionId', code: 'unknown' }] });
  });
});
