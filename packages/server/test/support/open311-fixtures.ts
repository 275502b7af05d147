/** Calling the Open311 endpoint in API tests: every answer through the GeoReport v2 checker, in both formats. */
import { expect } from 'vitest';
import { type Answer, checkAnswer, SHAPES, type Shape } from './open311-format';
import type { TestApp } from './test-app';

export const BASE = '/open311/v2';
/** The public address the Open311 tests run under: its host (without www.) is the jurisdiction_id. */
export const PUBLIC_URL = 'https://www.pintu.example.id';
export const JURISDICTION = 'pintu.example.id';

/** Every body the endpoint answered in this file, for the privacy scans. */
export const bodies: string[] = [];

export async function call(t: TestApp, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await t.app.request(path, init);
  const text = await res.text();
  bodies.push(text);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
}

/**
 * GETs `path` with `{format}` as .xml and as .json, checks both against `shape` and that they carry the same data
 * (the JSON is the Spark mapping of the XML); returns the status and the JSON value.
 */
export async function both(
  t: TestApp,
  path: string,
  shape: Shape,
): Promise<{ status: number; value: unknown; xml: string }> {
  const xml = await call(t, path.replace('{format}', 'xml'));
  const json = await call(t, path.replace('{format}', 'json'));
  expect(json.status, `${path}: same status in both formats`).toBe(xml.status);
  const fromXml = checkAnswer(shape, 'xml', xml);
  const fromJson = checkAnswer(shape, 'json', json);
  expect(fromXml, `${path}: the XML and the JSON carry the same data`).toEqual(fromJson);
  return { status: json.status, value: fromJson, xml: xml.text };
}

/** Like `both`, for a failure: the status, and the standard's errors array with that code in both formats. */
export async function bothFail(t: TestApp, path: string, status: number): Promise<string[]> {
  const { status: got, value } = await both(t, path, SHAPES.errors);
  const errors = value as { code: number; description: string }[];
  expect(got, `${path}: ${JSON.stringify(errors)}`).toBe(status);
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) expect(e.code).toBe(status);
  return errors.map((e) => e.description);
}

/** POSTs a form (application/x-www-form-urlencoded; repeated keys for arrays) to requests.{format}. */
export function postForm(
  t: TestApp,
  format: string,
  form: Record<string, string | string[] | undefined>,
  query = '',
): Promise<Answer> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form))
    for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) body.append(k, x);
  return call(t, `${BASE}/requests.${format}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: body.toString(),
  });
}

/** A filing's Spark value and its id, after checking the answer in its format. */
export function filed(a: Answer, format: 'xml' | 'json'): { id: string; notice: string } {
  expect(a.status, a.text).toBe(200);
  const [request] = checkAnswer(SHAPES.created, format, a) as Record<string, string>[];
  expect(request!.service_request_id, 'realtime: an id, never a token').toMatch(/^LPR-/);
  expect(request!.token).toBeUndefined();
  return { id: request!.service_request_id!, notice: request!.service_notice! };
}

/** A failed POST: the status, and every error with that code, checked in its format. */
export function failed(a: Answer, format: 'xml' | 'json', status: number): string[] {
  const errors = checkAnswer(SHAPES.errors, format, a) as { code: number; description: string }[];
  expect(a.status, a.text).toBe(status);
  for (const e of errors) expect(e.code).toBe(status);
  return errors.map((e) => e.description);
}
