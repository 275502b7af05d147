/**
 * Must-show (issue 14 part 2): SMS through a real gateway. Kannel's bearerbox and smsbox (Debian's `kannel`) with
 * `fakesmsc` (`kannel-extras`) as the phone network, and Pintu as its own process on its own PostgreSQL database.
 * A long `LAPOR` sent as two concatenated parts comes back as a trackingId; `CEK` answers the status; staff verify,
 * acknowledge and follow up over the HTTP API, and the follow-up reaches the phone as an SMS through Kannel's
 * sendsms; the phone's `BALAS` is the reporter's reply.
 *
 * Without Kannel the suite is skipped, saying how to install it; under CI (or PINTU_REQUIRE_KANNEL=1) it fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type RunningServer, startServer } from '../../../../bench/lib/server-process';
import {
  checkKannelConf,
  findKannel,
  KANNEL_INSTALL,
  type Kannel,
  SHORT_CODE,
  startKannel,
} from '../support/kannel';
import { staffAccount as signedInStaff } from '../support/process-fixtures';

const REQUIRED = Boolean(process.env.CI) || process.env.PINTU_REQUIRE_KANNEL === '1';
const SECRET = `sms-${randomBytes(12).toString('hex')}`;
const PHONE = '081234567890';
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `pintu_it_sms_${process.pid}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();

async function admin<T>(fn: (c: pg.Client) => Promise<T>, url = adminUrl): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const bin = findKannel();
const missing =
  'missing' in bin
    ? `Kannel is not installed (${bin.missing}); get it with: ${KANNEL_INSTALL}`
    : await admin((c) => c.query('select 1')).then(
        () => null,
        (err: Error) => `PostgreSQL does not answer at ${adminUrl} (${err.message})`,
      );
if (missing) console.warn(`[sms-kannel] ${REQUIRED ? 'FAILING' : 'skipped'}: ${missing}`);

describe.skipIf(missing !== null && !REQUIRED)(
  `SMS through Kannel and a fake phone network${missing ? ` (skipped: ${missing})` : ''}`,
  () => {
    let pintu: RunningServer | null = null;
    let kannel: Kannel | null = null;
    let dataDir = '';
    let origin = '';
    let ids: { samarinda: number };
    let trackingId = '';
    const staff: Record<'admin' | 'liaison', Record<string, string>> = {} as never;

    beforeAll(async () => {
      if (missing || 'missing' in bin)
        throw new Error(`${missing} — CI and PINTU_REQUIRE_KANNEL=1 require it`);
      await admin(async (c) => {
        await c.query(`drop database if exists ${dbName} with (force)`);
        await c.query(`create database ${dbName}`);
      });
      dataDir = mkdtempSync(join(tmpdir(), 'pintu-it-sms-'));
      const ports = {
        admin: await freePort(),
        smsbox: await freePort(),
        fake: await freePort(),
        sendsms: await freePort(),
      };
      const sendsms = `http://127.0.0.1:${ports.sendsms}/cgi-bin/sendsms?username=pintu&password=uji-kirim-sms`;
      pintu = await startServer({
        env: {
          DATABASE_URL: dbUrl,
          DATA_DIR: dataDir,
          SMS_INBOUND_SECRET: SECRET,
          SMS_INBOUND_REGION: '64',
          SMS_INBOUND_CATEGORY: 'infrastruktur.jalan-kabupaten',
          SMS_GATEWAY_URL: sendsms,
        },
      });
      origin = `http://localhost:${new URL(pintu.url).port}`;
      // docs/sms.md's get-url, with the secret both sides share.
      const getUrl = `${pintu.url}/api/v1/channels/sms/kannel?secret=${SECRET}&from=%p&to=%P&text=%b&coding=%c&charset=%C&id=%I`;
      kannel = await startKannel(bin, ports, getUrl);
      expect(kannel.sendsmsUrl).toBe(sendsms);

      const row = await admin(
        (c) =>
          c.query<{ samarinda: number }>(
            `select id as samarinda from institutions where code = 'pemda-64.72'`,
          ),
        dbUrl,
      );
      ids = row.rows[0]!;
      staff.admin = await staffAccount('national_admin', null);
      staff.liaison = await staffAccount('liaison_officer', ids.samarinda);
    }, 300_000);

    afterAll(async () => {
      await kannel?.stop();
      await pintu?.stop();
      await admin((c) => c.query(`drop database if exists ${dbName} with (force)`)).catch(() => {});
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    /** A verified staff account written into Pintu's database, signed in over HTTP. */
    const staffAccount = (role: string, institutionId: number | null) =>
      signedInStaff({ dbUrl, url: pintu!.url, origin, dataDir }, role, institutionId);

    async function act(who: Record<string, string>, body: Record<string, unknown>) {
      const res = await fetch(`${pintu!.url}/api/v1/reports/${trackingId}/actions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...who },
        body: JSON.stringify(body),
      });
      expect(res.status, `${body.action}: ${await res.clone().text()}`).toBe(200);
    }

    /** Sends from the phone and waits for the answer that `test` recognises. */
    async function ask(text: string | string[], test: RegExp, from = PHONE) {
      const before = kannel!.inbox().length;
      await kannel!.send(from, text);
      const answer = await kannel!.receive((m) => m.from === SHORT_CODE && test.test(m.text), 30_000, before);
      return answer.text;
    }

    it("docs/sms.md's production configuration (examples/kannel/kannel.conf) reads in Kannel", () => {
      expect(
        checkKannelConf(join(import.meta.dirname, '../../../../examples/kannel/kannel.conf')),
      ).toBeNull();
    });

    it('a long LAPOR in two concatenated parts comes back as a trackingId and access code', async () => {
      const body =
        'Jalan di depan SDN 5 Sidodadi berlubang besar sejak bulan lalu dan belum diperbaiki. Sudah dua ' +
        'pengendara motor jatuh minggu ini, salah satunya anak sekolah. Mohon segera ditambal sebelum musim hujan.';
      const text = `LAPOR ${body}`;
      expect(text.length).toBeGreaterThan(160);
      // As a phone cuts it: 153 characters, then the rest (mid-word), joined by Kannel before Pintu sees it.
      const answer = await ask([text.slice(0, 153), text.slice(153)], /^Laporan diterima/);
      const m = /ID: (LPR-\S+) Kode akses: (\S+) \(rahasiakan\)\. Cek: CEK (LPR-\S+)$/.exec(answer);
      expect(m, answer).not.toBeNull();
      trackingId = m![1]!;
      const rows = await admin(
        (c) =>
          c.query(
            'select channel, body, status, institution_id as "institutionId" from reports where tracking_id = $1',
            [trackingId],
          ),
        dbUrl,
      );
      expect(rows.rows[0]).toEqual({ channel: 'sms', body, status: 'submitted', institutionId: null });
    });

    it('CEK answers the status and the deadline; another number learns nothing', async () => {
      const answer = await ask(`CEK ${trackingId}`, new RegExp(`^${trackingId}:`));
      expect(answer).toMatch(
        new RegExp(
          `^${trackingId}: Belum Terverifikasi\\. Batas verifikasi: \\d+ \\w+ \\d{4} 23\\.59 WIB \\(\\d+ hari kerja lagi\\)\\.$`,
        ),
      );
      const stranger = await ask(`CEK ${trackingId}`, /^Tidak ada laporan/, '085711112222');
      expect(stranger).toBe(`Tidak ada laporan ${trackingId} dari nomor ini. Periksa Tracking ID-nya.`);
    });

    it("staff's follow-up over the HTTP API reaches the phone as an SMS, and BALAS answers it", async () => {
      await act(staff.admin, { action: 'verify', targets: [ids.samarinda] });
      await act(staff.liaison, {
        action: 'acknowledge',
        complexity: 'simple',
        message: 'Tim kami meninjau lokasi.',
      });
      await act(staff.liaison, {
        action: 'post_follow_up',
        message: 'Lubang di depan SDN 5 Sidodadi sudah ditambal pada hari ini oleh Dinas PUPR.',
      });
      // Through the outbox, the delivery worker and Kannel's sendsms, to the number sealed with the report.
      const followUp = await kannel!.receive(
        (m) => m.text.startsWith(`Tindak lanjut laporan ${trackingId}`) && m.text.includes('sudah ditambal'),
        90_000,
      );
      expect(followUp.to).toBe('+6281234567890');
      expect(followUp.from).toBe(SHORT_CODE);

      const answer = await ask(`BALAS ${trackingId} Sudah rata, terima kasih.`, /^Tanggapan Anda/);
      expect(answer).toBe(`Tanggapan Anda untuk ${trackingId} diterima dan diteruskan ke instansi.`);
      const rows = await admin(
        (c) => c.query('select status from reports where tracking_id = $1', [trackingId]),
        dbUrl,
      );
      expect(rows.rows[0]).toEqual({ status: 'in_progress' });
      // The filing was answered once: the channel's own answer, and no second receipt from the outbox by SMS.
      const receipts = kannel!.inbox().filter((m) => m.text.includes(trackingId) && /diterima/i.test(m.text));
      expect(receipts.map((m) => m.text.slice(0, 18))).toEqual(['Laporan diterima. ', 'Tanggapan Anda unt']);
      // What the phone received, for the reader of the run; the number is masked like any log line (domain.md §7).
      console.log(
        `[sms-kannel] the phone received:\n${kannel!
          .inbox()
          .map((m) => `  ${m.from} → …${m.to.slice(-4)}: ${m.text}`)
          .join('\n')}`,
      );
    });
  },
);
