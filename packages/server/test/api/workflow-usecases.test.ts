/**
 * The workflow use cases called directly with callers (as the session middleware resolves them): splitting to
 * several institutions, duplicates, refusals that change nothing, stale writes, the timeline per audience, the staff
 * view, and identity reveal. The HTTP layer over them is tested in journey, action-matrix and privacy tests.
 */
import { randomBytes } from 'node:crypto';
import { DomainFailure } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/app/accounts/caller';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { fileReport } from '../../src/app/reports/file-report';
import { viewReport } from '../../src/app/reports/view-report';
import { actOnReport } from '../../src/app/workflow/act-on-report';
import { NoCredentials } from '../../src/app/workflow/action-context';
import type { Credentials } from '../../src/app/workflow/callers';
import { readTimeline } from '../../src/app/workflow/read-timeline';
import { listIdentityReveals, revealIdentity } from '../../src/app/workflow/reveal-identity';
import type { Database } from '../../src/db/open';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { postgresPorts } from '../../src/db/postgres-ports';
import { domainProblem, ProblemError } from '../../src/http/problem';
import { ReportInput } from '../../src/http/reports/reports.schema';
import { presentSight } from '../../src/http/reports/sight.presenter';
import type { ActionInput } from '../../src/http/workflow/workflow.schema';
import { createAccountCipher } from '../../src/security/account-cipher';
import { createSealer } from '../../src/security/seal';
import { refIds, reportInput } from '../support/fixtures';
import { ENGINES, openTestDatabase } from '../support/test-db';
import { callerOf, createUnit } from '../support/workflow-fixtures';

/** The view a route would answer: the use case's sight, presented. */
const viewPresented = async (...args: Parameters<typeof viewReport>) =>
  presentSight(await viewReport(...args));

