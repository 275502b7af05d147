/**
 * Whole lifecycles over HTTP — file → verify → acknowledge → follow up → accept — by 12 workers, over 12
 * institutions and all at one; against the same rows written by plain SQL, one transaction per step, into empty
 * copies of the tables (paths-raw.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { CpuShares } from './cpu';
import type { BenchAccount } from './gen-accounts';
import { prng } from './gen-random';
import { reportText } from './gen-text';
import { postJson, type Session, signIn } from './http-session';
import { brief, captureStatements, waves } from './paths-capture';
import { busyNote, meter, ms, type PathsContext, per, type Row, sleep, times, withCpu } from './paths-common';
import { percentile } from './paths-load';
import { dropRaw, makeRaw, withClient } from './paths-raw';

const LIFECYCLE = { spread: 150, one: 60 };
const WORKERS = 12;
const STEPS = ['file', 'verify', 'acknowledge', 'post_follow_up', 'accept'] as const;

/** Sign-in, retried while better-auth's rate limit answers 429. */
async function session(url: string, a: BenchAccount, password: string): Promise<Session> {
  for (let i = 0; ; i++) {
    try {
      return await signIn(url, a.email, password);
    } catch (err) {
      if (i > 10 || !String(err).includes(': 429')) throw err;
      await sleep(3000);
    }
  }
}

interface Crew {
  institutionId: number;
  regionCode: string;
  coordinator: Session;
  liaison: Session;
}

/** Sends one step's POST; the JSON answer, or null when it failed. */
type Send = (
  step: (typeof STEPS)[number],
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string>,
) => Promise<Record<string, unknown> | null>;

/** One lifecycle by `crew`, each step through `send`; true when all five passed. */
async function oneLifecycle(
  ctx: PathsContext,
  crew: Crew,
  categories: number[],
  w: number,
  n: number,
  rnd: () => number,
  send: Send,
): Promise<boolean> {
  const text = reportText(rnd, n);
  const tag = `${w}-${n}`;
  const filed = await send(
    'file',
    `${ctx.server.url}/api/v1/reports`,
    {
      type: 'complaint',
      title: text.title,
      body: `${text.body} (bench ${tag})`,
      incidentDate: new Date().toISOString().slice(0, 10),
      location: { regionCode: crew.regionCode },
      categoryId: categories[n % categories.length],
      institutionId: crew.institutionId,
      isAnonymous: false,
      isConfidential: false,
      reporter: { name: 'Pelapor Bench', email: `bench.${tag}@contoh.id` },
      language: 'id',
    },
    {},
  );
  if (!filed) return false;
  const url = `${ctx.server.url}/api/v1/reports/${filed.trackingId}/actions`;
  return Boolean(
    (await send(
      'verify',
      url,
      { action: 'verify', targets: [crew.institutionId] },
      crew.coordinator.headers,
    )) &&
      (await send(
        'acknowledge',
        url,
        { action: 'acknowledge', complexity: 'simple', message: 'Laporan diterima.' },
        crew.liaison.headers,
      )) &&
      (await send(
        'post_follow_up',
        url,
        { action: 'post_follow_up', message: `Sudah diperbaiki (${filed.trackingId}).` },
        crew.liaison.headers,
      )) &&
      (await send(
        'accept',
        url,
        { action: 'accept', rating: 5 },
        { 'x-access-code': String(filed.accessCode) },
      )),
  );
}

/**
 * One lifecycle through the server's SQL tap: per step, the statements it sent, in how many round trips (waves),
 * and their time in PostgreSQL as the server saw it — where a step's cost goes.
 */
async function traceLifecycle(ctx: PathsContext, crew: Crew, categories: number[]): Promise<string[]> {
  const lines: string[] = [];
  const traced: Send = async (step, url, body, headers) => {
    let out: Record<string, unknown> | null = null;
    const { all } = await captureStatements(ctx.tap, async (tap) => {
      const res = await postJson(url, body, { ...headers, ...tap });
      if (res.status === 200 || res.status === 201) out = res.json;
      else lines.push(`${step}: ${res.status} ${res.text.slice(0, 200)}`);
    });
    const sqlMs = all.reduce((t, s) => t + ((s.end ?? 0) - (s.start ?? 0)), 0);
    lines.push(`${step}: ${all.length} statements in ${waves(all).length} round trips, ${ms(sqlMs)} in SQL`);
    for (const s of all) lines.push(`    ${((s.end ?? 0) - (s.start ?? 0)).toFixed(2)} ms  ${brief(s)}`);
    return out;
  };
  await oneLifecycle(ctx, crew, categories, 99, 0, prng(1), traced);
  return lines;
}

