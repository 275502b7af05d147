/**
 * Every bad Open311 request answered in the standard's error shape (an array of {code, description}, `errors` /
 * `error` in XML) with the HTTP status GeoReport v2 gives it: 404 for what does not exist (service_code,
 * service_request_id, token, another jurisdiction_id), 403 for a missing or wrong api_key, 400 for the rest (bad
 * dates, an unknown format extension, missing or malformed fields, a point outside Indonesia) — nothing written.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds } from '../support/fixtures';
import { createKey, institutionNamed, registerApp } from '../support/integration-fixtures';
import { BASE, bothFail, call, failed, PUBLIC_URL, postForm } from '../support/open311-fixtures';
import { checkAnswer, SHAPES } from '../support/open311-format';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
const keys: Record<'file' | 'readOnly' | 'slow', string> = {} as never;

const valid = () => ({
  api_key: keys.file,
  service_code: 'infrastruktur.jalan-kabupaten',
  description: 'Lampu jalan di depan sekolah mati sejak dua minggu yang lalu, jalan menjadi gelap.',
  lat: '-0.4948',
  long: '117.1436',
});
const reportCount = async () =>
  Number((await t.deps.db.execute(sql`select count(*)::int as n from reports`)).rows[0]!.n);

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-07T02:00:00Z', publicUrl: PUBLIC_URL });
  await refIds(t.deps.db);
  const samarinda = await institutionNamed(t, 'Pemerintah Kota Samarinda');
  const developer = (await signInAs(t, { role: 'developer', institutionId: samarinda })).headers;
  const appId = (await registerApp(t, developer, samarinda, 'sigap-err')).id;
  keys.file = (await createKey(t, developer, appId)).key;
  keys.readOnly = (await createKey(t, developer, appId, { permissions: ['reports:read'] })).key;
  keys.slow = (await createKey(t, developer, appId, { rateLimit: 1 })).key;
});
afterAll(() => t.close());

describe('reads', () => {
  it.each([
    ['another jurisdiction_id', '/services.{format}?jurisdiction_id=kota-lain.go.id', /jurisdiction_id/],
    ['an unknown service definition', '/services/tidak-ada.{format}', /service_code.*tidak-ada/],
    ['an unknown service_code filter', '/requests.{format}?service_code=tidak-ada', /service_code/],
    ['an unknown request', '/requests/LPR-0000-0000-0000.{format}', /service_request_id/],
    ['a request id that is not ours', '/requests/12345.{format}', /service_request_id/],
    ['an unknown token', '/tokens/12345.{format}', /token/],
    ['an unknown resource', '/reports.{format}', /Tidak ada sumber daya/],
    ['a path below a resource', '/services/a/b.{format}', /Tidak ada sumber daya/],
    ['a name of no resource', '/constructor.{format}', /Tidak ada sumber daya/],
  ])('404 for %s', async (_, path, description) => {
    expect((await bothFail(t, `${BASE}${path}`, 404)).join(' ')).toMatch(description);
  });

  it.each([
    ['a date that does not exist', '?start_date=2026-13-01T00:00:00Z', /start_date/],
    ['a date-time without its zone', '?start_date=2026-12-01T00:00:00', /start_date.*zona/],
    ['not a date', '?end_date=kemarin', /end_date/],
    ['more than 90 days', '?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z', /90/],
    ['an end before the start', '?start_date=2026-12-05T00:00:00Z&end_date=2026-12-01T00:00:00Z', /end_date/],
    ['an unknown status', '?status=pending', /status.*open atau closed/],
    ['a malformed service_request_id', '?service_request_id=12345', /service_request_id/],
  ])('400 for %s', async (_, query, description) => {
    expect((await bothFail(t, `${BASE}/requests.{format}${query}`, 400)).join(' ')).toMatch(description);
  });

  it.each([
    '/services.csv',
    '/services',
    '/discovery.html',
    '/requests.XML',
    '/services/infrastruktur.jalan-kabupaten.yaml',
  ])('400 in XML (the required format) for an unknown format extension: %s', async (path) => {
    const a = await call(t, `${BASE}${path}`);
    expect(failed(a, 'xml', 400).join(' ')).toMatch(/Format tidak dikenal/);
  });
});

describe('POST requests', () => {
  const cases: [string, Record<string, string | undefined>, number, RegExp][] = [
    ['no api_key', { api_key: undefined }, 403, /api_key wajib/],
    ['an unknown api_key', { api_key: 'pintu_abcdefghijkl_bukankunci' }, 403, /api_key tidak valid/],
    ['not a key at all', { api_key: 'xyz' }, 403, /api_key tidak valid/],
    ['a key that may not file', { api_key: 'readOnly' }, 403, /reports:file/],
    ['another jurisdiction_id', { jurisdiction_id: 'kota-lain.go.id' }, 404, /jurisdiction_id/],
    ['no service_code', { service_code: undefined }, 400, /service_code wajib/],
    ['an unknown service_code', { service_code: 'tidak-ada' }, 404, /service_code.*tidak-ada/],
    ['no description', { description: undefined }, 400, /description wajib/],
    ['a description too short', { description: 'Gelap.' }, 400, /^description: Deskripsi 30–4000/],
    ['a description over 4,000 characters', { description: 'a'.repeat(4001) }, 400, /^description:/],
    ['no location', { lat: undefined, long: undefined }, 400, /Lokasi wajib/],
    ['lat without long', { long: undefined }, 400, /^long: lat dan long/],
    ['a lat that is not a number', { lat: 'utara' }, 400, /^lat: Bukan angka/],
    ['a point in Paris', { lat: '48.8566', long: '2.3522' }, 400, /^lat: .*outside Indonesia/],
    ['a point in Kuala Lumpur', { lat: '3.139', long: '101.6869' }, 400, /^lat: .*outside Indonesia/],
    [
      'an address naming no region',
      { lat: undefined, long: undefined, address_string: 'Jalan Tanpa Nama' },
      400,
      /^address_string:/,
    ],
    ['an unknown address_id', { address_id: '99.99' }, 400, /^address_id: .*Kemendagri/],
    ['an unknown attribute', { 'attribute[WHISPAWN]': '123456' }, 400, /^attribute\[WHISPAWN\]: Atribut/],
    [
      'an attribute named __proto__',
      { 'attribute[__proto__]': 'x' },
      400,
      /^attribute\[__proto__\]: Atribut/,
    ],
    ['a value not in the list', { 'attribute[report_type]': 'keluhan' }, 400, /^attribute\[report_type\]:/],
    ['an incident date that is no date', { 'attribute[incident_date]': '07/12/2026' }, 400, /incident_date/],
    ['a title too short', { 'attribute[title]': 'Gelap' }, 400, /^attribute\[title\]:/],
    ['a bad e-mail', { email: 'bukan-email' }, 400, /^email:/],
    ['a phone that is not Indonesian', { phone: '+1 555 0100' }, 400, /^phone:/],
    ['a media_url that is not http(s)', { media_url: 'javascript:alert(1)' }, 400, /^media_url:/],
  ];

  it.each(cases)('%s', async (_, over, status, description) => {
    const before = await reportCount();
    for (const format of ['xml', 'json'] as const) {
      const form: Record<string, string | undefined> = { ...valid(), ...over };
      if (form.api_key === 'readOnly') form.api_key = keys.readOnly;
      const errors = failed(await postForm(t, format, form), format, status);
      expect(errors.join('\n'), JSON.stringify(errors)).toMatch(description);
    }
    expect(await reportCount()).toBe(before);
  });

  it('names every problem at once', async () => {
    const errors = failed(
      await postForm(t, 'json', { ...valid(), email: 'x', phone: '1', long: undefined }),
      'json',
      400,
    );
    expect(errors.map((e) => e.split(':')[0])).toEqual(['email', 'phone', 'long']);
  });

  it('400 for a body that is not a form, for an unknown extension; 404 for POST elsewhere', async () => {
    const json = await call(t, `${BASE}/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(valid()),
    });
    expect(failed(json, 'json', 400).join(' ')).toMatch(/x-www-form-urlencoded/);
    expect(failed(await postForm(t, 'csv', valid()), 'xml', 400).join(' ')).toMatch(/Format tidak dikenal/);
    const elsewhere = await call(t, `${BASE}/services.json`, { method: 'POST', body: '' });
    expect(failed(elsewhere, 'json', 404)).toHaveLength(1);
  });

  it('429 with Retry-After over the key’s rate, in the same shape', async () => {
    const first = await postForm(t, 'json', { ...valid(), api_key: keys.slow });
    expect(first.status, first.text).toBe(200);
    const res = await t.app.request(`${BASE}/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...valid(), api_key: keys.slow }).toString(),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const a = {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text: await res.text(),
    };
    expect(checkAnswer(SHAPES.errors, 'xml', a)).toMatchObject([{ code: 429 }]);
  });
});