describe.each(ENGINES)('workflow use cases on %s', (engine) => {
  let d: Database;
  let env: Awaited<ReturnType<typeof makeEnv>>;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let unitId: number;

  async function makeEnv(db: Database['db']) {
    return {
      ...postgresPorts(db, createAccountCipher(randomBytes(32))),
      db,
      sealer: createSealer(randomBytes(32)),
      calendar: await loadCalendar(db),
      now: new Date('2024-05-08T02:00:00Z'),
    };
  }

  beforeAll(async () => {
    d = await openTestDatabase(engine);
    env = await makeEnv(d.db);
    ids = await refIds(d.db);
    unitId = await createUnit(
      d.db,
      ids.samarinda,
      'pemda-64.72-dpupr',
      'Dinas Pekerjaan Umum dan Penataan Ruang',
    );
  });
  afterAll(() => d.close());

  const at = (iso: string) => {
    env.now = new Date(iso);
  };
  const admin = () => callerOf('national_admin', null);
  const coordinator = () => callerOf('coordinator', ids.samarinda);
  const as = (caller: Caller): Credentials => ({ caller });

  async function file(over: Record<string, unknown> = {}) {
    return fileReport(env, ReportInput.parse(reportInput(ids.roads, over)), {
      kind: 'guest',
      channel: 'web',
    });
  }
  const act = (trackingId: string, input: ActionInput, credentials: Credentials) =>
    actOnReport(env, trackingId, input, credentials);
  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      // What HTTP answers: a use case's DomainFailure becomes the same problem (http/app.ts), and a credentials with
      // neither a session nor an access code gets the route's 401.
      if (err instanceof NoCredentials) return { code: 'UNAUTHENTICATED', reason: undefined, fields: [] };
      const problem = err instanceof DomainFailure ? domainProblem(err.error) : err;
      if (problem instanceof ProblemError)
        return { code: problem.code, reason: problem.reason, fields: problem.errors };
      throw err;
    }
    throw new Error('expected a refusal');
  };

  describe('actions as use cases', () => {
    it('verifies to several institutions: linked child reports with their own clocks, the reporter follows them', async () => {
      at('2024-05-08T02:00:00Z');
      const r = await file();
      const res = await act(
        r.trackingId,
        { action: 'verify', targets: [ids.samarinda, ids.kaltim] },
        as(admin()),
      );
      expect(res.status).toBe('dispositioned');
      expect(res.dueAt).toBeNull();
      expect(res.children.map((c) => c.institutionId)).toEqual([ids.samarinda, ids.kaltim]);
      for (const child of res.children) {
        const view = await viewPresented(env, child.trackingId, r.accessCode);
        expect(view).toMatchObject({
          view: 'reporter',
          status: 'dispositioned',
          title: reportInput(ids.roads).title,
        });
        // 3 working days in WITA after Wed 8 May 2024: 9 and 10 May (Ascension, cuti bersama) are off → Wed 15 May.
        expect(new Date(view.dueAt!).toISOString()).toBe('2024-05-15T15:59:59.999Z');
        const events = await readEvents(d.db, child.trackingId);
        expect(events.map((e) => [e.seq, e.action, e.toStatus])).toEqual([[1, 'verify', 'dispositioned']]);
      }
      const parentView = await viewPresented({ ...env, caller: admin() }, r.trackingId);
      expect(parentView.handling?.children.map((c) => c.trackingId).sort()).toEqual(
        res.children.map((c) => c.trackingId).sort(),
      );
      const childView = await viewPresented({ ...env, caller: coordinator() }, res.children[0]!.trackingId);
      expect(childView.handling?.parent).toBe(r.trackingId);
    });

    it('resolves a split parent once every child is closed', async () => {
      at('2024-05-08T02:00:00Z');
      const r = await file();
      const res = await act(
        r.trackingId,
        { action: 'verify', targets: [ids.samarinda, ids.kaltim] },
        as(admin()),
      );
      const [a, b] = res.children;
      // Each child goes back to the national queue (not our authority) and is archived there.
      for (const child of [a!, b!]) {
        const coord = callerOf('coordinator', child.institutionId);
        await act(
          child.trackingId,
          { action: 'not_our_authority', reason: 'Bukan kewenangan kami' },
          as(coord),
        );
        await act(child.trackingId, { action: 'archive', reason: 'out_of_scope' }, as(admin()));
      }
      const parent = await viewPresented({ ...env, caller: admin() }, r.trackingId);
      expect(parent.status).toBe('resolved');
      const events = await readEvents(d.db, r.trackingId);
      expect(events.at(-1)).toMatchObject({
        action: 'resolve_parent',
        actorRole: 'system',
        toStatus: 'resolved',
      });
    });

    it('archives a duplicate linking the original by trackingId; an unknown original is a 422', async () => {
      const original = await file();
      const dup = await file();
      expect(
        await refusal(
          act(
            dup.trackingId,
            { action: 'archive', reason: 'duplicate', duplicateOf: 'LPR-0000-0000-0000' },
            as(admin()),
          ),
        ),
      ).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'duplicateOf', code: 'unknown' }] });
      expect(
        await refusal(act(dup.trackingId, { action: 'archive', reason: 'duplicate' }, as(admin()))),
      ).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'duplicateOf' }] });
      const res = await act(
        dup.trackingId,
        { action: 'archive', reason: 'duplicate', duplicateOf: original.trackingId.toLowerCase() },
        as(admin()),
      );
      expect(res.status).toBe('archived');
      const timeline = await readTimeline(env, dup.trackingId, {
        caller: null,
        accessCode: dup.accessCode,
      });
      expect(timeline.events.at(-1)).toMatchObject({
        type: 'archive',
        payload: { reason: 'duplicate', duplicateOfId: original.trackingId },
      });
      const staff = await viewPresented({ ...env, caller: admin() }, dup.trackingId);
      expect(staff.handling?.duplicateOf).toBe(original.trackingId);
    });

    it('refuses with the domain code and reason and writes nothing', async () => {
      at('2024-05-08T02:00:00Z');
      const r = await file();
      const before = await readEvents(d.db, r.trackingId);
      const cases: [ActionInput, Credentials, string, string | undefined][] = [
        [
          { action: 'acknowledge', complexity: 'simple', message: 'Diterima' },
          as(admin()),
          'NOT_ALLOWED',
          undefined,
        ],
        [
          { action: 'accept', rating: 5 },
          { caller: null, accessCode: r.accessCode },
          'INVALID_TRANSITION',
          'status',
        ],
        [
          { action: 'verify', targets: [ids.samarinda] },
          { caller: null, accessCode: 'AAAA-BBBB-CCCC-DDDD' },
          'NOT_ALLOWED',
          'access_code',
        ],
        [{ action: 'verify', targets: [ids.samarinda] }, { caller: null }, 'UNAUTHENTICATED', undefined],
        // Out of scope: the national queue is nobody's subtree.
        [{ action: 'verify', targets: [ids.samarinda] }, as(coordinator()), 'NOT_ALLOWED', undefined],
        [{ action: 'verify', targets: [999_999] }, as(admin()), 'VALIDATION', undefined],
        [{ action: 'dispose_down', unit: unitId }, as(admin()), 'NOT_ALLOWED', undefined],
      ];
      for (const [input, credentials, code, reason] of cases)
        expect(await refusal(act(r.trackingId, input, credentials)), input.action).toMatchObject({
          code,
          reason,
        });
      expect(await readEvents(d.db, r.trackingId)).toEqual(before);
    });

    it('picks the grant the core allows among several, and reports the most telling refusal', async () => {
      at('2024-05-08T02:00:00Z');
      const r = await file({ institutionId: ids.samarinda });
      const many = callerOf('citizen', null, {
        grants: [
          { role: 'citizen', institutionId: null },
          { role: 'liaison_officer', institutionId: ids.samarinda },
          { role: 'coordinator', institutionId: ids.samarinda },
        ],
      });
      // Hop limit not reached, status fine: the liaison officer's grant is refused, the coordinator's wins.
      const res = await act(r.trackingId, { action: 'verify', targets: [unitId] }, as(many));
      expect(res.status).toBe('dispositioned');
      expect(res.allowedActions).toEqual(
        expect.arrayContaining(['dispose_down', 'hold', 'acknowledge', 'comment_internal']),
      );
      // Acknowledge passes for the liaison grant; approve has no pending draft: a guard's reason is the most telling.
      await act(r.trackingId, { action: 'acknowledge', complexity: 'simple', message: 'Diterima' }, as(many));
      expect(await refusal(act(r.trackingId, { action: 'approve_follow_up' }, as(many)))).toMatchObject({
        code: 'INVALID_TRANSITION',
        reason: 'no_pending_draft',
      });
    });

    it('refuses a stale write with 409 CONFLICT', async () => {
      const r = await file();
      const { loadWorkflowReport } = await import('../../src/db/postgres-workflow');
      const { persistTransition } = await import('../../src/app/workflow/persist-action');
      const stale = (await loadWorkflowReport(d.db, r.trackingId))!;
      // The version is the row's updated_at: the competing write happens a second later.
      env.now = new Date(env.now.getTime() + 1000);
      await act(r.trackingId, { action: 'comment_internal', message: 'Cek lokasi' }, as(admin()));
      const attempt = persistTransition(
        d.db,
        stale,
        { state: stale.state, events: [], created: [], claim: [] },
        env.now,
      );
      expect(await refusal(attempt)).toMatchObject({ code: 'CONFLICT', reason: 'stale' });
    });
  });

  describe('what each audience sees', () => {
    let trackingId: string;
    let accessCode: string;
    const secret = {
      name: 'Bambang Sutrisno Wiryo',
      email: 'bambang.wiryo@example.id',
      phone: '081377712345',
    };

    beforeAll(async () => {
      at('2024-05-08T02:00:00Z');
      const r = await file({ institutionId: ids.samarinda, reporter: secret });
      trackingId = r.trackingId;
      accessCode = r.accessCode;
      await act(trackingId, { action: 'verify', targets: [unitId] }, as(coordinator()));
      await act(
        trackingId,
        { action: 'comment_internal', message: 'Catatan internal rahasia' },
        as(coordinator()),
      );
      const liaison = callerOf('liaison_officer', unitId);
      await act(
        trackingId,
        { action: 'acknowledge', complexity: 'simple', message: 'Kami tangani' },
        as(liaison),
      );
      const operator = callerOf('unit_operator', unitId);
      await act(trackingId, { action: 'draft_follow_up', message: 'Draf jawaban pertama' }, as(operator));
      await act(trackingId, { action: 'return_draft', note: 'Lengkapi foto' }, as(liaison));
    });

    it('the public sees status changes only, without people or internal notes', async () => {
      const t = await readTimeline(env, trackingId, { caller: null });
      expect(t.audience).toBe('public');
      expect(t.events.map((e) => e.type)).toEqual(['submitted', 'verify', 'acknowledge']);
      const text = JSON.stringify(t);
      for (const hidden of ['Catatan internal', 'Draf jawaban', 'Lengkapi foto', 'Kami tangani', 'user-'])
        expect(text).not.toContain(hidden);
    });

    it('the reporter sees the handling but no internal comment, draft or return, and no staff account', async () => {
      const t = await readTimeline(env, trackingId, { caller: null, accessCode });
      expect(t.audience).toBe('reporter');
      expect(t.events.map((e) => e.type)).toEqual(['submitted', 'verify', 'acknowledge']);
      expect(t.events[2]!.payload).toMatchObject({ message: 'Kami tangani', complexity: 'simple' });
      expect(t.institutions[String(unitId)]).toBe('Dinas Pekerjaan Umum dan Penataan Ruang');
      expect(JSON.stringify(t)).not.toMatch(/Catatan internal|Draf jawaban|Lengkapi foto|user-/);
    });

    it('staff in scope see everything with staff accounts; oversight too; staff elsewhere only the public', async () => {
      const staff = await readTimeline(env, trackingId, as(callerOf('unit_operator', unitId)));
      expect(staff.audience).toBe('staff');
      expect(staff.events.map((e) => e.type)).toEqual([
        'submitted',
        'verify',
        'comment_internal',
        'acknowledge',
        'draft_follow_up',
        'return_draft',
      ]);
      expect(staff.events[2]!.actor).toMatchObject({
        side: 'institution',
        role: 'coordinator',
        userId: expect.any(String),
      });
      expect(staff.events[0]!.actor).toEqual({ side: 'reporter', role: 'guest', institutionId: null });
      const oversight = await readTimeline(env, trackingId, as(callerOf('oversight', null)));
      expect(oversight.audience).toBe('oversight');
      expect(oversight.events).toHaveLength(6);
      const elsewhere = await readTimeline(env, trackingId, as(callerOf('coordinator', ids.kemenpu)));
      expect(elsewhere.audience).toBe('public');
    });

    it('staff see the report with deadline, actions and custody, and the reporter masked', async () => {
      const view = await viewPresented({ ...env, caller: callerOf('liaison_officer', unitId) }, trackingId);
      expect(view.view).toBe('staff');
      expect(view.reporter).toEqual({
        display: secret.name,
        name: secret.name,
        email: 'b***@example.id',
        phone: '0813****2345',
      });
      expect(view.handling).toMatchObject({
        stage: 'follow_up',
        complexity: 'simple',
        draft: { state: 'returned', returnNote: 'Lengkapi foto' },
      });
      expect(view.handling!.allowedActions).toEqual([
        'hold',
        'draft_follow_up',
        'post_follow_up',
        'comment_internal',
        'flag',
      ]);
      expect(view.handling!.custody.map((c) => c.institution?.id)).toEqual([ids.samarinda, unitId]);
      const outside = await viewPresented(
        { ...env, caller: callerOf('coordinator', ids.kemenpu) },
        trackingId,
      );
      expect(outside.view).toBe('public');
    });
  });

  describe('a citizen account following its own report', () => {
    it('gets the reporter view and timeline, and acts as the reporter', async () => {
      at('2024-05-08T02:00:00Z');
      const r = await file({ institutionId: ids.samarinda });
      const citizen = callerOf('citizen', null, { userId: 'citizen-account-1' });
      // Intake files as a guest today; an account's report carries the account as its reporter.
      await d.db.execute(sql`update reports set reporter_account_id = ${citizen.userId},
        lifecycle = jsonb_set(lifecycle, '{reporterId}', to_jsonb(${citizen.userId}::text))
        where tracking_id = ${r.trackingId}`);
      const view = await viewPresented({ ...env, caller: citizen }, r.trackingId);
      expect(view).toMatchObject({ view: 'reporter', reporter: { name: 'Siti Rahmawati' } });
      const timeline = await readTimeline(env, r.trackingId, as(citizen));
      expect(timeline.audience).toBe('reporter');
      const stranger = callerOf('citizen', null, { userId: 'citizen-account-2' });
      expect((await viewPresented({ ...env, caller: stranger }, r.trackingId)).view).toBe('public');
      await act(r.trackingId, { action: 'hold', question: 'Foto lokasi?' }, as(coordinator()));
      const answered = await act(r.trackingId, { action: 'answer_hold', message: 'Terlampir.' }, as(citizen));
      expect(answered).toMatchObject({ status: 'submitted', allowedActions: [] });
      expect(
        await refusal(act(r.trackingId, { action: 'answer_hold', message: 'Lagi.' }, as(stranger))),
      ).toMatchObject({ code: 'NOT_ALLOWED' });
      // A registered reporter of a report that is not anonymous is named in the log by account id …
      const events = await readEvents(d.db, r.trackingId);
      expect(events.at(-1)).toMatchObject({
        action: 'answer_hold',
        actorRole: 'citizen',
        actorId: citizen.userId,
      });
      // … and once anonymous, by nothing.
      await d.db.execute(sql`update reports set is_anonymous = true where tracking_id = ${r.trackingId}`);
      await act(r.trackingId, { action: 'hold', question: 'Alamat?' }, as(coordinator()));
      await act(r.trackingId, { action: 'answer_hold', message: 'Jl. Juanda.' }, as(citizen));
      expect((await readEvents(d.db, r.trackingId)).at(-1)).toMatchObject({
        actorRole: 'citizen',
        actorId: null,
      });
    });
  });

  describe('identity reveal', () => {
    it('only a national admin with the permission, with a reason; logged; visible to oversight', async () => {
      at('2024-05-08T02:00:00Z');
      const secret = { name: 'Rahasia Sekali Orangnya', email: 'rahasia@example.id', phone: '081299988877' };
      const r = await file({ isAnonymous: true, reporter: secret });
      const reason = 'Dugaan ancaman terhadap pelapor, perlu dihubungi.';
      expect(await refusal(revealIdentity(env, r.trackingId, reason, admin()))).toMatchObject({
        code: 'NOT_ALLOWED',
      });
      expect(
        await refusal(
          revealIdentity(
            env,
            r.trackingId,
            reason,
            callerOf('oversight', null, { permissions: ['reveal_identity'] }),
          ),
        ),
      ).toMatchObject({ code: 'NOT_ALLOWED' });
      const revealer = callerOf('national_admin', null, {
        permissions: ['reveal_identity'],
        name: 'Admin Pengungkap',
      });
      const revealed = await revealIdentity(env, r.trackingId, reason, revealer);
      expect(revealed.identity).toEqual(secret);
      const log = await listIdentityReveals(env, callerOf('oversight', null), { page: 1, pageSize: 20 });
      expect(log.items[0]).toMatchObject({
        trackingId: r.trackingId,
        reason,
        revealedBy: revealer.userId,
        revealedByName: 'Admin Pengungkap',
        role: 'national_admin',
      });
      expect(await refusal(listIdentityReveals(env, coordinator(), { page: 1, pageSize: 20 }))).toMatchObject(
        {
          code: 'NOT_ALLOWED',
        },
      );
      const events = await readEvents(d.db, r.trackingId);
      expect(events.at(-1)).toMatchObject({ action: 'reveal_identity', payload: { reason } });
      const raw =
        JSON.stringify((await d.db.execute(sql`select * from identity_reveals`)).rows) +
        JSON.stringify(events);
      for (const value of Object.values(secret)) expect(raw).not.toContain(value);
    });
  });
});
