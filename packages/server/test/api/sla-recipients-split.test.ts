/**
 * The sweep's automatic actions and notices reach the right people (domain.md §5): the last child of a split to be
 * auto-resolved resolves its parent, as a person closing it does; the national queue's reminders go to the national
 * admins, and level-3 escalations (and a national-queue report's level 1) really reach the national admins and
 * oversight — notices name them, and the outbox delivers their in-app notifications and e-mails.
 */
import { randomBytes } from 'node:crypto';
import { openReport } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { fileReport } from '../../src/app/reports/file-report';
import { sweep } from '../../src/app/sla/sweep';
import { actOnReport } from '../../src/app/workflow/act-on-report';
import type { Database, Db } from '../../src/db/open';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { ReportInput } from '../../src/http/reports/reports.schema';
import type { ActionInput } from '../../src/http/workflow/workflow.schema';
import { createDeliveryWorker } from '../../src/notifications/worker';
import { createAccountCipher } from '../../src/security/account-cipher';
import { createSealer } from '../../src/security/seal';
import { refIds, reportInput } from '../support/fixtures';
import { fileInto, holderById, noticesOf } from '../support/sla-fixtures';
import { type SmtpSink, startSmtpSink } from '../support/smtp';
import { ENGINES, openTestDatabase } from '../support/test-db';
import { callerOf, storeReportState } from '../support/workflow-fixtures';

/** Seals reporters and, as the server does, account e-mail behind its blind index (issue 16 §6). */
const DATA_KEY = randomBytes(32);

async function account(db: Db, id: string, role: string, institutionId: number | null) {
  const cipher = createAccountCipher(DATA_KEY);
  const email = `${id}@pintu.test`;
  await db.execute(sql`insert into users (id, name, email, email_sealed)
    values (${id}, ${id}, ${cipher.indexEmail(email)}, ${cipher.seal(email)})`);
  await db.execute(sql`insert into role_grants (user_id, role, institution_id)
    values (${id}, ${role}, ${institutionId})`);
}

