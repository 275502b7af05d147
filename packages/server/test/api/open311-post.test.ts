/**
 * POST Service Request (issue 14): a filing through Open311 is a report like any other — channel `open311`, filed
 * by the key's app through the same intake (its rules, the national queue and its deadline), shown by the regular
 * API and followed with the access code the answer gives once. The location comes from lat/long, address_string
 * or address_id; the attributes are the service definition's.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds } from '../support/fixtures';
import { createKey, institutionNamed, registerApp, withKey } from '../support/integration-fixtures';
import { BASE, both, failed, filed, PUBLIC_URL, postForm } from '../support/open311-fixtures';
import { SHAPES } from '../support/open311-format';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let key: string;
let appId: string;

const DESCRIPTION =
  'Lubang besar di depan pasar sudah tiga minggu tidak diperbaiki.\nSudah dua motor jatuh minggu ini.';
const base = () => ({
  api_key: key,
  service_code: 'infrastruktur.jalan-kabupaten',
  description: DESCRIPTION,
});

const row = async (id: string) =>
  (
    await t.deps.db.execute(sql`select r.channel, r.region_code, r.lat, r.lng, r.address, r.type, r.title, r.body,
      r.incident_date::text as incident_date, r.is_anonymous, r.is_confidential, r.integration_app_id,
      r.institution_id, r.status, r.due_at, e.actor_role, e.payload
    from reports r join events e on e.report_id = r.id and e.seq = 1 where r.tracking_id = ${id}`)
  ).rows[0] as Record<string, unknown>;

beforeAll(async () => {
  // Monday 7 December 2026, 09:00 WIB.
  t = await startTestApp({ now: '2026-12-07T02:00:00Z', publicUrl: PUBLIC_URL });
  await refIds(t.deps.db);
  const samarinda = await institutionNamed(t, 'Pemerintah Kota Samarinda');
  const developer = (await signInAs(t, { role: 'developer', institutionId: samarinda })).headers;
  appId = (await registerApp(t, developer, samarinda, 'sigap-smd')).id;
  key = (await createKey(t, developer, appId)).key;
});
afterAll(() => t.close());

describe('a filing through Open311', () => {
  it('is a report on channel open311, by the key’s app, in the national queue, seen by the regular API', async () => {
    const answer = await postForm(t, 'json', {
      ...base(),
      lat: '-0.4948',
      long: '117.1436',
      first_name: 'Siti',
      last_name: 'Rahmawati',
      email: 'siti.rahmawati@example.id',
      phone: '0812-3456-7890',
      device_id: 'tt222111',
      account_id: '123456',
    });
    const { id, notice } = filed(answer, 'json');
    const stored = await row(id);
    expect(stored).toMatchObject({
      channel: 'open311',
      // A point alone gives the province (the shapes): Samarinda lies in Kalimantan Timur.
      region_code: '64',
      lat: -0.4948,
      lng: 117.1436,
      type: 'complaint',
      // The first sentence of the description is the title.
      title: 'Lubang besar di depan pasar sudah tiga minggu tidak diperbaiki.',
      body: DESCRIPTION,
      incident_date: '2026-12-07',
      is_anonymous: false,
      is_confidential: false,
      integration_app_id: appId,
      institution_id: null,
      status: 'submitted',
      actor_role: 'integration',
    });
    const payload = (
      typeof stored.payload === 'string' ? JSON.parse(stored.payload) : stored.payload
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({ channel: 'open311', queue: 'national', via: { appId } });
    // Verified by the end of the 3rd working day in WIB: Tue 8, Wed 9, Thu 10 December 2026.
    expect(new Date(String(stored.due_at)).toISOString()).toBe('2026-12-10T16:59:59.999Z');
    expect(notice).toContain('2026-12-10T23:59:59+07:00');

    const accessCode = /Kode akses[^:]*: (\S+)\./.exec(notice)![1]!;
    const mine = await t.get(`/api/v1/reports/${id}`, { 'x-access-code': accessCode });
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({
      view: 'reporter',
      reporter: { name: 'Siti Rahmawati', email: 'siti.rahmawati@example.id', phone: '081234567890' },
    });
    const pub = await (await t.get(`/api/v1/reports/${id}`)).json();
    expect(pub).toMatchObject({ view: 'public', reporter: { display: 'Pelapor' } });
    // The app sees its filing through the integration API too.
    const list = await (await withKey(t, key, 'GET', '/api/v1/integration/reports?scope=filed')).json();
    expect(list.items.map((x: { trackingId: string }) => x.trackingId)).toContain(id);
    // And Open311 shows it back, open.
    const { value } = await both(t, `${BASE}/requests/${id}.{format}`, SHAPES.requests);
    expect(value).toMatchObject([
      { service_request_id: id, status: 'open', requested_datetime: '2026-12-07T09:00:00+07:00' },
    ]);
  });

  it('finds the district an address names (XML), and keeps the address', async () => {
    const address = 'Jl. Juanda No. 5, Sungai Pinang, Kota Samarinda, Kalimantan Timur';
    const { id } = filed(await postForm(t, 'xml', { ...base(), address_string: address }), 'xml');
    expect(await row(id)).toMatchObject({ region_code: '64.72.08', address, is_anonymous: true });
  });

  it('takes address_id as a Kemendagri region code, and the api_key from the query string', async () => {
    const { api_key, ...form } = base();
    const answer = await postForm(t, 'json', { ...form, address_id: '64.72.01' }, `?api_key=${api_key}`);
    expect(await row(filed(answer, 'json').id)).toMatchObject({ region_code: '64.72.01' });
  });

  it('sets the type, title, incident date, anonymity and confidentiality from the attributes', async () => {
    const answer = await postForm(t, 'json', {
      ...base(),
      address_id: '64.72',
      first_name: 'Budi',
      'attribute[report_type]': 'aspiration',
      'attribute[title]': 'Usul trotoar di Jalan Juanda',
      // 23:30 on 6 December in Samarinda (WITA) is still 6 December there.
      'attribute[incident_date]': '2026-12-06T23:30:00+08:00',
      'attribute[is_anonymous]': 'true',
      'attribute[is_confidential]': 'true',
      media_url: 'https://foto.example.id/lubang.jpg',
    });
    expect(await row(filed(answer, 'json').id)).toMatchObject({
      type: 'aspiration',
      title: 'Usul trotoar di Jalan Juanda',
      incident_date: '2026-12-06',
      is_anonymous: true,
      is_confidential: true,
      body: `${DESCRIPTION}\n\nMedia: https://foto.example.id/lubang.jpg`,
    });
  });

  it('applies the same intake rules: an incident in the future is refused, nothing written', async () => {
    const before = (await t.deps.db.execute(sql`select count(*)::int as n from reports`)).rows[0]!.n;
    const answer = await postForm(t, 'xml', {
      ...base(),
      address_id: '64.72',
      'attribute[incident_date]': '2026-12-09',
    });
    expect(failed(answer, 'xml', 400)).toEqual([
      expect.stringMatching(/^attribute\[incident_date\]: Tanggal kejadian tidak boleh di masa depan/),
    ]);
    expect((await t.deps.db.execute(sql`select count(*)::int as n from reports`)).rows[0]!.n).toBe(before);
  });
});