/** `crews[i % n]` for worker i: lifecycles completed per second and each step's latencies. */
async function pintuLifecycles(
  ctx: PathsContext,
  crews: readonly Crew[],
  categories: number[],
  seconds: number,
) {
  const steps: Record<string, number[]> = Object.fromEntries(STEPS.map((s) => [s, []]));
  let done = 0;
  let failures = 0;
  let sample = '';
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      const crew = crews[w % crews.length]!;
      const rnd = prng(w * 7919 + Date.now());
      const timed: Send = async (step, url, body, headers) => {
        const t0 = performance.now();
        const res = await postJson(url, body, headers);
        if (res.status !== 200 && res.status !== 201) {
          failures++;
          sample ||= `${step}: ${res.status} ${res.text.slice(0, 200)}`;
          return null;
        }
        steps[step]!.push(performance.now() - t0);
        return res.json;
      };
      for (let n = 0; performance.now() < end; n++) {
        const ok = await oneLifecycle(ctx, crew, categories, w, n, rnd, timed);
        if (ok) done++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const p99 = Object.fromEntries(
    STEPS.map((s) => [
      s,
      percentile(
        steps[s]!.sort((a, b) => a - b),
        99,
      ),
    ]),
  );
  return { rate: done / elapsed, done, p99, failures, sample };
}

/** The same rows by plain SQL: the report and its first event, then per step an event and the report updated. */
async function rawLifecycles(ctx: PathsContext, institutionIds: number[], seconds: number) {
  const url = ctx.g.databaseUrl;
  const states = await withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const s of ['submitted', 'dispositioned', 'in_progress', 'awaiting_reporter', 'resolved'])
      out[s] = JSON.stringify(
        (await c.query('select lifecycle from reports where status = $1 limit 1', [s])).rows[0].lifecycle,
      );
    return out;
  });
  const file = `with r as (insert into bench_raw_reports (tracking_id, type, title, body, incident_date, region_code,
      category_id, requested_institution_id, institution_id, status, due_at, lifecycle, is_anonymous, is_confidential,
      channel, language, reporter_sealed, access_code_hash, created_at, updated_at)
    values ($1, 'complaint', $2, $3, current_date, '35.78', $4, $5, $5, 'submitted', now() + interval '3 days',
      $6::jsonb, false, false, 'web', 'id', $7, $8, now(), now()) returning id)
    insert into bench_raw_events (report_id, seq, action, actor_role, at, to_status, payload, hash)
    select id, 1, 'submitted', 'guest', now(), 'submitted', '{"channel":"web","queue":"institution"}', $9 from r
    returning report_id as id`;
  const step = `with e as (insert into bench_raw_events (report_id, seq, action, actor_id, actor_role, institution_id,
      at, from_status, to_status, payload, prev_hash, hash)
    values ($1, $2, $3, $4, $5, $6, now(), $7, $8, $9::jsonb, $10, $11))
    update bench_raw_reports set status = $8, institution_id = $6, due_at = now() + interval '3 days',
      lifecycle = $12::jsonb, updated_at = now() where id = $1`;
  const path = [
    ['verify', 'coordinator', 'submitted', 'dispositioned'],
    ['acknowledge', 'liaison_officer', 'dispositioned', 'in_progress'],
    ['post_follow_up', 'liaison_officer', 'in_progress', 'awaiting_reporter'],
    ['accept', 'guest', 'awaiting_reporter', 'resolved'],
  ] as const;
  const hex = () => randomBytes(32).toString('hex');
  let done = 0;
  const clients = await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const cpuMeter = meter(ctx);
  let cpu: CpuShares | null = null;
  cpuMeter.start();
  const started = performance.now();
  const end = started + seconds * 1000;
  try {
    await Promise.all(
      clients.map(async (c, w) => {
        const inst = institutionIds[w % institutionIds.length]!;
        for (let n = 0; performance.now() < end; n++) {
          const t = reportText(prng(n), n);
          const id = (
            await c.query(file, [
              `RAW-${w}-${n}-${hex().slice(0, 8)}`,
              t.title,
              t.body,
              1,
              inst,
              states.submitted,
              hex(),
              hex(),
              hex(),
            ])
          ).rows[0].id;
          let prev = hex();
          for (const [i, [action, role, from, to]] of path.entries()) {
            const hash = hex();
            await c.query(step, [
              id,
              i + 2,
              action,
              role === 'guest' ? null : `bench-${role}`,
              role,
              role === 'guest' ? null : inst,
              from,
              to,
              '{"message":"Sudah diperbaiki."}',
              prev,
              hash,
              states[to],
            ]);
            prev = hash;
          }
          done++;
        }
      }),
    );
  } finally {
    cpu = cpuMeter.stop();
    await Promise.all(clients.map((c) => c.end().catch(() => {})));
  }
  return { rate: done / ((performance.now() - started) / 1000), done, cpu };
}

