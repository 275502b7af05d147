/**
 * Intake's cached receipts (db/intake-projections.ts, `outboxJson`) are exactly core's outbox rows: for any filing,
 * the first of its shape (computed) and every later one (filled in from the cache) equal `outboxRows`.
 */
import { type OutboxEvent, type OutboxReport, outboxRows } from '@pintu/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outboxJson, REPORT_SLOT } from '../../src/db/intake-projections';

const noStaff = () => [];

const reportArb = fc.record({
  reportId: fc.constant(REPORT_SLOT),
  trackingId: fc.oneof(
    fc.stringMatching(/^LPR-[0-9]{8}-[A-Z0-9]{6}$/),
    // Not a plain id: computed, never filled into a cached text.
    fc.string({ minLength: 1, maxLength: 12 }),
  ),
  language: fc.constantFrom('id', 'en', 'jv'),
  hasContact: fc.boolean(),
  accountId: fc.option(fc.constantFrom('user-1', 'user-2'), { nil: null }),
  institutionId: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
  path: fc.constant(null),
}) satisfies fc.Arbitrary<OutboxReport>;

const eventArb = fc.record({
  seq: fc.constant(1),
  // A report's first event: a filing, or (imports) a report stored in a later state.
  action: fc.constantFrom('submitted', 'submitted', 'acknowledge'),
  fromStatus: fc.constantFrom(null, null, 'dispositioned'),
  toStatus: fc.constantFrom('submitted', 'dispositioned'),
  payload: fc.oneof(
    fc.constant({ channel: 'web', queue: 'institution' }),
    fc.record({ channel: fc.constantFrom('web', 'sms'), message: fc.string() }),
    fc.record({ question: fc.string() }),
  ),
}) satisfies fc.Arbitrary<OutboxEvent>;

describe('intake receipts', () => {
  it('equal core’s outbox rows, computed or from the cache', () => {
    fc.assert(
      fc.property(reportArb, reportArb, eventArb, (a, b, e) => {
        // Same shape and other shapes, in either order: the cache must neither leak nor mix.
        const same = { ...b, hasContact: a.hasContact, language: a.language };
        for (const r of [a, same, b, a, b])
          expect(JSON.parse(outboxJson(r, e))).toEqual(outboxRows(r, [e], noStaff));
      }),
      { numRuns: 300 },
    );
  });

  it('carry each filing’s own tracking id', () => {
    const r = (trackingId: string): OutboxReport => ({
      reportId: REPORT_SLOT,
      trackingId,
      language: 'id',
      hasContact: true,
      accountId: null,
      institutionId: 7,
      path: null,
    });
    const e: OutboxEvent = {
      seq: 1,
      action: 'submitted',
      fromStatus: null,
      toStatus: 'submitted',
      payload: {},
    };
    const first = JSON.parse(outboxJson(r('LPR-20260101-AAAAAA'), e));
    const next = JSON.parse(outboxJson(r('LPR-20260101-BBBBBB'), e));
    expect(first.map((o: { channel: string }) => o.channel)).toEqual(['email', 'sms']);
    expect(next.map((o: { payload: { trackingId: string } }) => o.payload.trackingId)).toEqual([
      'LPR-20260101-BBBBBB',
      'LPR-20260101-BBBBBB',
    ]);
  });
});
