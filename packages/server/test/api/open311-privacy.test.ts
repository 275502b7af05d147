/**
 * Privacy of the Open311 reads (domain.md §7): a confidential report is never there — not in a list, not by id,
 * not by a service_request_id filter, not as a token — however it was filed; no answer carries a reporter's
 * name, contact or account, anonymous or not; and a place is shown as the public sees it: the regency, never the
 * typed address, the point rounded to 0.1°.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { createKey, institutionNamed, registerApp } from '../support/integration-fixtures';
import { BASE, bodies, both, bothFail, filed, PUBLIC_URL, postForm } from '../support/open311-fixtures';
import { SHAPES } from '../support/open311-format';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let key: string;
const r: Record<'confidential' | 'confidential311' | 'anonymous' | 'named' | 'anonymous311', string> =
  {} as never;

const PEOPLE = [
  { name: 'Wahyuningsih Prameswari', email: 'wahyu.prameswari@rahasia.id', phone: '081377788899' },
  { name: 'Bambang Sutrisno', email: 'bambang.sutrisno@contoh.id', phone: '085211122233' },
  { name: 'Dewi Kartikasari', email: 'dewi.kartika@contoh.id', phone: '081999888777' },
];
const PLACE = {
  regionCode: '64.72.08.1001',
  address: 'Jl. Kenanga No. 7, RT 05, di samping rumah Pak Harun',
  lat: -0.47123,
  lng: 117.15987,
};
const CONFIDENTIAL_TITLE = 'Pungutan liar di kantor kelurahan setiap pagi';

async function web(over: Record<string, unknown>): Promise<string> {
  const { roads } = await refIds(t.deps.db);
  const res = await t.post('/api/v1/reports', reportInput(roads, over));
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.trackingId;
}

const listed = async (query = '') =>
  (
    (await both(t, `${BASE}/requests.{format}${query}`, SHAPES.requests)).value as Record<string, unknown>[]
  ).map((x) => x.service_request_id);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-07T02:00:00Z', publicUrl: PUBLIC_URL });
  const samarinda = await institutionNamed(t, 'Pemerintah Kota Samarinda');
  const developer = (await signInAs(t, { role: 'developer', institutionId: samarinda })).headers;
  key = (await createKey(t, developer, (await registerApp(t, developer, samarinda, 'sigap-priv')).id)).key;
  r.confidential = await web({ isConfidential: true, title: CONFIDENTIAL_TITLE, reporter: PEOPLE[0] });
  r.anonymous = await web({ isAnonymous: true, reporter: PEOPLE[1], location: PLACE });
  r.named = await web({ reporter: PEOPLE[2] });
  const form = {
    api_key: key,
    service_code: 'infrastruktur.jalan-kabupaten',
    description: `${CONFIDENTIAL_TITLE}. Petugas meminta uang untuk surat pengantar.`,
    address_id: '64.72',
  };
  r.confidential311 = filed(
    await postForm(t, 'json', { ...form, 'attribute[is_confidential]': 'true', first_name: 'Rahmat' }),
    'json',
  ).id;
  r.anonymous311 = filed(
    await postForm(t, 'xml', {
      ...form,
      description: 'Trotoar di Jalan Pahlawan rusak parah dan membahayakan pejalan kaki.',
      first_name: 'Sulastri',
      last_name: 'Handayani',
      email: 'sulastri.h@contoh.id',
      phone: '081355566677',
      'attribute[is_anonymous]': 'true',
    }),
    'xml',
  ).id;
});
afterAll(() => t.close());

describe('confidential reports', () => {
  it('never appear in a list, even asked for by id', async () => {
    const all = await listed();
    expect(all).toEqual(expect.arrayContaining([r.anonymous, r.named, r.anonymous311]));
    expect(all).not.toContain(r.confidential);
    expect(all).not.toContain(r.confidential311);
    expect(await listed(`?service_request_id=${r.confidential},${r.confidential311},${r.named}`)).toEqual([
      r.named,
    ]);
    expect(await listed('?status=open&service_code=infrastruktur.jalan-kabupaten')).not.toContain(
      r.confidential,
    );
  });

  it('are not found by id or as a token, exactly like a report that does not exist', async () => {
    for (const id of [r.confidential, r.confidential311]) {
      const [gone] = await bothFail(t, `${BASE}/requests/${id}.{format}`, 404);
      const [never] = await bothFail(t, `${BASE}/requests/LPR-ZZZZ-ZZZZ-ZZZZ.{format}`, 404);
      expect(gone!.replace(id, 'ID')).toBe(never!.replace('LPR-ZZZZ-ZZZZ-ZZZZ', 'ID'));
      await bothFail(t, `${BASE}/tokens/${id}.{format}`, 404);
    }
  });
});

describe('identity and place', () => {
  it('no answer carries a reporter’s name, contact or the confidential text', async () => {
    await listed();
    for (const id of [r.anonymous, r.named, r.anonymous311])
      await both(t, `${BASE}/requests/${id}.{format}`, SHAPES.requests);
    const everything = bodies.join('\n');
    const secrets = [
      ...PEOPLE.flatMap((p) => [p.name, p.email, p.phone]),
      'Sulastri',
      'Handayani',
      'sulastri.h@contoh.id',
      '081355566677',
      'Rahmat',
      CONFIDENTIAL_TITLE,
    ];
    for (const secret of secrets) expect(everything, secret).not.toContain(secret);
  });

  it('shows the regency, not the typed address or the village; the point rounded to 0.1°', async () => {
    const { value } = await both(t, `${BASE}/requests/${r.anonymous}.{format}`, SHAPES.requests);
    expect(value).toMatchObject([
      {
        address: 'Kota Samarinda, Kalimantan Timur',
        address_id: '64.72',
        zipcode: null,
        lat: -0.5,
        long: 117.2,
      },
    ]);
    const everything = bodies.join('\n');
    for (const exact of ['Kenanga', 'Pak Harun', '-0.47123', '117.15987', '64.72.08'])
      expect(everything, exact).not.toContain(exact);
  });
});
