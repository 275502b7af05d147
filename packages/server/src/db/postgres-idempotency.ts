/**
 * Idempotency keys: the idempotency port over SQL (ADR 0012). A filing stores its key's answer in its own statement
 * (intake-statements.ts); every other POST begins, then completes or releases, its row here.
 */
import type { IdempotencyKeys, IdempotencyRecord } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { createBatcher } from './intake-batch';
import { type Db, statementConcurrency } from './open';
import { prepared } from './prepared';

type Row = Record<string, unknown>;

const leaseEnd = (ms: number) => sql`clock_timestamp() + make_interval(secs => ${ms / 1000})`;

// The two statements every keyed request makes, as prepared statements written in batches (group commit, as
// intake's): under load one statement and one commit serve many requests, each still answered on its own row.
const BEGIN_MANY = prepared<'rows'>(
  'idempotency_begin_many',
  (p) => `
  insert into idempotency_keys (scope, key, fingerprint, state, owner, locked_until)
  select x.scope, x.key, x.fingerprint, 'running', x.owner, clock_timestamp() + make_interval(secs => x.secs)
  from jsonb_to_recordset(${p('rows')}::jsonb) as x(scope text, key text, fingerprint text, owner uuid, secs float8)
  on conflict do nothing
  returning owner::text as owner`,
);
const COMPLETE_MANY = prepared<'rows'>(
  'idempotency_complete_many',
  (p) => `
  update idempotency_keys k set state = 'done', status = x.status, headers = x.headers, body = x.body
  from jsonb_to_recordset(${p('rows')}::jsonb) as x(scope text, key text, owner uuid, status int, headers jsonb,
    body text)
  where k.scope = x.scope and k.key = x.key and k.owner = x.owner and k.state = 'running'
  returning k.owner::text as owner`,
);

/** A batcher of one of those statements: each row's answer is whether the statement returned its owner. */
function ownerBatcher<V extends { owner: string }>(db: Db, run: typeof BEGIN_MANY) {
  const many = async (rows: V[]) => {
    const done = new Set((await run(db, { rows: JSON.stringify(rows) })).map((r) => String(r.owner)));
    return rows.map((r) => done.has(r.owner));
  };
  return createBatcher<V, boolean>(async (row) => (await many([row]))[0]!, many, statementConcurrency(db));
}

function recordOf(r: Row): IdempotencyRecord {
  const fingerprint = String(r.fingerprint);
  if (r.state === 'running') return { state: 'running', fingerprint, leaseExpired: r.expired === true };
  return {
    state: 'done',
    fingerprint,
    answer: {
      status: Number(r.status),
      headers: (r.headers ?? {}) as Record<string, string>,
      body: String(r.body),
    },
  };
}

/** The idempotency-keys port: leases on the database's clock, so that every process agrees when one expired. */
export function postgresIdempotencyKeys(db: Db): IdempotencyKeys {
  type Begin = { scope: string; key: string; fingerprint: string; owner: string; secs: number };
  type Complete = {
    scope: string;
    key: string;
    owner: string;
    status: number;
    headers: object;
    body: string;
  };
  const begins = ownerBatcher<Begin>(db, BEGIN_MANY);
  const completes = ownerBatcher<Complete>(db, COMPLETE_MANY);
  return {
    begin: ({ scope, key, owner }, fingerprint, leaseMs) =>
      begins.run({ scope, key, fingerprint, owner, secs: leaseMs / 1000 }),
    async find(scope, key) {
      const res = await db.execute(sql`
        select fingerprint, state, status, headers, body, locked_until <= clock_timestamp() as expired
        from idempotency_keys where scope = ${scope} and key = ${key}`);
      const row = res.rows[0] as Row | undefined;
      return row ? recordOf(row) : null;
    },
    async takeOver({ scope, key, owner }, fingerprint, leaseMs) {
      const res = await db.execute(sql`
        update idempotency_keys set owner = ${owner}, locked_until = ${leaseEnd(leaseMs)}
        where scope = ${scope} and key = ${key} and fingerprint = ${fingerprint} and state = 'running'
          and locked_until <= clock_timestamp()
        returning 1 as ok`);
      return res.rows.length === 1;
    },
    complete: ({ scope, key, owner }, answer) =>
      completes.run({ scope, key, owner, status: answer.status, headers: answer.headers, body: answer.body }),
    async store({ scope, key, owner }, fingerprint, answer) {
      const res = await db.execute(sql`
        insert into idempotency_keys (scope, key, fingerprint, state, owner, locked_until, status, headers, body)
        values (${scope}, ${key}, ${fingerprint}, 'done', ${owner}, clock_timestamp(), ${answer.status},
          ${JSON.stringify(answer.headers)}::jsonb, ${answer.body})
        on conflict do nothing
        returning 1 as ok`);
      return res.rows.length === 1;
    },
    async release({ scope, key, owner }) {
      await db.execute(sql`
        delete from idempotency_keys
        where scope = ${scope} and key = ${key} and owner = ${owner} and state = 'running'`);
    },
    async forgetOlderThan(ageMs) {
      const res = await db.execute(sql`
        delete from idempotency_keys where created_at < now() - make_interval(secs => ${ageMs / 1000})
        returning 1 as ok`);
      return res.rows.length;
    },
  };
}
