/**
 * Crash safety (issue 16 §3): the real server, under an intake load of concurrent filings, is killed with SIGKILL;
 * after a restart every report that got a 201 is there and whole — its report row, its first hash-chained event,
 * its stage clock and the reporter's receipt in the outbox. On PostgreSQL and on PGlite.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../../bench/lib/server-process';
import { ENGINES, type Engine } from '../support/test-db';

const WORKERS = 6;
const KILL_AFTER = 120; // acknowledged filings before the kill

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c().catch(() => {});
});

/** A database already holding the reference data (the suite's template), and how to query it once stopped. */
async function prepare(
  engine: Engine,
): Promise<{ env: Record<string, string>; query<T>(text: string, params: unknown[]): Promise<T[]> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `pintu-crash-${engine}-`));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  if (engine === 'pglite') {
    const template = new Blob([readFileSync(process.env.PINTU_PGLITE_TEMPLATE!)]);
    const db = await PGlite.create(join(dataDir, 'pglite'), {
      extensions: { pg_trgm },
      loadDataDir: template,
    });
    await db.close();
    return {
      env: { DATA_DIR: dataDir },
      async query<T>(text: string, params: unknown[]): Promise<T[]> {
        const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: { pg_trgm } });
        try {
          return (await db.query<T>(text, params)).rows;
        } finally {
          await db.close();
        }
      },
    };
  }
  const name = `pintu_test_crash_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${process.env.PINTU_PG_TEMPLATE}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  });
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    async query<T>(text: string, params: unknown[]): Promise<T[]> {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return (await c.query(text, params)).rows as T[];
      } finally {
        await c.end();
      }
    },
  };
}

describe.each(ENGINES)('crash safety on %s', (engine) => {
  it('keeps every acknowledged filing whole across a SIGKILL under load', async () => {
    const db = await prepare(engine);
    let server: RunningServer = await startServer({ env: db.env });
    cleanups.push(() => server.stop());
    type Category = { id: number; code: string; children?: Category[] };
    const tree = ((await (await fetch(`${server.url}/api/v1/categories`)).json()) as { items: Category[] })
      .items;
    const roads = tree
      .flatMap((c) => [c, ...(c.children ?? [])])
      .find((c) => c.code === 'infrastruktur.jalan-kabupaten')!.id;

    const acknowledged: string[] = [];
    let inFlightLost = 0;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const res = await fetch(`${server.url}/api/v1/reports`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'complaint',
              title: `Lampu jalan mati nomor ${w}-${i} di Samarinda`,
              body: 'Lampu penerangan jalan di depan sekolah sudah dua minggu mati dan jalan menjadi gelap sekali.',
              incidentDate: '2024-03-28',
              location: { regionCode: '64.72.01' },
              categoryId: roads,
              isAnonymous: false,
              isConfidential: false,
              reporter: { name: `Pelapor ${w}-${i}`, email: `pelapor.${w}.${i}@example.id` },
            }),
          });
          if (res.status === 201)
            acknowledged.push(((await res.json()) as { trackingId: string }).trackingId);
          else expect(res.status, await res.text()).toBe(201);
        } catch {
          if (killed)
            inFlightLost++; // the connection died with the server: never acknowledged
          else throw new Error('a filing failed before the kill');
        }
      }
    };
    const load = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    while (acknowledged.length < KILL_AFTER) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    process.kill(server.pid!, 'SIGKILL');
    await load;
    const acked = [...acknowledged];

    // Restart on the same data: the server must come up by itself after the crash.
    server = await startServer({ env: db.env });
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    await server.stop();

    const rows = await db.query<{
      tracking_id: string;
      events: number;
      first_seq: number;
      clocks: number;
      outbox: number;
    }>(
      `select r.tracking_id,
         (select count(*)::int from events e where e.report_id = r.id) as events,
         (select min(seq)::int from events e where e.report_id = r.id) as first_seq,
         (select count(*)::int from sla_stage_clocks s where s.report_id = r.id) as clocks,
         (select count(*)::int from notification_outbox o where o.report_id = r.id) as outbox
       from reports r where r.tracking_id = any($1)`,
      [acked],
    );
    const whole = rows.filter((r) => r.events >= 1 && r.first_seq === 1 && r.clocks >= 1 && r.outbox >= 1);
    const lost = acked.length - whole.length;
    console.log(
      `crash safety (${engine}): acknowledged ${acked.length}, present and whole after restart ${whole.length}, ` +
        `lost ${lost}; ${inFlightLost} in flight at the kill (never acknowledged)`,
    );
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(lost).toBe(0);
  }, 600_000);
});
