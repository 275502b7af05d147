/**
 * Issue 13's must-show: the national Pintu and a regional one (LAPOR WAL! Kalimantan Timur) as two processes on two
 * PostgreSQL databases, talking through a TCP proxy this test cuts. 100 reports filed regionally for a ministry go
 * to the national instance, 100 filed nationally for Kota Samarinda go to the regional one, and 10 filed regionally
 * for Samarinda stay there with a copy for the national evaluation. Each side's staff walk their reports through
 * verify → acknowledge → follow-up; reporters accept or reply where they filed. Meanwhile the network is cut and each
 * instance is SIGKILLed once. At the end both copies of every report agree (status, events, hashes, deadlines), the
 * chains verify, nothing is duplicated, the national statistics for Kalimantan Timur equal the regional ones, and
 * the national database holds no identity of an anonymous report filed regionally.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../../../bench/lib/server-process';
import { verifyChain } from '../../src/db/event-chain';
import { pool, query, staffAccount, until, uploadPhoto } from '../support/process-fixtures';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { NO_POSTGRES, postgresOnly } from '../support/test-db';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../../..');
const N = 100;
const url = process.env.TEST_DATABASE_URL;

type Slug = 'nasional' | 'kaltim';
interface Instance {
  slug: Slug;
  name: string;
  db: string;
  dbUrl: string;
  dataDir: string;
  proxy: TcpProxy;
  server: RunningServer | null;
  staff: Record<'coordinator' | 'liaison' | 'admin', { cookie: string; origin: string }>;
}

describe.skipIf(NO_POSTGRES)(
  postgresOnly('federation: a regional and the national Pintu as one system'),
  () => {
    const suffix = randomBytes(4).toString('hex');
    const dir = mkdtempSync(join(tmpdir(), 'pintu-federation-'));
    const inst = {} as Record<Slug, Instance>;
    const ids = {} as { ministry: number; samarinda: number; category: number; kaltimHandles: string[] };

    const envOf = (i: Instance) => ({
      DATABASE_URL: i.dbUrl,
      DATA_DIR: i.dataDir,
      PINTU_INSTANCE: i.slug,
      PINTU_INSTANCE_NAME: i.name,
      PUBLIC_URL: i.proxy.url,
      PINTU_FEDERATION_RETRY_MAX_S: '2',
      DB_POOL_SIZE: '8',
    });
    const cli = (i: Instance, ...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/pintu.ts', ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', ...envOf(i) },
      });
    const start = async (i: Instance) => {
      i.server = await startServer({ env: envOf(i) });
      i.proxy.retarget(Number(new URL(i.server.url).port));
    };
    const kill = async (i: Instance) => {
      process.kill(i.server!.pid!, 'SIGKILL');
      await until(`${i.slug} to die`, async () => !i.server!.running(), 10_000);
    };

    async function call(
      i: Instance,
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: unknown,
    ) {
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await fetch(`${i.server!.url}${path}`, {
            method,
            headers: { 'content-type': 'application/json', ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await res.text();
          return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
        } catch (err) {
          if (attempt > 100) throw err; // the instance is restarting: try again shortly
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    }

    const staff = (i: Instance, role: string, institutionId: number | null) =>
      staffAccount(
        { dbUrl: i.dbUrl, url: i.server!.url, origin: i.proxy.url, dataDir: i.dataDir },
        role,
        institutionId,
      );

    beforeAll(async () => {
      for (const [slug, name] of [
        ['nasional', 'SP4N-LAPOR! (Pintu nasional)'],
        ['kaltim', 'LAPOR WAL! Kalimantan Timur'],
      ] as const) {
        const db = `pintu_test_fed_${slug}_${suffix}`;
        await query(url!, `create database ${db} template ${process.env.PINTU_PG_TEMPLATE}`);
        const target = new URL(url!);
        target.pathname = `/${db}`;
        inst[slug] = {
          slug,
          name,
          db,
          dbUrl: target.toString(),
          dataDir: join(dir, slug),
          proxy: await startTcpProxy(1), // retargeted once the server is up
          server: null,
          staff: {} as Instance['staff'],
        };
      }
      const ref = await query<{ ministry: number; samarinda: number; category: number; handles: string[] }>(
        inst.nasional.dbUrl,
        `select (select id from institutions where code = 'kemenpu') as ministry,
        (select id from institutions where code = 'pemda-64.72') as samarinda,
        (select id from categories where code = 'infrastruktur.jalan-kabupaten') as category,
        (select array_agg(code order by code) from institutions
          where code = 'pemprov-64' or code like 'pemda-64.__') as handles`,
      );
      Object.assign(ids, { ...ref[0]!, kaltimHandles: ref[0]!.handles });
      expect(ids.ministry, 'a ministry to file to').toBeTruthy();
      expect(ids.kaltimHandles).toHaveLength(11); // the province and its 10 regencies and cities

      // The operators' exchange of keys, both sides (issue 13 §1).
      const fingerprintOf = (stderr: string) => /fingerprint \(\w+\): ([0-9a-f ]+)/.exec(stderr)![1]!.trim();
      const k = await cli(inst.kaltim, 'federation', 'identity', `--handles=${ids.kaltimHandles.join(',')}`);
      const n = await cli(inst.nasional, 'federation', 'identity');
      writeFileSync(join(dir, 'kaltim.json'), k.stdout);
      writeFileSync(join(dir, 'nasional.json'), n.stdout);
      await cli(
        inst.nasional,
        'federation',
        'trust',
        join(dir, 'kaltim.json'),
        `--fingerprint=${fingerprintOf(k.stderr)}`,
      );
      await cli(
        inst.kaltim,
        'federation',
        'trust',
        join(dir, 'nasional.json'),
        `--fingerprint=${fingerprintOf(n.stderr)}`,
      );

      await Promise.all([start(inst.nasional), start(inst.kaltim)]);
      inst.nasional.staff = {
        coordinator: await staff(inst.nasional, 'coordinator', ids.ministry),
        liaison: await staff(inst.nasional, 'liaison_officer', ids.ministry),
        admin: await staff(inst.nasional, 'national_admin', null),
      };
      inst.kaltim.staff = {
        coordinator: await staff(inst.kaltim, 'coordinator', ids.samarinda),
        liaison: await staff(inst.kaltim, 'liaison_officer', ids.samarinda),
        admin: await staff(inst.kaltim, 'national_admin', null),
      };
    }, 300_000);

    afterAll(async () => {
      for (const i of Object.values(inst)) {
        await i.server?.stop();
        await i.proxy.close();
        await query(url!, `drop database if exists ${i.db} with (force)`).catch(() => {});
      }
      rmSync(dir, { recursive: true, force: true });
    });

    interface Filed {
      trackingId: string;
      accessCode: string;
      at: Slug;
      handler: Slug;
      anonymous: boolean;
      confidential: boolean;
      name: string;
      email: string;
      phone: string;
      n: number;
    }

    async function file(
      at: Slug,
      handler: Slug,
      institutionId: number | undefined,
      i: number,
    ): Promise<Filed> {
      const anonymous = i % 4 === 0;
      const confidential = i % 7 === 0;
      const name = `Pelapor Rahasia ${at} ${i} ${suffix}`;
      const email = `pelapor.${at}.${i}.${suffix}@contoh.test`;
      const phone = `0812${String(10_000_000 + i * 37 + (at === 'kaltim' ? 1 : 2)).slice(0, 8)}`;
      // Every tenth filing brings a photo: it must reach the instance that handles the report.
      const attachmentIds = i % 10 === 3 ? [await uploadPhoto(inst[at].server!.url, i)] : [];
      // One filing, one text and one key: the same text from the same contact is a repeat the abuse gate answers 409
      // (docs/abuse.md), and a retry across a cut or a kill carries the same Idempotency-Key, as a real client's must.
      const kind = `${at}-${handler}-${institutionId ?? 'verify'}-${i}`;
      const res = await call(
        inst[at],
        'POST',
        '/api/v1/reports',
        { 'idempotency-key': `fed-${kind}-${suffix}` },
        {
          attachmentIds,
          type: 'complaint',
          title: `Jalan rusak di Samarinda nomor ${i} (${kind})`,
          body: 'Jalan berlubang besar di depan sekolah, sudah dua pengendara motor jatuh minggu ini. Mohon segera ditambal.',
          incidentDate: '2026-12-01',
          location: { regionCode: '64.72', address: `Jalan Juanda ${i}` },
          categoryId: ids.category,
          institutionId,
          isAnonymous: anonymous,
          isConfidential: confidential,
          reporter: { name, email, phone },
        },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { trackingId, accessCode } = res.body as { trackingId: string; accessCode: string };
      return { trackingId, accessCode, at, handler, anonymous, confidential, name, email, phone, n: i };
    }

    const act = async (i: Instance, who: keyof Instance['staff'], trackingId: string, body: object) => {
      const res = await call(i, 'POST', `/api/v1/reports/${trackingId}/actions`, i.staff[who], body);
      expect(
        res.status,
        `${JSON.stringify(body)} on ${trackingId} at ${i.slug}: ${JSON.stringify(res.body)}`,
      ).toBe(200);
    };
    const reporterActs = async (f: Filed, body: object) => {
      const res = await call(
        inst[f.at],
        'POST',
        `/api/v1/reports/${f.trackingId}/actions`,
        { 'x-access-code': f.accessCode },
        body,
      );
      expect(
        res.status,
        `${JSON.stringify(body)} on ${f.trackingId} at ${f.at}: ${JSON.stringify(res.body)}`,
      ).toBe(200);
      return res.body;
    };
    /** Waits until `slug` is the writer of every report in `filed` (its forwarded copy arrived). */
    const writerHas = (slug: Slug, filed: Filed[]) =>
      until(`${filed.length} reports at ${slug}`, async () => {
        const rows = await query<{ n: number }>(
          inst[slug].dbUrl,
          'select count(*)::int as n from reports where handled_at is null and tracking_id = any($1)',
          [filed.map((f) => f.trackingId)],
        );
        return rows[0]!.n === filed.length;
      });
    const statusAt = async (slug: Slug, filed: Filed[], status: string) =>
      (
        await query<{ n: number }>(
          inst[slug].dbUrl,
          'select count(*)::int as n from reports where status = $1 and tracking_id = any($2)',
          [status, filed.map((f) => f.trackingId)],
        )
      )[0]!.n;

    it('forwards, mirrors, survives cuts and kills, and ends with identical copies', async () => {
      const { nasional, kaltim } = inst;
      // 1. Filing at both doors; the network is cut in the middle of it.
      const toNational: Filed[] = [];
      const toKaltim: Filed[] = [];
      const stayKaltim: Filed[] = [];
      const byVerifier: Filed[] = [];
      await pool(
        Array.from({ length: N }, (_, i) => i),
        6,
        async (i) => {
          if (i === N / 2) {
            nasional.proxy.cut();
            kaltim.proxy.cut();
            setTimeout(() => {
              nasional.proxy.restore();
              kaltim.proxy.restore();
            }, 4000);
          }
          toNational.push(await file('kaltim', 'nasional', ids.ministry, i));
          toKaltim.push(await file('nasional', 'kaltim', ids.samarinda, i));
          if (i % 10 === 0) stayKaltim.push(await file('kaltim', 'kaltim', ids.samarinda, i));
          if (i % 10 === 5) byVerifier.push(await file('nasional', 'kaltim', undefined, i));
        },
      );
      // Filed nationally with no institution: the national admin verifies them to Samarinda, and they go to Kaltim
      // with both events and the completed verification stage.
      await pool(byVerifier, 4, (f) =>
        act(nasional, 'admin', f.trackingId, { action: 'verify', targets: [ids.samarinda] }),
      );
      await writerHas('nasional', toNational);
      await writerHas('kaltim', [...toKaltim, ...byVerifier]);

      // 2. Each writer's staff verify and acknowledge; Kaltim's instance is killed and restarted meanwhile.
      const verifyAndAck = async (at: Instance, inst_: number, f: Filed) => {
        await act(at, 'coordinator', f.trackingId, { action: 'verify', targets: [inst_] });
        await act(at, 'liaison', f.trackingId, {
          action: 'acknowledge',
          complexity: 'simple',
          message: 'Tim kami akan meninjau lokasi.',
        });
      };
      await pool(toNational, 4, (f) => verifyAndAck(nasional, ids.ministry, f));
      // A unit Kaltim's coordinator creates (from Kaltim's own id range), and ten reports passed down to it: the
      // national copies learn the unit from the events that name it.
      const unit = await call(
        kaltim,
        'POST',
        `/api/v1/institutions/${ids.samarinda}/units`,
        kaltim.staff.coordinator,
        {
          name: 'Dinas Pekerjaan Umum Kota Samarinda (uji federasi)',
        },
      );
      expect(unit.status, JSON.stringify(unit.body)).toBe(201);
      const unitId = Number(unit.body.id);
      expect(unitId).toBeGreaterThanOrEqual(640_000_000);
      await pool(toKaltim.slice(0, 10), 4, async (f) => {
        await act(kaltim, 'coordinator', f.trackingId, { action: 'verify', targets: [ids.samarinda] });
        await act(kaltim, 'coordinator', f.trackingId, { action: 'dispose_down', unit: unitId });
        await act(kaltim, 'liaison', f.trackingId, {
          action: 'acknowledge',
          complexity: 'simple',
          message: 'Dinas PU akan meninjau lokasi.',
        });
      });
      await pool(toKaltim.slice(10, N / 2), 4, (f) => verifyAndAck(kaltim, ids.samarinda, f));
      await kill(kaltim);
      await start(kaltim);
      await pool([...toKaltim.slice(N / 2), ...stayKaltim], 4, (f) => verifyAndAck(kaltim, ids.samarinda, f));
      await pool(byVerifier, 4, (f) =>
        act(kaltim, 'liaison', f.trackingId, {
          action: 'acknowledge',
          complexity: 'simple',
          message: 'Tim kami akan meninjau lokasi.',
        }),
      );
      toKaltim.push(...byVerifier);

      // 3. Follow-ups; the network is cut again, and the national instance is killed and restarted.
      const followUp = async (at: Instance, f: Filed) =>
        act(at, 'liaison', f.trackingId, {
          action: 'post_follow_up',
          message: 'Lubang sudah ditambal pada hari Senin pagi oleh tim jalan.',
        });
      kaltim.proxy.cut();
      await pool(toKaltim, 4, (f) => followUp(kaltim, f));
      await pool(stayKaltim, 4, (f) => followUp(kaltim, f));
      kaltim.proxy.restore();
      await pool(toNational.slice(0, N / 2), 4, (f) => followUp(nasional, f));
      await kill(nasional);
      await start(nasional);
      await pool(toNational.slice(N / 2), 4, (f) => followUp(nasional, f));

      // 4. Reporters answer where they filed, once the follow-up has reached them: half accept, a quarter reply.
      const mirrored = (slug: Slug, filed: Filed[]) =>
        until(
          `follow-ups mirrored at ${slug}`,
          async () => (await statusAt(slug, filed, 'awaiting_reporter')) === filed.length,
        );
      await mirrored('kaltim', toNational);
      await mirrored('nasional', toKaltim);
      const answers = async (filed: Filed[]) => {
        await pool(filed.slice(0, N / 2), 4, async (f) => {
          const out = await reporterActs(f, { action: 'accept', rating: 4 });
          expect(out.forwardedTo).toBe(f.handler);
        });
        await pool(filed.slice(N / 2, (3 * N) / 4), 4, async (f) => {
          await reporterActs(f, {
            action: 'reporter_reply',
            message: 'Belum semua lubang ditambal, masih ada dua di ujung jalan.',
          });
        });
      };
      nasional.proxy.cut();
      await answers(toNational);
      await answers(toKaltim);
      setTimeout(() => nasional.proxy.restore(), 3000);

      // 5. Everything settles: no message waits at either side. A delivery to one side can append a message at that
      // side (an answer forwarded to the handler comes back as a mirror), so one side's empty outbox says nothing
      // until the other's is empty too: both are read in one pass, and the pass must come back empty three times.
      const all = [...toNational, ...toKaltim, ...stayKaltim];
      const pending = async (slug: Slug) =>
        (
          await query<{ n: number }>(
            inst[slug].dbUrl,
            'select count(*)::int as n from federation_outbox where delivered_at is null',
          )
        )[0]!.n;
      let quiet = 0;
      await until('both backlogs to drain', async () => {
        const n = (await pending('kaltim')) + (await pending('nasional')) + (await pending('kaltim'));
        quiet = n === 0 ? quiet + 1 : 0;
        return quiet >= 3;
      });
      expect(await statusAt('nasional', toNational, 'resolved')).toBe(N / 2);
      expect(await statusAt('kaltim', toKaltim, 'resolved')).toBe(N / 2);
      expect(await statusAt('nasional', toNational, 'in_progress')).toBe(N / 4);

      // 6. Both copies of every report are the same: status, deadline, state, and every event with its hash.
      const snapshot = async (slug: Slug) => {
        const rows = await query<Record<string, unknown>>(
          inst[slug].dbUrl,
          `select r.tracking_id, r.status, r.due_at, r.lifecycle, r.content_withheld,
          (select json_agg(json_build_object('seq', e.seq, 'action', e.action, 'actorId', e.actor_id,
            'actorRole', e.actor_role, 'institutionId', e.institution_id, 'at', e.at, 'fromStatus', e.from_status,
            'toStatus', e.to_status, 'payload', e.payload, 'prevHash', e.prev_hash, 'hash', e.hash) order by e.seq)
            from events e where e.report_id = r.id) as events
        from reports r where r.tracking_id = any($1)`,
          [all.map((f) => f.trackingId)],
        );
        return new Map(rows.map((r) => [String(r.tracking_id), r]));
      };
      const [atN, atK] = [await snapshot('nasional'), await snapshot('kaltim')];
      expect(atN.size).toBe(all.length);
      expect(atK.size).toBe(all.length);
      for (const f of all) {
        const [a, b] = [atN.get(f.trackingId)!, atK.get(f.trackingId)!];
        expect(b.status, f.trackingId).toBe(a.status);
        expect(String(b.due_at), f.trackingId).toBe(String(a.due_at));
        expect(b.lifecycle, f.trackingId).toEqual(a.lifecycle);
        const events = (x: Record<string, unknown>) => x.events as Record<string, unknown>[];
        expect(
          events(b).map((e) => e.hash),
          f.trackingId,
        ).toEqual(events(a).map((e) => e.hash));
        // A confidential report's statistics copy holds its events without their words: only its hashes compare.
        const full = [a, b].filter((x) => x.content_withheld !== true);
        if (full.length === 2) expect(events(b), f.trackingId).toEqual(events(a));
        for (const x of full) {
          const chain = events(x).map((e) => ({
            ...e,
            trackingId: f.trackingId,
            at: new Date(String(e.at)),
          }));
          expect(verifyChain(chain as never), `${f.trackingId} chain`).toBeNull();
        }
      }
      // Nothing duplicated: one row per report on each side, events numbered without gaps.
      for (const m of [atN, atK])
        for (const r of m.values()) {
          const seqs = (r.events as { seq: number }[]).map((e) => e.seq);
          expect(seqs).toEqual(seqs.map((_, i) => i + 1));
        }

      // 7. The national statistics for Kalimantan Timur and for Samarinda equal the regional instance's.
      const questions = [
        'summary?regionCode=64',
        `summary?institutionId=${ids.samarinda}`,
        `summary?institutionId=${ids.ministry}`,
        'rankings',
        'by-region',
      ];
      for (const q of questions) {
        const n = await call(nasional, 'GET', `/api/v1/stats/${q}`, {});
        const k = await call(kaltim, 'GET', `/api/v1/stats/${q}`, {});
        expect(n.status, JSON.stringify(n.body)).toBe(200);
        expect(n.body, q).toEqual(k.body);
      }
      const kaltimSummary = (await call(nasional, 'GET', '/api/v1/stats/summary?regionCode=64', {})).body;
      console.log(
        `[federation] national summary for Kalimantan Timur: ${JSON.stringify(kaltimSummary).slice(0, 300)}`,
      );

      // 8. No identity of a report filed anonymously at Kaltim reached the national instance: not in any table, not in
      // any answer — and the confidential ones' words stayed where they belong.
      const anonymous = [...toNational, ...stayKaltim].filter((f) => f.anonymous);
      expect(anonymous.length).toBeGreaterThan(0);
      const tables = await query<{ t: string }>(
        inst.nasional.dbUrl,
        `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      );
      for (const f of anonymous)
        for (const needle of [f.name, f.email, f.phone]) {
          for (const { t } of tables) {
            const hit = await query<{ n: number }>(
              inst.nasional.dbUrl,
              `select count(*)::int as n from "${t}" x where x::text like $1`,
              [`%${needle}%`],
            );
            expect(hit[0]!.n, `${needle} in national table ${t}`).toBe(0);
          }
          for (const path of [`/api/v1/reports/${f.trackingId}`, `/api/v1/reports/${f.trackingId}/events`]) {
            const res = await call(nasional, 'GET', path, nasional.staff.coordinator);
            expect(JSON.stringify(res.body)).not.toContain(needle);
          }
        }
      const confidentialStayed = stayKaltim.filter((f) => f.confidential);
      for (const f of confidentialStayed) {
        const row = atN.get(f.trackingId)!;
        expect(row.content_withheld).toBe(true);
      }
      // The unit exists nationally with Kaltim's id and code, and holds the ten reports there too.
      const units = await query<{ code: string; n: number }>(
        inst.nasional.dbUrl,
        `select i.code, (select count(*)::int from reports r where r.institution_id = i.id) as n
        from institutions i where i.id = $1`,
        [unitId],
      );
      expect(units).toEqual([{ code: `unit-${unitId}`, n: 10 }]);
      // Every photo reached the writer: same file, downloadable there by its staff.
      const photos = await query<{ tracking_id: string; id: string; sha256: string }>(
        inst.kaltim.dbUrl,
        `select r.tracking_id, a.id, a.sha256 from attachments a join reports r on r.id = a.report_id
        where r.tracking_id = any($1)`,
        [toKaltim.map((f) => f.trackingId)],
      );
      expect(photos.length).toBe(toKaltim.filter((f) => f.n % 10 === 3).length);
      const confidential = new Set(toKaltim.filter((f) => f.confidential).map((f) => f.trackingId));
      for (const p of photos) {
        const stored = readFileSync(join(kaltim.dataDir, 'attachments', p.id.slice(0, 2), p.id));
        expect(createHash('sha256').update(stored).digest('hex'), p.tracking_id).toBe(p.sha256);
        // A confidential report's files are the reporter's to open (with the access code, at the origin).
        if (confidential.has(p.tracking_id)) continue;
        const res = await fetch(`${kaltim.server!.url}/api/v1/reports/${p.tracking_id}/attachments/${p.id}`);
        expect(res.status, p.tracking_id).toBe(200);
        expect(
          createHash('sha256')
            .update(Buffer.from(await res.arrayBuffer()))
            .digest('hex'),
        ).toBe(p.sha256);
      }

      // 9. A reporter is notified by the instance that holds their contact (where they filed), never by the other.
      const reporterRows = async (slug: Slug, filed: Filed[]) =>
        (
          await query<{ n: number }>(
            inst[slug].dbUrl,
            `select count(*)::int as n from notification_outbox o join reports r on r.id = o.report_id
            where o.recipient_kind = 'reporter' and r.tracking_id = any($1)`,
            [filed.map((f) => f.trackingId)],
          )
        )[0]!.n;
      expect(await reporterRows('kaltim', toNational)).toBeGreaterThanOrEqual(2 * N);
      expect(await reporterRows('nasional', toNational)).toBe(0);
      expect(await reporterRows('nasional', toKaltim)).toBeGreaterThanOrEqual(2 * N);
      expect(await reporterRows('kaltim', toKaltim)).toBe(0);

      // The cuts and kills were felt: some messages needed more than one try, and every one got through.
      const sent = async (slug: Slug) =>
        (
          await query<{ n: number; retried: number }>(
            inst[slug].dbUrl,
            `select count(*)::int as n, count(*) filter (where attempts > 1)::int as retried from federation_outbox`,
          )
        )[0]!;
      const [fromN, fromK] = [await sent('nasional'), await sent('kaltim')];
      expect(fromN.retried + fromK.retried).toBeGreaterThan(0);
      console.log(
        `[federation] ${all.length} reports on both sides; messages nasional→kaltim ${fromN.n} (${fromN.retried} ` +
          `retried), kaltim→nasional ${fromK.n} (${fromK.retried} retried); proxy connections nasional ` +
          `${nasional.proxy.connections()}, kaltim ${kaltim.proxy.connections()}`,
      );
    }, 900_000);
  },
);
