/**
 * Idempotency-Key on every POST (issue 12 §3; draft-ietf-httpapi-idempotency-key-header; ADR 0012), on PGlite and
 * PostgreSQL: one report for 50 concurrent sends of a key, the mismatch and length problems, 5xx not replayed,
 * callers kept apart, a retry racing the first, and a process killed right after a filing's commit.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetIdempotencyKeys } from '../../src/app/idempotency/forget-idempotency-keys';
import { fileReportWithKey } from '../../src/app/reports/file-report';
import { createApp } from '../../src/http/app';
import { ReportInput } from '../../src/http/reports/reports.schema';
import { jpegWithGps, refIds, reportInput, uploadForm } from '../support/fixtures';
import { bearer, createKey, registerApp } from '../support/integration-fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app';
import { ENGINES } from '../support/test-db';

type App = ReturnType<typeof createApp>;

describe.each(ENGINES)('Idempotency-Key (%s)', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let n = 0;
  /** A report body whose title no other test uses, so its rows can be counted. */
  const uniqueInput = (over: Record<string, unknown> = {}) =>
    reportInput(ids.roads, { title: `Jalan rusak nomor ${++n} ${engine} di Samarinda`, ...over });

  const send = async (app: App, body: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    app.request('/api/v1/reports', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const countTitled = async (title: string) =>
    Number(
      (await t.deps.db.execute(sql`select count(*)::int as n from reports where title = ${title}`)).rows[0]!
        .n,
    );
  const keyRows = async (key: string) =>
    Number(
      (await t.deps.db.execute(sql`select count(*)::int as n from idempotency_keys where key = ${key}`))
        .rows[0]!.n,
    );

  beforeAll(async () => {
    t = await startTestApp({ engine });
    ids = await refIds(t.deps.db);
  });
  afterAll(() => t.close());

  it('the same key sent 50 times at once files one report; every answer has its trackingId and status', async () => {
    const input = uniqueInput();
    const key = `fifty-${engine}`;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => send(t.app, input, { 'idempotency-key': key })),
    );
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<Record<string, unknown>>));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(bodies.map((b) => b.trackingId)).size).toBe(1);
    // The whole first answer, access code included, to every one of them.
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(new Set(answers.map((r) => r.headers.get('location'))).size).toBe(1);
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(49);
    expect(await countTitled(input.title)).toBe(1);
    // The stored answer is sealed: the access code, shown once, is not readable in the table.
    const stored = await t.deps.db.execute(sql`select body from idempotency_keys where key = ${key}`);
    expect(String(stored.rows[0]!.body)).not.toContain(String(bodies[0]!.accessCode));
  });

  it('a later retry gets the first answer again, whatever the JSON key order or spacing', async () => {
    const input = uniqueInput();
    const first = await send(t.app, input, { 'idempotency-key': '"retry-later"' });
    expect(first.status).toBe(201);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(input).reverse()), null, 2);
    // The draft's structured-field form ("…") and the bare token are the same key.
    const again = await send(t.app, reordered, { 'idempotency-key': 'retry-later' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/application\/json/);
    expect(await again.json()).toEqual(await first.json());
    expect(await countTitled(input.title)).toBe(1);
  });

  it('the same key with another body is a 422 naming the header, and files nothing', async () => {
    const input = uniqueInput();
    expect((await send(t.app, input, { 'idempotency-key': 'mismatch' })).status).toBe(201);
    const other = uniqueInput();
    const res = await send(t.app, other, { 'idempotency-key': 'mismatch' });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const body = await res.json();
    expect(body.errors).toEqual([
      { field: 'Idempotency-Key', code: 'idempotency_key_mismatch', message: expect.any(String) },
    ]);
    expect(await countTitled(other.title)).toBe(0);
  });

  it('a key over 255 characters, or empty, is a 400 naming the header; nothing is stored or filed', async () => {
    const long = 'k'.repeat(256);
    const input = uniqueInput();
    const res = await send(t.app, input, { 'idempotency-key': long });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({
      field: 'Idempotency-Key',
      code: 'idempotency_key_too_long',
    });
    const empty = await send(t.app, input, { 'idempotency-key': '""' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors[0]).toMatchObject({
      field: 'Idempotency-Key',
      code: 'idempotency_key_empty',
    });
    expect(await keyRows(long)).toBe(0);
    expect(await countTitled(input.title)).toBe(0);
    // 255 is allowed.
    expect((await send(t.app, input, { 'idempotency-key': 'k'.repeat(255) })).status).toBe(201);
  });

  it('a 5xx answer is not stored: the retry runs again and files the report', async () => {
    const input = uniqueInput();
    const reports = t.deps.reports;
    const real = reports.fileIfValid;
    reports.fileIfValid = async () => {
      throw new Error('database went away');
    };
    let failed: Response;
    try {
      failed = await send(t.app, input, { 'idempotency-key': 'five-hundred' });
    } finally {
      reports.fileIfValid = real;
    }
    expect(failed.status).toBe(500);
    expect(await keyRows('five-hundred')).toBe(0);
    const retry = await send(t.app, input, { 'idempotency-key': 'five-hundred' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await countTitled(input.title)).toBe(1);
  });

  it('keeps callers apart: two bearer tokens, a citizen and a guest with one key each get their own report', async () => {
    const input = uniqueInput();
    const citizen = await signInAs(t, { role: 'citizen' });
    // Two API keys of one app (ADR 0012): a key is its own caller.
    const developer = (await signInAs(t, { role: 'developer', institutionId: ids.samarinda })).headers;
    const app = await registerApp(t, developer, ids.samarinda, `idem-${engine}`);
    const keys = [await createKey(t, developer, app.id), await createKey(t, developer, app.id)];
    const callers: Record<string, string>[] = [
      bearer(keys[0]!.key),
      bearer(keys[1]!.key),
      citizen.headers,
      {},
    ];
    const answers = [];
    for (const headers of callers) {
      const res = await send(t.app, input, { ...headers, 'idempotency-key': 'shared-key' });
      expect(res.status).toBe(201);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
      answers.push(await res.json());
    }
    expect(new Set(answers.map((a) => a.trackingId)).size).toBe(4);
    expect(await countTitled(input.title)).toBe(4);
    // Each caller's own retry still gets its own first answer.
    const again = await send(t.app, input, { ...callers[1], 'idempotency-key': 'shared-key' });
    expect((await again.json()).trackingId).toBe(answers[1].trackingId);
  });

  it('a retry racing a first request still running: the answer committed first answers both; one report', async () => {
    const input = uniqueInput();
    const reports = t.deps.reports;
    const real = reports.fileIfValid;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let calls = 0;
    // The first request is held just before its statement; the retry overtakes it and commits.
    reports.fileIfValid = async (...args) => {
      if (++calls === 1) await gate;
      return real(...args);
    };
    try {
      const first = send(t.app, input, { 'idempotency-key': 'race' });
      await new Promise((r) => setTimeout(r, 50));
      const retry = await send(t.app, input, { 'idempotency-key': 'race' });
      expect(retry.status).toBe(201);
      release();
      const held = await first;
      expect(held.status).toBe(201);
      expect(held.headers.get('idempotent-replayed')).toBe('true');
      expect(held.headers.get('location')).toBe(retry.headers.get('location'));
      expect(await held.json()).toEqual(await retry.json());
    } finally {
      reports.fileIfValid = real;
    }
    expect(await countTitled(input.title)).toBe(1);
    expect(await keyRows('race')).toBe(1);
  });

  it('a process killed right after the commit, and a restart: the retry gets the answer written with the report', async () => {
    const input = uniqueInput();
    const real = t.deps.reports.fileIfValid;
    // The filing commits, then the process "dies" before answering: the client sees only a failure.
    const dying = createApp({
      ...t.deps,
      reports: {
        ...t.deps.reports,
        fileIfValid: async (...args) => {
          await real(...args);
          throw new Error('killed');
        },
      },
    });
    expect((await send(dying, input, { 'idempotency-key': 'crash' })).status).toBe(500);
    expect(await countTitled(input.title)).toBe(1);

    const restarted = createApp(t.deps);
    const retry = await send(restarted, input, { 'idempotency-key': 'crash' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const body = await retry.json();
    const stored = await t.deps.db.execute(
      sql`select tracking_id as "trackingId" from reports where title = ${input.title}`,
    );
    expect(body).toMatchObject({ trackingId: stored.rows[0]!.trackingId, status: 'submitted' });
    expect(await countTitled(input.title)).toBe(1);
    // The access code of the answer nobody saw is the report's: it opens the reporter's view.
    const own = await (
      await t.get(`/api/v1/reports/${body.trackingId}`, { 'x-access-code': body.accessCode })
    ).json();
    expect(own.view).toBe('reporter');
  });

  it('the database writes one report per key: a second run of the use case writes nothing and is told so', async () => {
    const input = ReportInput.parse(uniqueInput({ institutionId: ids.samarinda }));
    const filer = { kind: 'guest', channel: 'web' } as const;
    const env = { ...t.deps, now: new Date('2024-06-03T02:00:00Z') };
    const keyed = () => ({
      lease: { scope: `anon:/test/${engine}`, key: 'twice', owner: crypto.randomUUID() },
      fingerprint: 'fp',
      answerOf: () => ({ status: 201, headers: {}, body: 'sealed elsewhere' }),
    });
    const first = await fileReportWithKey(env, input, filer, keyed());
    expect(first).toMatchObject({ queue: 'institution' });
    // Whatever else the retry says, the key decides: nothing is written.
    expect(await fileReportWithKey(env, input, filer, keyed())).toBeNull();
    expect(await fileReportWithKey(env, { ...input, institutionId: undefined }, filer, keyed())).toBeNull();
    expect(await countTitled(input.title)).toBe(1);
  });

  it('keys are kept 24 hours and then forgotten', async () => {
    await send(t.app, uniqueInput(), { 'idempotency-key': 'old' });
    await send(t.app, uniqueInput(), { 'idempotency-key': 'young' });
    await t.deps.db.execute(
      sql`update idempotency_keys set created_at = now() - interval '24 hours 1 minute' where key = 'old'`,
    );
    await t.deps.db.execute(
      sql`update idempotency_keys set created_at = now() - interval '23 hours 59 minutes' where key = 'young'`,
    );
    expect(await forgetIdempotencyKeys(t.deps)).toBeGreaterThanOrEqual(1);
    expect(await keyRows('old')).toBe(0);
    expect(await keyRows('young')).toBe(1);
  });

  it('any POST: an upload sent again (a new multipart boundary) gets the first attachment, stored once', async () => {
    const jpeg = await jpegWithGps();
    const attachments = async () =>
      Number((await t.deps.db.execute(sql`select count(*)::int as n from attachments`)).rows[0]!.n);
    const before = await attachments();
    const upload = (bytes: Uint8Array) =>
      t.app.request('/api/v1/attachments', {
        method: 'POST',
        body: uploadForm(bytes, 'jalan.jpg', 'image/jpeg'),
        headers: { 'idempotency-key': `upload-${engine}` },
      });
    const first = await upload(jpeg);
    expect(first.status).toBe(201);
    const again = await upload(jpeg);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await attachments()).toBe(before + 1);
    // Another file under the same key is another request.
    const other = await upload(new Uint8Array([...jpeg.subarray(0, -2), 0xff, 0xd9]).reverse());
    expect(other.status).toBe(422);
  });

  it('without the header nothing is stored, and GET ignores the header', async () => {
    const before = Number(
      (await t.deps.db.execute(sql`select count(*)::int as n from idempotency_keys`)).rows[0]!.n,
    );
    expect((await send(t.app, uniqueInput())).status).toBe(201);
    expect((await t.get('/api/health', { 'idempotency-key': 'k'.repeat(300) })).status).toBe(200);
    const after = Number(
      (await t.deps.db.execute(sql`select count(*)::int as n from idempotency_keys`)).rows[0]!.n,
    );
    expect(after).toBe(before);
  });
});
