/**
 * Intake through the integration API (issue 12): `POST /api/v1/reports` plain, with an `Idempotency-Key` per
 * request, and with an API key plus an `Idempotency-Key`, against one real server on a fresh database.
 * Budget: each keyed mode files at least 80 % of the plain rate (issue 12, "Must show").
 *
 *   npm run bench:intake-key -- [--engine=postgres|pglite] [--duration=10] [--connections=50] [--warmup=3]
 *                               [--rounds=2] [--only=API] [--cpu-prof=/tmp/prof]
 *
 * The modes take turns (`--rounds` times each, in the same order), so that the growing tables and a shared
 * machine's noise weigh on all of them alike; each mode's rate is its median round. The API-key mode needs the
 * integration routes (POST /api/v1/integration/apps, …/keys) and PostgreSQL (a developer account is created in the
 * database, then signs in and creates the app and key through the API); otherwise it is skipped, saying why.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { argon2id } from '../packages/server/src/auth/password';
import { createAccountCipher } from '../packages/server/src/security/account-cipher';
import { loadDataKey } from '../packages/server/src/security/seal';
import { positiveArg } from './lib/args';
import { cpuSample, cpuShares } from './lib/cpu';
import { fetchReference, type Reference, reportBodies } from './lib/report-bodies';
import {
  type Engine,
  type FreshDatabase,
  freshDatabase,
  type RunningServer,
  startServer,
} from './lib/server-process';

const BUDGET_SHARE = 0.8;
const KEYS_ROUTE = '/api/v1/integration/apps/{appId}/keys';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    // Profiling aids: run only the mode so named, or those whose name contains this text; write the server's CPU
    // profile here.
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
});
if (!['postgres', 'pglite'].includes(args.engine)) {
  console.error(`--engine must be postgres or pglite (got ${args.engine})`);
  process.exit(2);
}
const engine = args.engine as Engine;

const duration = positiveArg('duration', args.duration);
const connections = Math.round(positiveArg('connections', args.connections));
const warmup = positiveArg('warmup', args.warmup);
const rounds = Math.round(positiveArg('rounds', args.rounds));

type Mode = 'plain' | 'plain + Idempotency-Key' | 'API key + Idempotency-Key';

interface Run {
  rate: number;
  /**
   * Server CPU per filed report, µs (the server process and its threads). PostgreSQL's is not shown per mode: its
   * backends come and go between modes (pool idle timeouts), so per-mode sums of their ticks are not sound.
   */
  serverUs: number | null;
  p99: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  unanswered: number;
  statusCodes: string;
}

/** One autocannon run; `headers` are added per request (a fresh Idempotency-Key each time when asked). */
function cannon(
  server: RunningServer,
  database: string | undefined,
  url: string,
  nextBody: () => string,
  seconds: number,
  fixed: Record<string, string>,
  withKey: boolean,
): Promise<Run> {
  const before = cpuSample(server.pid, database);
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/reports',
            headers: { 'content-type': 'application/json', ...fixed },
            setupRequest: (req) => ({
              ...req,
              headers: withKey ? { ...req.headers, 'idempotency-key': randomUUID() } : req.headers,
              body: nextBody(),
            }),
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        const cpu = cpuShares(before, cpuSample(server.pid, database), r.duration);
        const perReport = (share: number | undefined) =>
          share === undefined || r['2xx'] === 0 ? null : ((share / 100) * r.duration * 1e6) / r['2xx'];
        resolve({
          rate: r['2xx'] / r.duration,
          serverUs: perReport(cpu?.server),
          p99: r.latency.p99,
          ok2xx: r['2xx'],
          non2xx: r.non2xx,
          errors: r.errors,
          unanswered: r.requests.sent - r['2xx'] - r.non2xx,
          statusCodes: Object.entries(r.statusCodeStats ?? {})
            .map(([code, s]) => `${code}×${s.count ?? 0}`)
            .join(' '),
        });
      },
    );
  });
}

/** Whether the running server has the integration API's key routes (its OpenAPI document names them). */
async function hasKeyRoutes(base: string): Promise<boolean> {
  const res = await fetch(`${base}/api/openapi.json`);
  if (!res.ok) return false;
  const doc = (await res.json()) as { paths?: Record<string, unknown> };
  return Boolean(doc.paths?.[KEYS_ROUTE]);
}

/**
 * A developer of the first regency government, made in the database (the bench database has no accounts), signs
 * in over HTTP and creates an app and a key that may file, through the API as an integrator would.
 */
