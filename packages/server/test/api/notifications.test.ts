/**
 * Notifications end to end (issue 4 part 5): a report walked through the workflow over the API; the delivery
 * worker sends to the real in-process SMTP server and to a fake Kannel gateway; the reporter's e-mails carry the
 * tracking id, the status and the follow-up text, in Indonesian; an anonymous reporter's address reaches no staff
 * response, outbox column or log line; in-app list/read; retries with backoff when the SMTP server fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kannelGateway } from '../../src/notifications/sms-gateway';
import { createDeliveryWorker, type DeliveryWorker } from '../../src/notifications/worker';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { createUnit } from '../support/workflow-fixtures';

interface FakeGateway {
  url: string;
  requests: URL[];
  close(): Promise<void>;
}

/** A Kannel-like `sendsms` endpoint that records every request and answers 202. */
async function startFakeGateway(): Promise<FakeGateway> {
  const requests: URL[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://gateway'));
    res.writeHead(202, { 'content-type': 'text/plain' }).end('0: Accepted for delivery');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/cgi-bin/sendsms?username=pintu&password=rahasia`,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** An SMTP server that answers the end of DATA with 451 (temporary failure) while `refusing` is true. */
async function startRefusingSmtp() {
  const state = { refusing: true, refused: 0, accepted: [] as string[] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refusing) {
          state.refused += 1;
          const err = new Error('Mailbox sementara tidak tersedia') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        state.accepted.push(/^message-id:\s*<([^>]+)>/im.exec(raw)?.[1] ?? '?');
        callback();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    state,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const SITI = { name: 'Siti Rahmawati', email: 'siti.rahmawati@example.id', phone: '081234567890' };
const ANON = { name: 'Budi Santoso', email: 'budi.rahasia@example.id', phone: '085711112222' };

describe('notifications', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let sms: FakeGateway;
  let worker: DeliveryWorker;
  const logs: string[] = [];
  let admin: SignedIn;
  let coordinator: SignedIn;
  let liaison: SignedIn;
  let unitLiaison: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
    ids = await refIds(t.deps.db);
    sms = await startFakeGateway();
    worker = createDeliveryWorker(
      {
        db: t.deps.db,
        sealer: t.deps.sealer,
        clock: t.deps.clock,
        smtpUrl: t.mail.url,
        mailFrom: 'Pintu <no-reply@pintu.test>',
        sms: kannelGateway(sms.url),
        log: (l) => logs.push(l),
      },
      { leaseMs: 60_000 },
    );
    const unit = await createUnit(t.deps.db, ids.samarinda, 'pemda-64.72-dishub', 'Dinas Perhubungan');
    [admin, coordinator, liaison, unitLiaison] = await Promise.all([
      signInAs(t, { role: 'national_admin' }),
      signInAs(t, { role: 'coordinator', institutionId: ids.samarinda }),
      signInAs(t, { role: 'liaison_officer', institutionId: ids.samarinda }),
      signInAs(t, { role: 'liaison_officer', institutionId: unit }),
    ]);
  });
  afterAll(async () => {
    await sms.close();
    await t.close();
  });

  async function file(over: Record<string, unknown>) {
    const res = await t.post('/api/v1/reports', reportInput(ids.roads, over));
    expect(res.status).toBe(201);
    return (await res.json()) as { trackingId: string; accessCode: string };
  }
  async function act(trackingId: string, body: Record<string, unknown>, headers: Record<string, string>) {
    const res = await t.post(`/api/v1/reports/${trackingId}/actions`, body, headers);
    expect(res.status, await res.clone().text()).toBe(200);
    return res;
  }
  const outbox = async (trackingId: string) =>
    (
      await t.deps.db.execute(sql`select o.* from notification_outbox o join reports r on r.id = o.report_id
        where r.tracking_id = ${trackingId} order by o.id`)
    ).rows as Record<string, unknown>[];

  it('walks a report through the workflow: the reporter gets Indonesian e-mails and SMS with the right content', async () => {
    const filed = await file({ reporter: SITI });
    const id = filed.trackingId;
    await act(id, { action: 'verify', targets: [ids.samarinda] }, admin.headers);
    await act(
      id,
      { action: 'acknowledge', complexity: 'simple', message: 'Laporan diterima, tim akan meninjau lokasi.' },
      liaison.headers,
    );
    const followUp = 'Lubang di Jl. Juanda telah ditambal oleh tim UPTD pada 5 Juni 2024.';
    t.setNow('2024-06-05T03:00:00Z');
    await act(id, { action: 'post_follow_up', message: followUp }, liaison.headers);
    t.setNow('2024-06-06T03:00:00Z');
    await act(id, { action: 'accept', rating: 5 }, { 'x-access-code': filed.accessCode });

    // The outbox rows exist with the events, before any delivery.
    const rows = await outbox(id);
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(rows.length);
    await worker.drain();

    const mails = t.mail.to(SITI.email).filter((m) => m.subject.includes(id));
    expect(mails.map((m) => m.subject)).toEqual([
      `Laporan ${id} telah diterima`,
      `Laporan ${id} telah didisposisikan`,
      `Laporan ${id} sedang diproses`,
      `Tindak lanjut laporan ${id}`,
      `Laporan ${id} selesai`,
    ]);
    const fu = mails[3]!;
    expect(fu.text).toContain('Halo Siti Rahmawati,');
    expect(fu.text).toContain(followUp);
    expect(fu.text).toContain('Status: Menunggu Tanggapan Pelapor');
    expect(mails[0]!.text).toContain('Status: Belum Terverifikasi');
    expect(mails[1]!.text).toContain('Status: Terdisposisi Belum Ditindaklanjuti');
    expect(mails[4]!.text).toContain('Status: Selesai');
    // The Message-ID is the outbox idempotency key.
    const keys = rows.filter((r) => r.channel === 'email' && r.recipient_kind === 'reporter');
    expect(mails.map((m) => m.headers['message-id'])).toEqual(
      keys.map((k) => `<${k.idempotency_key}@pintu>`),
    );

    // SMS through the Kannel-style gateway: the account stays in the URL, `to` and `text` are added.
    const texts = sms.requests.filter((u) => u.searchParams.get('text')?.includes(id));
    expect(texts).toHaveLength(5);
    expect(texts[0]!.pathname).toBe('/cgi-bin/sendsms');
    expect(texts[0]!.searchParams.get('username')).toBe('pintu');
    expect(texts[0]!.searchParams.get('to')).toBe('+6281234567890');
    expect(texts[3]!.searchParams.get('text')).toContain('Lubang di Jl. Juanda');

    // Staff of the holder were told of the new disposition: e-mail and in-app.
    for (const who of [coordinator, liaison]) {
      const m = await t.mail.waitFor((x) => x.to.includes(who.email) && x.subject.includes(id));
      expect(m.subject).toBe(`Laporan baru ${id} untuk instansi Anda`);
    }
    // Not a unit that does not hold the report.
    expect(t.mail.to(unitLiaison.email)).toHaveLength(0);
    expect((await outbox(id)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('an anonymous reporter gets updates; no staff response, outbox row or log line holds the address', async () => {
    const filed = await file({ isAnonymous: true, reporter: ANON, language: 'en' });
    const id = filed.trackingId;
    await act(id, { action: 'verify', targets: [ids.samarinda] }, admin.headers);
    const hold = await act(id, { action: 'hold', question: 'Di titik mana tepatnya?' }, liaison.headers);
    await worker.drain();

    const mails = t.mail.to(ANON.email);
    expect(mails.map((m) => m.subject)).toEqual([
      `Report ${id} received`,
      `Report ${id} dispositioned`,
      `Report ${id} needs more information`,
    ]);
    expect(mails[2]!.text).toContain('Di titik mana tepatnya?');
    expect(sms.requests.some((u) => u.searchParams.get('to') === '+6285711112222')).toBe(true);

    const secrets = [ANON.email, ANON.name, ANON.phone, '85711112222', 'budi'];
    const staffSees = [
      await hold.text(),
      await (await t.get(`/api/v1/reports/${id}`, liaison.headers)).text(),
      await (await t.get(`/api/v1/reports/${id}/events`, liaison.headers)).text(),
      await (await t.get('/api/v1/notifications', liaison.headers)).text(),
      ...t.mail.messages.filter((m) => m.to.includes(liaison.email)).map((m) => m.raw),
      JSON.stringify(await outbox(id)),
      JSON.stringify((await t.deps.db.execute(sql`select * from notifications`)).rows),
      logs.join('\n'),
    ];
    for (const text of staffSees)
      for (const s of secrets) expect(text.toLowerCase()).not.toContain(s.toLowerCase());
    // The reporter's rows name no one: "the reporter of report X".
    const reporterRows = (await outbox(id)).filter((r) => r.recipient_kind === 'reporter');
    expect(reporterRows.length).toBe(6);
    for (const r of reporterRows) expect(r.recipient_user_id).toBeNull();
  });

  it('in-app: the signed-in account lists its notifications newest first, marks one and all read', async () => {
    const res = await t.get('/api/v1/notifications', liaison.headers);
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(page.unread).toBe(page.items.length);
    expect(page.items[0].template).toBe('new_disposition');
    expect(page.items[0].title).toMatch(/^Laporan baru LPR-/);
    const times = page.items.map((i: { createdAt: string; id: number }) => i.id);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const first = page.items[0].id;
    expect((await t.post(`/api/v1/notifications/${first}/read`, {}, liaison.headers)).status).toBe(200);
    expect((await (await t.get('/api/v1/notifications', liaison.headers)).json()).unread).toBe(
      page.unread - 1,
    );
    // Someone else's notification is not found.
    expect((await t.post(`/api/v1/notifications/${first}/read`, {}, coordinator.headers)).status).toBe(404);
    const all = await t.post('/api/v1/notifications/read-all', {}, liaison.headers);
    expect(await all.json()).toEqual({ marked: page.unread - 1 });
    expect((await (await t.get('/api/v1/notifications', liaison.headers)).json()).unread).toBe(0);
    expect((await t.get('/api/v1/notifications')).status).toBe(401);
  });

  it('SLA reminders recorded by the sweep reach the holder once (sla_notices → outbox)', async () => {
    t.setNow('2024-06-07T02:00:00Z');
    const filed = await file({ reporter: SITI });
    await act(filed.trackingId, { action: 'verify', targets: [ids.samarinda] }, admin.headers);
    const clock =
      await t.deps.db.execute(sql`select c.id, c.report_id as "reportId", c.stage, c.due_at as "dueAt"
      from sla_stage_clocks c join reports r on r.id = c.report_id
      where r.tracking_id = ${filed.trackingId} and c.completed_at is null`);
    const c = clock.rows[0] as { id: number; reportId: number; stage: string; dueAt: string };
    await t.deps.db.execute(sql`insert into sla_notices (stage_clock_id, report_id, tracking_id, stage, kind, level,
        recipient, recipient_institution_id, due_at, at, recorded_at)
      values (${c.id}, ${c.reportId}, ${filed.trackingId}, ${c.stage}, 'reminder', 0, 'holder', ${ids.samarinda},
        ${c.dueAt}, ${'2024-06-07T02:00:00Z'}, ${'2024-06-07T02:00:00Z'})`);
    await worker.drain();
    t.setNow('2024-06-07T03:00:00Z');
    await worker.drain(); // a second pass writes nothing new
    const reminders = t.mail
      .to(liaison.email)
      .filter((m) => m.subject.startsWith(`Pengingat: laporan ${filed.trackingId}`));
    expect(reminders).toHaveLength(1);
    const rows = (await outbox(filed.trackingId)).filter((r) => r.template === 'reminder');
    expect(rows.map((r) => `${r.audience_role}:${r.channel}:${r.status}`).sort()).toEqual([
      'coordinator:email:sent',
      'coordinator:in_app:sent',
      'liaison_officer:email:sent',
      'liaison_officer:in_app:sent',
    ]);
  });

  it('retries with backoff when the SMTP server is down or refuses, then delivers once', async () => {
    t.setNow('2024-06-10T02:00:00Z');
    const filed = await file({ reporter: { name: 'Rina', email: 'rina@example.id' } });
    await act(filed.trackingId, { action: 'archive', reason: 'unclear' }, admin.headers);
    const key = (await outbox(filed.trackingId)).find(
      (r) => r.channel === 'email' && r.template === 'archived',
    )!.idempotency_key;
    const row = async () =>
      (
        await t.deps.db.execute(sql`select status, attempts, next_attempt_at as "next", last_error as "error"
        from notification_outbox where idempotency_key = ${key}`)
      ).rows[0] as Record<string, unknown>;
    const deps = {
      db: t.deps.db,
      sealer: t.deps.sealer,
      clock: t.deps.clock,
      mailFrom: 'Pintu <n@pintu.test>',
    };

    // 1. Nothing listens: connection refused before anything was sent → retry in 1 minute.
    const down = createDeliveryWorker({ ...deps, smtpUrl: 'smtp://127.0.0.1:1', log: (l) => logs.push(l) });
    await down.drain();
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1 });
    expect(new Date((await row()).next as string).toISOString()).toBe('2024-06-10T02:01:00.000Z');

    // 2. Not due yet at +30 s; at +1 min the server refuses the end of DATA with 451 → retry in 5 minutes.
    const refusing = await startRefusingSmtp();
    const picky = createDeliveryWorker({ ...deps, smtpUrl: refusing.url, log: (l) => logs.push(l) });
    t.setNow('2024-06-10T02:00:30Z');
    expect(await picky.drain()).toBe(0);
    t.setNow('2024-06-10T02:01:00Z');
    await picky.drain();
    expect(await row()).toMatchObject({ status: 'pending', attempts: 2 });
    expect((await row()).error).toMatch(/451|sementara/);
    expect((await row()).error).not.toContain('rina@');
    expect(new Date((await row()).next as string).toISOString()).toBe('2024-06-10T02:06:00.000Z');

    // 3. At +6 min it is accepted: exactly one copy of each of Rina's e-mails (received, archived) arrived.
    refusing.state.refusing = false;
    t.setNow('2024-06-10T02:06:00Z');
    await picky.drain();
    expect(await row()).toMatchObject({ status: 'sent', attempts: 3 });
    const keys = (await outbox(filed.trackingId)).filter((r) => r.channel === 'email');
    expect(refusing.state.accepted.sort()).toEqual(keys.map((k) => `${k.idempotency_key}@pintu`).sort());
    expect(refusing.state.refused).toBe(2);
    await refusing.close();
    expect(logs.join('\n')).not.toContain('rina@example.id');

    // 4. After the last attempt a row is `failed`, not retried forever.
    const filed2 = await file({ reporter: { name: 'Rina', email: 'rina2@example.id' } });
    await act(filed2.trackingId, { action: 'archive', reason: 'unclear' }, admin.headers);
    const once = createDeliveryWorker(
      { ...deps, smtpUrl: 'smtp://127.0.0.1:1', log: () => {} },
      { maxAttempts: 1 },
    );
    await once.drain();
    const failed = await t.deps.db.execute(sql`select o.status from notification_outbox o join reports r
      on r.id = o.report_id where r.tracking_id = ${filed2.trackingId} and o.channel = 'email'`);
    expect(failed.rows).toEqual([{ status: 'failed' }, { status: 'failed' }]);
  });
});
