import { describe, expect, it } from 'vitest';
import {
  nextWebhookAttempt,
  WEBHOOK_RETRY_SCHEDULE_S,
  type WebhookEvent,
  type WebhookReport,
  type WebhookSubscriber,
  webhookDeliveries,
} from './webhooks';

const at = new Date('2024-06-03T02:00:00Z');
const ev = (
  e: Partial<WebhookEvent> & Pick<WebhookEvent, 'action' | 'fromStatus' | 'toStatus'>,
): WebhookEvent => ({
  seq: 2,
  at,
  payload: {},
  holderPath: null,
  ...e,
});
// Province 1 > city 10 (Balikpapan) > unit 100; city 20 (Samarinda) elsewhere under the province.
const report = (over: Partial<WebhookReport> = {}): WebhookReport => ({
  trackingId: 'LPR-1',
  externalRef: null,
  institutionId: 100,
  holderPath: [1, 10, 100],
  filedByAppId: null,
  confidential: false,
  ...over,
});
const all = [
  'report.filed',
  'report.dispositioned',
  'report.status_changed',
  'report.follow_up_published',
  'report.reporter_replied',
  'report.deadline_breached',
];
const sub = (appId: string, inst: number, eventTypes = all): WebhookSubscriber => ({
  endpointId: `ep-${appId}`,
  appId,
  appInstitutionId: inst,
  eventTypes,
});
const balikpapan = sub('bpn', 10);
const samarinda = sub('smd', 20);

describe('webhook deliveries of a report event', () => {
  it('a filing goes only to the app that filed it, with its external ref', () => {
    const filed = ev({ seq: 1, action: 'submitted', fromStatus: null, toStatus: 'submitted' });
    const rows = webhookDeliveries(
      report({ filedByAppId: 'smd', externalRef: 'X-9', institutionId: null, holderPath: null }),
      [filed],
      [balikpapan, samarinda],
    );
    expect(rows.map((r) => [r.endpointId, r.eventType])).toEqual([['ep-smd', 'report.filed']]);
    expect(rows[0]!.payload.data).toMatchObject({
      trackingId: 'LPR-1',
      externalRef: 'X-9',
      status: 'submitted',
    });
  });

  it('a disposition reaches the new holder subtree only, with a status change', () => {
    const verify = ev({ action: 'verify', fromStatus: 'submitted', toStatus: 'dispositioned' });
    const rows = webhookDeliveries(report(), [verify], [balikpapan, samarinda, sub('prov', 1)]);
    expect(rows.map((r) => `${r.endpointId} ${r.eventType}`).sort()).toEqual([
      'ep-bpn report.dispositioned',
      'ep-bpn report.status_changed',
      'ep-prov report.dispositioned',
      'ep-prov report.status_changed',
    ]);
  });

  it('a not-our-authority move tells the old holder of the status change but not of a disposition', () => {
    const noa = ev({
      action: 'not_our_authority',
      fromStatus: 'dispositioned',
      toStatus: 'dispositioned',
      holderPath: [1, 20],
    });
    const rows = webhookDeliveries(report(), [noa], [balikpapan, samarinda]);
    expect(rows.map((r) => `${r.endpointId} ${r.eventType}`)).toEqual(['ep-bpn report.dispositioned']);
    const moved = ev({
      action: 'not_our_authority',
      fromStatus: 'in_progress',
      toStatus: 'submitted',
      holderPath: [1, 20],
    });
    const rows2 = webhookDeliveries(
      report({ institutionId: null, holderPath: null }),
      [moved],
      [balikpapan, samarinda],
    );
    expect(rows2.map((r) => `${r.endpointId} ${r.eventType}`)).toEqual(['ep-smd report.status_changed']);
  });

  it('follow-ups, replies and breaches reach subscribers of those types only', () => {
    const events = [
      ev({ seq: 3, action: 'post_follow_up', fromStatus: 'in_progress', toStatus: 'in_progress' }),
      ev({ seq: 4, action: 'reporter_reply', fromStatus: 'in_progress', toStatus: 'in_progress' }),
      ev({
        seq: 5,
        action: 'escalate',
        fromStatus: 'in_progress',
        toStatus: 'in_progress',
        payload: { level: 1, actorId: 'u-1' },
      }),
      ev({ seq: 6, action: 'comment_internal', fromStatus: 'in_progress', toStatus: 'in_progress' }),
    ];
    const rows = webhookDeliveries(report(), events, [
      sub('bpn', 10, ['report.deadline_breached', 'report.follow_up_published']),
    ]);
    expect(rows.map((r) => [r.eventSeq, r.eventType])).toEqual([
      [3, 'report.follow_up_published'],
      [5, 'report.deadline_breached'],
    ]);
    expect(rows[1]!.payload.data).toEqual({
      trackingId: 'LPR-1',
      externalRef: null,
      status: 'in_progress',
      institutionId: 100,
      seq: 5,
      action: 'escalate',
      at: at.toISOString(),
      level: 1,
    });
  });

  it('a confidential report carries nothing beyond tracking id and status, and no event payload leaks', () => {
    const e = ev({
      action: 'post_follow_up',
      fromStatus: 'in_progress',
      toStatus: 'resolved',
      payload: { message: 'Budi Santoso' },
    });
    const rows = webhookDeliveries(report({ confidential: true, externalRef: 'X' }), [e], [balikpapan]);
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(Object.keys(r.payload.data).sort()).toEqual(['at', 'seq', 'status', 'trackingId']);
      expect(JSON.stringify(r.payload)).not.toContain('Budi');
    }
  });
});

describe('retry schedule', () => {
  it('covers at least 3 days and then gives up', () => {
    const total = WEBHOOK_RETRY_SCHEDULE_S.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(3 * 86_400);
    expect(nextWebhookAttempt(1, at, 0.5)!.getTime() - at.getTime()).toBe(30_000);
    expect(nextWebhookAttempt(2, at, 0)!.getTime() - at.getTime()).toBe(108_000);
    expect(nextWebhookAttempt(WEBHOOK_RETRY_SCHEDULE_S.length, at, 0.99)).not.toBeNull();
    expect(nextWebhookAttempt(WEBHOOK_RETRY_SCHEDULE_S.length + 1, at, 0.5)).toBeNull();
  });
});