describe.each(ENGINES)('SLA recipients and split parents on %s', (engine) => {
  let d: Database;
  let env: {
    db: Db;
    sealer: ReturnType<typeof createSealer>;
    calendar: Awaited<ReturnType<typeof loadCalendar>>;
    now: Date;
  };
  let ids: Awaited<ReturnType<typeof refIds>>;
  let sink: SmtpSink;
  const deps = () => ({ db: d.db, calendar: env.calendar.get });

  beforeAll(async () => {
    d = await openTestDatabase(engine);
    env = {
      db: d.db,
      sealer: createSealer(DATA_KEY),
      calendar: await loadCalendar(d.db),
      now: new Date('2024-05-08T02:00:00Z'),
    };
    ids = await refIds(d.db);
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink.close();
    await d.close();
  });

  const act = (trackingId: string, input: ActionInput, role: string, institutionId: number | null) =>
    actOnReport(env, trackingId, input, {
      caller: callerOf(role as never, institutionId),
    });
  const statusOf = async (trackingId: string) =>
    (await d.db.execute(sql`select status, due_at as "dueAt" from reports where tracking_id = ${trackingId}`))
      .rows[0] as { status: string; dueAt: string | null };

  it('auto-resolving the last open child of a split resolves the parent, by the system, once', async () => {
    const r = await fileReport(env, ReportInput.parse(reportInput(ids.roads)), {
      kind: 'guest',
      channel: 'web',
    });
    const split = await act(
      r.trackingId,
      { action: 'verify', targets: [ids.samarinda, ids.kaltim] },
      'national_admin',
      null,
    );
    const children = split.children;
    expect(children).toHaveLength(2);
    // Each child: acknowledged and answered with a follow-up — the second a week later than the first.
    for (const [i, child] of children.entries()) {
      env.now = new Date(i === 0 ? '2024-05-13T02:00:00Z' : '2024-05-20T02:00:00Z');
      await act(
        child.trackingId,
        { action: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
        'liaison_officer',
        child.institutionId,
      );
      await act(
        child.trackingId,
        { action: 'post_follow_up', message: 'Sudah ditangani.' },
        'liaison_officer',
        child.institutionId,
      );
      expect((await statusOf(child.trackingId)).status).toBe('awaiting_reporter');
    }
    const [first, second] = await Promise.all(children.map((c) => statusOf(c.trackingId)));
    // After the first child's 10 silent working days: it is resolved, the parent waits for the other.
    const afterFirst = new Date(new Date(first!.dueAt!).getTime() + 3_600_000);
    expect(afterFirst.getTime()).toBeLessThan(new Date(second!.dueAt!).getTime());
    expect(await sweep(deps(), afterFirst)).toMatchObject({ autoResolved: 1 });
    expect((await statusOf(children[0]!.trackingId)).status).toBe('resolved');
    expect((await statusOf(r.trackingId)).status).toBe('dispositioned');
    // After the second's: both children resolved, and the parent with them.
    const afterSecond = new Date(new Date(second!.dueAt!).getTime() + 3_600_000);
    expect(await sweep(deps(), afterSecond)).toMatchObject({ autoResolved: 1 });
    expect((await statusOf(children[1]!.trackingId)).status).toBe('resolved');
    expect((await statusOf(r.trackingId)).status).toBe('resolved');
    const events = await readEvents(d.db, r.trackingId);
    expect(events.filter((e) => e.action === 'resolve_parent')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({
      action: 'resolve_parent',
      actorRole: 'system',
      toStatus: 'resolved',
    });
    // The instant of the child's auto-resolve (the breach, 00:00 local the day after its deadline).
    expect(events.at(-1)!.at.toISOString()).toBe(
      new Date(new Date(second!.dueAt!).getTime() + 1).toISOString(),
    );
    expect(await sweep(deps(), new Date('2024-08-01T00:00:00Z'))).toMatchObject({ autoResolved: 0 });
    expect((await readEvents(d.db, r.trackingId)).filter((e) => e.action === 'resolve_parent')).toHaveLength(
      1,
    );
  });

  it('national admins and oversight get level-3 and national-queue notices, in-app and by e-mail', async () => {
    await account(d.db, 'nas-admin', 'national_admin', null);
    await account(d.db, 'ombudsman', 'oversight', null);
    await account(d.db, 'koord-smd', 'coordinator', ids.samarinda);
    const calendar = env.calendar.get();
    // Into Samarinda on Friday 5 April 2024: level 3 on Thursday 25 April (WITA).
    const inSamarinda = await fileInto(d.db, calendar, ids.samarinda, new Date('2024-04-05T02:00:00Z'));
    // Into the national queue (no institution chosen), the same day.
    const opened = openReport(
      { id: 'pending', type: 'complaint', reporterId: 'guest:pending', requested: null },
      { id: 'guest:pending', role: 'guest', institutionId: null },
      new Date('2024-04-05T02:00:00Z'),
      { calendar },
    );
    if (!opened.ok) throw new Error(opened.error.message);
    const cat = (await d.db.execute(sql`select id from categories order by id limit 1`)).rows[0] as {
      id: number;
    };
    const { trackingId: national } = await storeReportState(d.db, opened.report, {
      categoryId: cat.id,
      at: new Date('2024-04-05T02:00:00Z'),
    });
    await sweep(deps(), new Date('2024-04-30T00:00:00Z'));

    const level3 = (await noticesOf(d.db, inSamarinda)).find(
      (n) => n.kind === 'escalation' && n.level === 3,
    )!;
    expect(level3).toMatchObject({
      recipient: 'national_admin_and_oversight',
      recipientInstitutionId: ids.samarinda,
    });
    const nationalNotices = await noticesOf(d.db, national);
    expect(nationalNotices.map((n) => [n.kind, n.level, n.recipient, n.recipientInstitutionId])).toEqual([
      ['reminder', 0, 'national_admin', null],
      ['escalation', 1, 'national_admin_and_oversight', null],
      ['escalation', 2, 'national_admin_and_oversight', null],
      ['escalation', 3, 'national_admin_and_oversight', null],
    ]);

    const worker = createDeliveryWorker({
      db: d.db,
      sealer: env.sealer,
      clock: () => new Date('2024-04-30T00:00:00Z'),
      smtpUrl: sink.url,
      mailFrom: 'Pintu <no-reply@pintu.test>',
      log: () => {},
    });
    await worker.drain();
    const inApp = async (user: string): Promise<string[]> =>
      (
        (
          await d.db.execute(sql`select tracking_id as "trackingId", template from notifications
          where user_id = ${user} order by id`)
        ).rows as { trackingId: string; template: string }[]
      ).map(
        (n) =>
          `${n.trackingId === national ? 'national' : n.trackingId === inSamarinda ? 'samarinda' : '?'}:${n.template}`,
      );
    // Level 2 goes to the parent's coordinator (no account here), or to the national admins and oversight when
    // Samarinda is top-level; level 3 always to them.
    const parent = (await holderById(d.db, ids.samarinda)).ancestorIds.at(-1);
    const fromSamarinda = parent
      ? ['samarinda:escalation']
      : ['samarinda:escalation', 'samarinda:escalation'];
    const nationalEscalations = ['national:escalation', 'national:escalation', 'national:escalation'];
    // The national admin also gets the national queue's reminder; oversight gets escalations only.
    expect((await inApp('nas-admin')).sort()).toEqual(
      ['national:reminder', ...nationalEscalations, ...fromSamarinda].sort(),
    );
    expect((await inApp('ombudsman')).sort()).toEqual([...nationalEscalations, ...fromSamarinda].sort());
    // Samarinda's coordinator: its own reminder and level 1 only.
    expect((await inApp('koord-smd')).sort()).toEqual(['samarinda:escalation', 'samarinda:reminder']);
    expect(sink.to('nas-admin@pintu.test')).toHaveLength(4 + fromSamarinda.length);
    expect(sink.to('ombudsman@pintu.test')).toHaveLength(3 + fromSamarinda.length);
  });
});
