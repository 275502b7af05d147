/**
 * What a generated database holds (statuses, shares, the big inbox, search hits) and the proof that the real server
 * starts on it and serves it: a report by tracking id with the access code, staff signed in, their inbox.
 */
import pg from 'pg';
import { hashAccessCode } from '../../packages/server/src/security/ids';
import type { Generated } from './generate';
import { serverEnv } from './generate';
import { getJson, signIn } from './http-session';
import { startServer } from './server-process';

/** The filing limits and repeat check out of the way: benches file many reports from one address and contact. */
export const BENCH_SERVER_ENV = {
  PINTU_FILING_LIMITS: 'contact=9999999/1,address=9999999/1,citizen=9999999/1,facilitator=9999999/1,repeat=0',
};

export async function describeData(g: Generated): Promise<void> {
  const c = new pg.Client({ connectionString: g.databaseUrl });
  await c.connect();
  try {
    const q = async (text: string, values: unknown[] = []) => (await c.query(text, values)).rows;
    const [s] = await q(`select count(*)::int as n,
        round(100.0 * count(*) filter (where is_confidential) / count(*), 1)::float as confidential,
        round(100.0 * count(*) filter (where is_anonymous) / count(*), 1)::float as anonymous,
        round(100.0 * count(*) filter (where institution_id is null) / count(*), 1)::float as national_queue
      from reports`);
    console.log(
      `\n${s.n.toLocaleString('en')} reports: ${s.confidential}% confidential, ${s.anonymous}% anonymous, ` +
        `${s.national_queue}% in the national queue`,
    );
    const statuses = await q(`select status, count(*)::int as n from reports group by 1 order by 2 desc`);
    console.log(
      `  statuses: ${statuses.map((r) => `${r.status} ${((100 * r.n) / s.n).toFixed(1)}%`).join(', ')}`,
    );
    const [t] = await q(`select (select count(*) from events)::int as events,
        (select count(*) from sla_stage_clocks)::int as clocks, (select count(*) from sla_notices)::int as notices,
        (select count(*) from sla_stage_clocks where next_at <= now())::int as due,
        (select count(*) from stats_report_facts)::int as facts`);
    console.log(
      `  ${t.events.toLocaleString('en')} events, ${t.clocks.toLocaleString('en')} stage clocks ` +
        `(${t.due} due for the sweep now), ${t.notices.toLocaleString('en')} sweep notices, ${t.facts.toLocaleString('en')} facts`,
    );
    const [b] = await q(
      `select i.name, count(*)::int as n from reports r join institutions i on i.id = $1
       where r.status not in ('resolved', 'archived')
         and r.institution_id in (select id from institutions where path @> array[$1::int]) group by 1`,
      [g.bigId],
    );
    console.log(`  ${b?.name}: ${b?.n.toLocaleString('en')} open reports (its inbox with its units)`);
    const words = ['jalan', 'sampah', 'air', 'listrik', 'sekolah', 'puskesmas'];
    const hits = [];
    for (const w of words) {
      const [h] = await q(
        `select count(*)::int as n from reports
        where not is_confidential and tsv @@ websearch_to_tsquery('indonesian', $1)`,
        [w],
      );
      hits.push(`${w} ${((100 * h.n) / s.n).toFixed(0)}%`);
    }
    console.log(`  public search hits (share of all reports): ${hits.join(', ')}`);
    const [a] = await q(`select count(*)::int as n from reports where access_code_hash = $1`, [
      hashAccessCode(g.accessCode),
    ]);
    console.log(`  ${a.n.toLocaleString('en')} reports open with the bench access code ${g.accessCode}`);
  } finally {
    await c.end();
  }
}

/** Starts the real server on the database, reads through it as a reporter and as staff, and checks it stays up. */
export async function smokeCheck(g: Generated): Promise<boolean> {
  console.log('\nstarting the real server on it (packages/server/src/main.ts)…');
  const server = await startServer({ env: { ...serverEnv(g), ...BENCH_SERVER_ENV } });
  try {
    console.log(`  ready in ${server.startSeconds.toFixed(1)} s at ${server.url}`);
    const c = new pg.Client({ connectionString: g.databaseUrl });
    await c.connect();
    const row = (
      await c.query(
        `select tracking_id from reports where access_code_hash = $1 and reporter_sealed is not null
        order by id limit 1`,
        [hashAccessCode(g.accessCode)],
      )
    ).rows[0];
    await c.end();
    const mine = await getJson<{ trackingId: string; status: string; reporter: { name?: string } }>(
      `${server.url}/api/v1/reports/${row.tracking_id}`,
      { 'x-access-code': g.accessCode },
    );
    console.log(
      `  GET /api/v1/reports/${mine.trackingId} with the access code: ${mine.status}, ` +
        `reporter ${mine.reporter.name ? 'shown (reporter view)' : 'NOT shown'}`,
    );
    const checks = [Boolean(mine.reporter.name)];
    for (const a of [g.accounts.admin, g.accounts.big.coordinator, g.accounts.big.liaison_officer]) {
      const s = await signIn(server.url, a.email, g.password);
      const inbox = await getJson<{ counts: Record<string, number> }>(
        `${server.url}/api/v1/inbox`,
        s.headers,
      );
      console.log(`  ${a.email}: signed in; inbox counts ${JSON.stringify(inbox.counts)}`);
    }
    // The server runs its start-up jobs (the catch-up sweep, the stage-clock backfill) next to serving: stay a while.
    await new Promise((r) => setTimeout(r, 15_000));
    checks.push(server.running());
    console.log(`  still running after 15 s: ${server.running() ? 'yes' : 'NO'}`);
    const errors = server
      .logTail(200)
      .split('\n')
      .filter((l) => /error|\[sla\]|refused/i.test(l));
    for (const e of errors.slice(0, 10)) console.log(`  server log: ${e}`);
    checks.push(errors.length === 0);
    const ok = checks.every(Boolean);
    console.log(ok ? '  the server starts cleanly and serves the data: PASS' : '  FAIL');
    return ok;
  } catch (err) {
    console.log(`  FAIL: ${err instanceof Error ? err.message : String(err)}\n${server.logTail(40)}`);
    return false;
  } finally {
    await server.stop();
  }
}
