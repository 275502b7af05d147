/**
 * A seeded set for the open-data tests: named, anonymous and confidential reports whose reporters, texts,
 * addresses, points, villages, program fields and genders are known secrets, an attachment withheld by a handler,
 * and a test app whose open data is set up under a temporary directory.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createApp } from '../../src/http/app';
import { dumpOpenData } from '../../src/open-data/dump';
import { jpegWithGps, refIds, reportInput, uploadForm } from './fixtures';
import { signInAs } from './sessions';
import { startTestApp, type TestApp } from './test-app';
import type { Engine } from './test-db';

export const PUBLIC_URL = 'https://pintu.example.id';

export const PEOPLE = [
  { name: 'Wahyuningsih Prameswari', email: 'wahyu.prameswari@rahasia.id', phone: '081377788899' },
  { name: 'Bambang Sutrisno Hadiwijaya', email: 'bambang.hadi@contoh.id', phone: '085211122233' },
  { name: 'Dewi Kartikasari Lestari', email: 'dewi.kartika@contoh.id', phone: '081999888777' },
];
export const NIK = '6472014505900003';
export const PLACE = {
  regionCode: '64.72.08.1001',
  address: 'Jl. Kenanga No. 7, RT 05, di samping rumah Pak Harun',
  lat: -0.47123,
  lng: 117.15987,
};
export const CONFIDENTIAL = {
  title: 'Pungutan liar oleh oknum di kantor kelurahan setiap pagi',
  body: 'Petugas loket meminta uang Rp50.000 untuk surat pengantar; saya takut dikenali bila ini terbuka.',
};
export const PROGRAM_SECRET = {
  field: 'Sumarni Wulandari Ibu Kandung',
  category: 'kategori-rahasia-program',
};
export const PUBLIC_BODY = `Nama saya ${PEOPLE[2]!.name}, NIK ${NIK}. Lubang besar di depan rumah sudah tiga minggu.`;

export interface OpenDataSet {
  t: TestApp;
  dir: string;
  secret: string;
  /** Tracking ids by role in the set. */
  ids: { named: string[]; anonymous: string; confidential: string[]; withPhotos: string };
  /** Attachment ids: one withheld, one published, one of a confidential report. */
  photos: { withheld: string; published: string; confidential: string };
  guest: Record<string, string>;
  staff: Record<string, string>;
  dump(): ReturnType<typeof dumpOpenData>;
}

/** Files a report over the API; returns its tracking id and access code. */
async function file(t: TestApp, over: Record<string, unknown>) {
  const { roads } = await refIds(t.deps.db);
  const res = await t.post('/api/v1/reports', reportInput(roads, over));
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return { trackingId: body.trackingId as string, accessCode: body.accessCode as string };
}

async function photo(t: TestApp): Promise<string> {
  const res = await t.upload(uploadForm(await jpegWithGps(), 'foto-rumah.jpg', 'image/jpeg'));
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

/** Seeds the set on a fresh app (clock 2024-06-03 09:00 WIB) and sets open data up on it. */
export async function seedOpenDataSet(engine?: Engine): Promise<OpenDataSet> {
  const t = await startTestApp({
    now: '2024-06-03T02:00:00Z',
    publicUrl: PUBLIC_URL,
    ...(engine ? { engine } : {}),
  });
  const dir = join(mkdtempSync(join(tmpdir(), 'pintu-open-data-')), 'open-data');
  const secret = 'uji-kunci-sel';
  t.app = createApp(
    Object.assign({}, t.deps, {
      openDataConfig: { dir, cellKeySecret: secret, contactEmail: 'data@pintu.test' },
    }),
  );
  const ids = await refIds(t.deps.db);
  const named: string[] = [];
  for (const [i, reporter] of PEOPLE.entries())
    named.push(
      (
        await file(t, {
          reporter,
          location: PLACE,
          institutionId: ids.samarinda,
          ...(i === 2 ? { body: PUBLIC_BODY } : {}),
        })
      ).trackingId,
    );
  const anonymous = (await file(t, { isAnonymous: true, reporter: PEOPLE[1], location: PLACE })).trackingId;
  const confPhoto = await photo(t);
  const confidential = [
    (
      await file(t, {
        isConfidential: true,
        ...CONFIDENTIAL,
        reporter: PEOPLE[0],
        attachmentIds: [confPhoto],
      })
    ).trackingId,
    (await file(t, { isConfidential: true, isAnonymous: true, ...CONFIDENTIAL, location: PLACE })).trackingId,
  ];
  const [withheld, published] = [await photo(t), await photo(t)];
  const filed = await file(t, { attachmentIds: [withheld, published], institutionId: ids.samarinda });
  // A program grievance's own fields and the reporter's gender: never open data.
  await t.deps.db.execute(sql`update reports set program_fields = ${JSON.stringify({ ibu: PROGRAM_SECRET.field })}::jsonb,
    program_category = ${PROGRAM_SECRET.category}, reporter_gender = 'female' where tracking_id in (${named[0]}, ${anonymous})`);
  // One resolved with a rating, as the lifecycle leaves it (the fields open data reads from the state).
  await t.deps.db.execute(sql`update reports set status = 'resolved', lifecycle = lifecycle
    || '{"dispositionedAt":"2024-06-03T03:00:00.000Z","firstFollowUpAt":"2024-06-04T03:00:00.000Z","resolvedAt":"2024-06-05T18:00:00.000Z","rating":4}'::jsonb
    where tracking_id = ${named[1]}`);
  const coordinator = await signInAs(t, { role: 'coordinator', institutionId: ids.samarinda });
  const res = await t.post(
    `/api/v1/reports/${filed.trackingId}/attachments/${withheld}/publication`,
    { withheld: true },
    coordinator.headers,
  );
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
  const set: OpenDataSet = {
    t,
    dir,
    secret,
    ids: { named, anonymous, confidential, withPhotos: filed.trackingId },
    photos: { withheld, published, confidential: confPhoto },
    guest: { 'x-access-code': filed.accessCode },
    staff: coordinator.headers,
    dump: () =>
      dumpOpenData({
        openData: t.deps.openData,
        dir,
        secret,
        now: t.deps.clock(),
        baseUrl: PUBLIC_URL,
        publisher: 'Pintu (uji)',
        contactEmail: 'data@pintu.test',
      }),
  };
  return set;
}

/** Every page of the open reports with this query, following `next`. */
export async function allPages(t: TestApp, query = 'limit=2'): Promise<{ bodies: string[]; ids: string[] }> {
  const bodies: string[] = [];
  const ids: string[] = [];
  let next: string | null = null;
  do {
    const res = await t.get(`/api/v1/open-data/reports?${query}${next ? `&cursor=${next}` : ''}`);
    const text = await res.text();
    expect(res.status, text).toBe(200);
    bodies.push(text);
    const page = JSON.parse(text) as { items: { tracking_id: string }[]; next: string | null };
    ids.push(...page.items.map((r) => r.tracking_id));
    next = page.next;
  } while (next);
  return { bodies, ids };
}
