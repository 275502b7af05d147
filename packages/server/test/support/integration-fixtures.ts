/** Regional apps and API keys for the integration API tests, made over HTTP as a developer would. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp, TestResponse } from './test-app';

/** The id of a seeded institution by its exact name, e.g. `Pemerintah Kota Balikpapan`. */
export async function institutionNamed(t: TestApp, name: string): Promise<number> {
  const res = await t.deps.db.execute(sql`select id from institutions where name = ${name}`);
  const row = res.rows[0] as { id: number } | undefined;
  if (!row) throw new Error(`no institution named ${name}`);
  return Number(row.id);
}

/** Registers an app as the signed-in developer; returns its JSON. */
export async function registerApp(
  t: TestApp,
  developer: Record<string, string>,
  institutionId: number,
  slug: string,
): Promise<{ id: string; slug: string; name: string; channel: string }> {
  const res = await t.post(
    '/api/v1/integration/apps',
    {
      name: `Aplikasi ${slug}`,
      slug,
      institutionId,
      contactName: 'Tim Diskominfo',
      contactEmail: 'tim@diskominfo.test',
    },
    developer,
  );
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body;
}

/** Creates a key for the app; returns its JSON (with `key`, shown once). */
export async function createKey(
  t: TestApp,
  developer: Record<string, string>,
  appId: string,
  over: Record<string, unknown> = {},
): Promise<{ id: string; key: string; prefix: string; status: string }> {
  const res = await t.post(
    `/api/v1/integration/apps/${appId}/keys`,
    { name: 'produksi', permissions: ['reports:file', 'reports:read', 'reports:act'], ...over },
    developer,
  );
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body;
}

/** The Authorization header of a key. */
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A request with a key (any method), JSON body optional. */
export function withKey(
  t: TestApp,
  key: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TestResponse> {
  return t.app.request(path, {
    method,
    headers: {
      ...bearer(key),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }) as Promise<TestResponse>;
}