export async function lifecyclePaths(ctx: PathsContext): Promise<Row[]> {
  const { g } = ctx;
  const categories = await withClient(g.databaseUrl, async (c) =>
    (await c.query('select id from categories where parent_id is not null order by id limit 40')).rows.map(
      (r) => Number(r.id),
    ),
  );
  const regionOf = (id: number) =>
    withClient(g.databaseUrl, async (c) =>
      String((await c.query('select region_code from institutions where id = $1', [id])).rows[0].region_code),
    );
  const spread: Crew[] = [];
  for (const s of g.accounts.spread)
    spread.push({
      institutionId: s.institutionId,
      regionCode: await regionOf(s.institutionId),
      coordinator: await session(ctx.server.url, s.coordinator, g.password),
      liaison: await session(ctx.server.url, s.liaison, g.password),
    });
  const one: Crew = {
    institutionId: g.bigId,
    regionCode: await regionOf(g.bigId),
    coordinator: await session(ctx.server.url, g.accounts.big.coordinator, g.password),
    liaison: await session(ctx.server.url, g.accounts.big.liaison_officer, g.password),
  };
  for (const line of await traceLifecycle(ctx, one, categories)) ctx.log(`  ${line}`);
  await makeRaw(g.databaseUrl);
  const rows: Row[] = [];
  try {
    for (const [label, crews, budget] of [
      [`lifecycles, ${WORKERS} workers over ${spread.length} institutions`, spread, LIFECYCLE.spread],
      [`lifecycles, ${WORKERS} workers at one institution`, [one], LIFECYCLE.one],
    ] as const) {
      await pintuLifecycles(ctx, crews, categories, ctx.warmup);
      const { value: pintu, cpu } = await withCpu(ctx, () =>
        pintuLifecycles(ctx, crews, categories, ctx.seconds),
      );
      const raw = await rawLifecycles(
        ctx,
        crews.map((c) => c.institutionId),
        ctx.seconds,
      );
      rows.push({
        path: label,
        pintu: `${pintu.rate.toFixed(1)}/s, step p99 ${ms(Math.max(...Object.values(pintu.p99)))}`,
        budget: `≥ ${budget}/s`,
        raw: `${per(raw.rate)} (5 plain transactions each)`,
        ratio: times(pintu.rate / raw.rate),
        pass: pintu.rate >= budget && !pintu.failures,
        cpu,
        notes: [
          `step p99: ${STEPS.map((s) => `${s} ${ms(pintu.p99[s]!)}`).join(', ')}; ${pintu.done} lifecycles, raw ${raw.done}`,
          ...(pintu.failures ? [`${pintu.failures} failed steps, e.g. ${pintu.sample}`] : []),
          ...busyNote('during the raw run', raw.cpu),
        ],
      });
    }
  } finally {
    await dropRaw(g.databaseUrl);
  }
  return rows;
}