async function createApiKey(fresh: FreshDatabase, server: RunningServer, ref: Reference): Promise<string> {
  const databaseUrl = fresh.env.DATABASE_URL!;
  const institutionId = ref.institutions[0]!.id;
  const userId = `bench${randomBytes(8).toString('hex')}`;
  const email = `developer.${userId}@pintu.test`;
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const cipher = createAccountCipher(loadDataKey(undefined, fresh.env.DATA_DIR!));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into users (id, name, email, email_sealed, email_verified, language, must_change_password, created_at,
         updated_at)
       values ($1, 'Bench Developer', $2, $3, true, 'id', false, now(), now())`,
      // Sealed and indexed with the server's own key, as the server writes accounts (issue 16 §6).
      [userId, cipher.indexEmail(email), cipher.seal(email)],
    );
    await client.query(
      `insert into accounts (id, account_id, provider_id, user_id, password, created_at, updated_at)
       values ($1, $2, 'credential', $2, $3, now(), now())`,
      [`acc${userId}`, userId, await argon2id.hash(password)],
    );
    await client.query(
      `insert into role_grants (user_id, role, institution_id) values ($1, 'developer', $2)`,
      [userId, institutionId],
    );
    await client.query('commit');
  } finally {
    await client.end();
  }
  // The server's public URL is http://localhost:PORT unless PUBLIC_URL says otherwise: its trusted origin.
  const origin = process.env.PUBLIC_URL ?? `http://localhost:${new URL(server.url).port}`;
  const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const app = await post('/api/v1/integration/apps', {
    name: 'Bench regional app',
    slug: 'bench-app',
    institutionId,
    contactName: 'Bench',
    contactEmail: 'bench@pintu.test',
  });
  const key = await post(`/api/v1/integration/apps/${String(app.id)}/keys`, {
    name: 'bench',
    permissions: ['reports:file'],
    rateLimit: 100_000,
  });
  return String(key.key);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<number> {
  const fresh = await freshDatabase(engine);
  let server: RunningServer | null = null;
  const stopAll = async () => {
    await server?.stop().catch(() => {});
    await fresh.cleanup().catch(() => {});
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void stopAll().finally(() => process.exit(130)));
  try {
    console.log(`[${engine}] starting the server on a fresh database (seeding reference data)…`);
    const cpuProf = args['cpu-prof'];
    server = await startServer({
      env: fresh.env,
      nodeFlags: cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${cpuProf}`] : [],
    });
    const ref = await fetchReference(server.url);
    const nextBody = reportBodies(ref);

    const modes: { mode: Mode; headers: Record<string, string>; withKey: boolean }[] = [
      { mode: 'plain', headers: {}, withKey: false },
      { mode: 'plain + Idempotency-Key', headers: {}, withKey: true },
    ];
    let skipped: string | null = null;
    if (!(await hasKeyRoutes(server.url)))
      skipped = `the server has no ${KEYS_ROUTE} (API keys are not built yet)`;
    else if (engine !== 'postgres')
      skipped = 'creating the developer account needs PostgreSQL (PGlite is held by the server)';
    else {
      const key = await createApiKey(fresh, server, ref);
      modes.push({
        mode: 'API key + Idempotency-Key',
        headers: { authorization: `Bearer ${key}` },
        withKey: true,
      });
    }
    if (skipped) console.log(`[${engine}] API-key mode SKIPPED: ${skipped}.`);
    if (args.only) {
      const only = args.only;
      const exact = modes.some((m) => m.mode === only);
      modes.splice(
        0,
        modes.length,
        ...modes.filter((m) => (exact ? m.mode === only : m.mode.includes(only))),
      );
    }

    console.log(
      `[${engine}] warm-up ${warmup} s per mode, then ${rounds} round(s) of ${duration} s per mode`,
    );
    for (const m of modes)
      await cannon(server, fresh.database, server.url, nextBody, warmup, m.headers, m.withKey);
    const runs = new Map<Mode, Run[]>(modes.map((m) => [m.mode, []]));
    for (let r = 0; r < rounds; r++)
      for (const m of modes) {
        const run = await cannon(
          server,
          fresh.database,
          server.url,
          nextBody,
          duration,
          m.headers,
          m.withKey,
        );
        runs.get(m.mode)!.push(run);
        console.log(
          `  round ${r + 1} ${m.mode}: ${run.rate.toFixed(0)}/s, p99 ${run.p99} ms, ${run.statusCodes}` +
            (run.serverUs === null ? '' : `; server CPU ${run.serverUs.toFixed(0)} µs per report`),
        );
      }
    if (!server.running()) throw new Error('the server exited during the run');

    const plain = median((runs.get('plain') ?? []).map((x) => x.rate)); // NaN under --only without plain
    let failed = false;
    console.log(
      `\nPOST /api/v1/reports (${engine}), ${connections} connections, median of ${rounds} round(s):`,
    );
    console.log(`Budget: every keyed mode ≥ ${BUDGET_SHARE * 100} % of plain intake.\n`);
    for (const m of modes) {
      const list = runs.get(m.mode)!;
      const rate = median(list.map((x) => x.rate));
      const share = rate / plain;
      const bad = list.reduce((n, x) => n + x.non2xx + x.errors, 0);
      const verdict =
        m.mode === 'plain'
          ? ''
          : share >= BUDGET_SHARE && !bad
            ? 'PASS'
            : `FAIL${bad ? ` (${bad} non-2xx/errors)` : ''}`;
      if (verdict.startsWith('FAIL')) failed = true;
      console.log(
        `  ${m.mode.padEnd(27)} ${rate.toFixed(0).padStart(6)}/s  ${(share * 100).toFixed(0).padStart(4)} %  ` +
          `p99 ${median(list.map((x) => x.p99))} ms  ${verdict}`,
      );
    }
    if (skipped) console.log(`  ${'API key + Idempotency-Key'.padEnd(27)} skipped: ${skipped}`);
    return failed ? 1 : 0;
  } catch (err) {
    if (server) console.error(`server log:\n${server.logTail()}`);
    throw err;
  } finally {
    await stopAll();
  }
}

process.exitCode = await main();
