/** A forwarded report counts for its new holder only with what that holder did (issue 10, ADR 0009). */
import { describe, expect, it } from 'vitest';
import { applyAction } from '../lifecycle/apply-action';
import { fakeWorkingDays } from '../lifecycle/fake-working-days';
import type { Holder } from '../lifecycle/holder';
import type { ReportState } from '../lifecycle/state';
import { actorOf, INST_A, INST_B, must, submitted, UNIT_A1, wib } from '../lifecycle/test-reports';
import { type CompletedStage, custodyStages, noStages } from './custody-stages';
import { reportFactOf } from './report-fact';

const calendar = fakeWorkingDays();
const ack = { type: 'acknowledge', complexity: 'simple', message: 'Diterima.' } as const;

/** A completed stage as the projection records it; breached when it ended after `due`. */
const stage = (
  name: string,
  holder: Holder | null,
  from: string,
  to: string,
  due?: string,
): CompletedStage => ({
  stage: name,
  holderId: holder?.institutionId ?? null,
  startedAt: wib(from),
  completedAt: wib(to),
  breached: due !== undefined && wib(to) > wib(due),
});

describe('a report A followed up, then forwarded to B', () => {
  const atA = [
    [
      '2024-06-03T09:00',
      (r: ReportState) =>
        must(r, { type: 'verify', targets: [INST_A] }, 'coordinator', wib('2024-06-03T09:00')),
    ],
    ['2024-06-04T09:00', (r: ReportState) => must(r, ack, 'liaison_officer', wib('2024-06-04T09:00'))],
    [
      '2024-06-05T09:00',
      (r: ReportState) =>
        must(r, { type: 'post_follow_up', message: 'Sudah.' }, 'liaison_officer', wib('2024-06-05T09:00')),
    ],
    [
      '2024-06-06T09:00',
      (r: ReportState) =>
        must(r, { type: 'reporter_reply', message: 'Belum.' }, 'citizen', wib('2024-06-06T09:00')),
    ],
  ] as const;
  const replied = atA.reduce((r, [, step]) => step(r), submitted(wib('2024-06-03T08:00')));
  const forwarded = must(
    replied,
    { type: 'not_our_authority', reason: 'Bukan kewenangan kami.', target: INST_B },
    'coordinator',
    wib('2024-06-24T10:00'),
  );
  // What the stage-clock projection recorded, all held by A (the last one ended by the forward, late).
  const stagesOfA = [
    stage('verify', INST_A, '2024-06-03T08:00', '2024-06-03T09:00'),
    stage('acknowledge', INST_A, '2024-06-03T09:00', '2024-06-04T09:00'),
    stage('follow_up', INST_A, '2024-06-04T09:00', '2024-06-05T09:00'),
    stage('reporter_response', INST_A, '2024-06-05T09:00', '2024-06-06T09:00'),
    stage('follow_up', INST_A, '2024-06-06T09:00', '2024-06-24T10:00', '2024-06-13T23:59'),
  ];

  it('is B’s received report, not followed up, with no follow-up speed and no reopen', () => {
    expect(forwarded).toMatchObject({ acknowledgedAt: null, firstFollowUpAt: null, reopenCount: 0 });
    expect(reportFactOf(forwarded, calendar)).toMatchObject({
      institutionId: 'inst-b',
      dispositionDate: '2024-06-24',
      bucket: 'not_followed_up',
      followUpDays: null,
      reopened: false,
    });
  });

  it('carries none of the stages A held into B’s SLA compliance', () => {
    expect(custodyStages(forwarded, stagesOfA)).toEqual(noStages());
    // While A held it, they were A's: its own verify, its acknowledgement and its first follow-up.
    expect(custodyStages(replied, stagesOfA.slice(0, 4))).toEqual({
      ...noStages(),
      verifyMet: 1,
      acknowledgeMet: 1,
      followUpMet: 1,
    });
  });

  it('counts B’s own work from B’s disposition on', () => {
    // actorOf(role, false) is inst-b's liaison officer.
    const result = applyAction(forwarded, ack, actorOf('liaison_officer', false), wib('2024-06-25T09:00'), {
      calendar,
    });
    if (!result.ok) throw new Error(result.error.message);
    const b = result.report;
    const own = [...stagesOfA, stage('acknowledge', INST_B, '2024-06-24T10:00', '2024-06-25T09:00')];
    expect(custodyStages(b, own)).toEqual({ ...noStages(), acknowledgeMet: 1 });
  });
});

describe('the verify stage', () => {
  it('counts for the institution that verified a report in its own queue, and its units after a dispose_down', () => {
    const verified = must(
      submitted(wib('2024-06-03T08:00')),
      { type: 'verify', targets: [INST_A] },
      'coordinator',
      wib('2024-06-03T09:00'),
    );
    const down = must(
      verified,
      { type: 'dispose_down', unit: UNIT_A1 },
      'coordinator',
      wib('2024-06-03T10:00'),
    );
    const verify = stage('verify', INST_A, '2024-06-03T08:00', '2024-06-03T09:00');
    expect(custodyStages(down, [verify])).toEqual({ ...noStages(), verifyMet: 1 });
  });

  it('of the national queue counts for no institution', () => {
    const verified = must(
      submitted(wib('2024-06-03T08:00'), null),
      { type: 'verify', targets: [INST_A] },
      'national_admin',
      wib('2024-06-03T09:00'),
    );
    const verify = stage('verify', null, '2024-06-03T08:00', '2024-06-03T09:00');
    expect(custodyStages(verified, [verify])).toEqual(noStages());
  });

  it('of A, ended by A forwarding before verifying, is not B’s', () => {
    const forwarded = must(
      submitted(wib('2024-06-03T08:00')),
      { type: 'not_our_authority', reason: 'Bukan kewenangan kami.', target: INST_B },
      'coordinator',
      wib('2024-06-10T09:00'),
    );
    const verify = stage('verify', INST_A, '2024-06-03T08:00', '2024-06-10T09:00', '2024-06-06T23:59');
    expect(custodyStages(forwarded, [verify])).toEqual(noStages());
  });
});
