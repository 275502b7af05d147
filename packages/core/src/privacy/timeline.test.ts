import { describe, expect, it } from 'vitest';
import { eventsFor, type LoggedEvent, referencedInstitutions } from './timeline';

let seq = 0;
const event = (action: string, over: Partial<LoggedEvent> = {}): LoggedEvent => ({
  seq: ++seq,
  action,
  actorId: 'user-staff-1',
  actorRole: 'coordinator',
  institutionId: 7,
  at: new Date('2024-05-08T02:00:00Z'),
  fromStatus: 'verified',
  toStatus: 'verified',
  payload: {},
  ...over,
});

const LOG: LoggedEvent[] = [
  event('submitted', {
    actorId: null,
    actorRole: 'guest',
    institutionId: null,
    fromStatus: null,
    toStatus: 'submitted',
    payload: { requestedInstitutionId: 7, channel: 'web', facilitatorId: 'fac-1', queue: 'national' },
  }),
  event('verify', {
    fromStatus: 'submitted',
    toStatus: 'verified',
    payload: { targetIds: ['9'], note: 'Ke dinas', stage: 'acknowledge', dueAt: '2024-05-10' },
  }),
  event('comment_internal', { payload: { message: 'Catatan internal' } }),
  event('acknowledge', {
    actorId: 'user-op-1',
    actorRole: 'unit_operator',
    institutionId: 9,
    fromStatus: 'verified',
    toStatus: 'in_progress',
    payload: { complexity: 'simple', message: 'Kami tangani', stage: 'follow_up', dueAt: '2024-05-20' },
  }),
  event('draft_follow_up', { payload: { message: 'Draf' } }),
  event('reveal_identity', { actorRole: 'national_admin', institutionId: null, payload: { reason: 'x' } }),
  event('post_follow_up', {
    fromStatus: 'in_progress',
    toStatus: 'in_progress',
    payload: { message: 'Jawab' },
  }),
  event('reporter_reply', {
    actorId: null,
    actorRole: 'guest',
    institutionId: null,
    payload: { message: 'Ok' },
  }),
];

describe('what each audience sees of a timeline', () => {
  it('the public: status changes and published follow-ups, without people or identity', () => {
    const seen = eventsFor(LOG, 'public', true);
    expect(seen.map((e) => e.type)).toEqual(['submitted', 'verify', 'acknowledge', 'post_follow_up']);
    expect(seen[0]!.payload).toEqual({});
    expect(seen[1]!.payload).toEqual({ targetIds: ['9'] });
    expect(seen[2]).toMatchObject({ actor: { side: 'institution', institutionId: 9 } });
    for (const e of seen) {
      expect(e.actor).not.toHaveProperty('userId');
      expect(e.actor).not.toHaveProperty('role');
    }
    expect(JSON.stringify(seen)).not.toMatch(/fac-1|user-|Catatan|Draf/);
  });

  it('the reporter: everything but internal notes, drafts and reveals; institutions, not staff', () => {
    const seen = eventsFor(LOG, 'reporter', false);
    expect(seen.map((e) => e.type)).toEqual([
      'submitted',
      'verify',
      'acknowledge',
      'post_follow_up',
      'reporter_reply',
    ]);
    expect(seen[1]!.payload).toEqual({ targetIds: ['9'], stage: 'acknowledge', dueAt: '2024-05-10' });
    expect(seen[2]!.actor).toEqual({ side: 'institution', role: 'unit_operator', institutionId: 9 });
    expect(JSON.stringify(seen)).not.toMatch(/user-|fac-1/);
  });

  it('staff: everything with the staff member who acted, never the reporter’s account', () => {
    const seen = eventsFor(LOG, 'staff', false);
    expect(seen).toHaveLength(LOG.length);
    expect(seen[2]!.actor).toEqual({
      side: 'institution',
      role: 'coordinator',
      institutionId: 7,
      userId: 'user-staff-1',
    });
    expect(seen[5]!.actor).toMatchObject({ side: 'national', userId: 'user-staff-1' });
    expect(seen[0]!.actor).toEqual({ side: 'reporter', role: 'guest', institutionId: null });
    expect(seen[0]!.payload).toHaveProperty('facilitatorId', 'fac-1');
  });

  it('staff and oversight never see the facilitator of an anonymous report', () => {
    for (const audience of ['staff', 'oversight'] as const) {
      const [submitted] = eventsFor(LOG, audience, true);
      expect(submitted!.payload).not.toHaveProperty('facilitatorId');
      expect(submitted!.payload).toHaveProperty('channel', 'web');
    }
  });

  it('names the institutions the seen events refer to', () => {
    expect(referencedInstitutions(eventsFor(LOG, 'reporter', false)).sort()).toEqual(['7', '9']);
    expect(referencedInstitutions(eventsFor(LOG, 'public', false)).sort()).toEqual(['7', '9']);
  });
});
