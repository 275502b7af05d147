/** The schedule of one stage: table-driven, literal instants, the 2024 decree's Lebaran holidays. */

import { describe, expect, it } from 'vitest';
import { NATIONAL_HOLIDAYS } from '../calendar/national-holidays';
import { createCalendar } from '../calendar/working-day-calendar';
import { type ClockRow, nextStep } from './schedule';

const calendar = createCalendar(NATIONAL_HOLIDAYS);
// Verify stage of a WIT report filed Friday 5 April 2024: due at the end of Thursday 18 April, 23:59:59.999 WIT.
const base: ClockRow = {
  stage: 'verify',
  timeZone: 'Asia/Jayapura',
  regionCode: null,
  startedAt: new Date('2024-04-05T01:00:00Z'),
  dueAt: new Date('2024-04-18T14:59:59.999Z'),
  pausedAt: null,
  completedAt: null,
  escalationLevel: 0,
  remindedAt: null,
};
const reminded = { remindedAt: new Date('2024-04-17T15:00:00Z') };

describe('nextStep', () => {
  it.each([
    ['reminder at 00:00 WIT of the due day', {}, { kind: 'reminder', at: '2024-04-17T15:00:00.000Z' }],
    ['level 1 at the breach', reminded, { kind: 'escalation', level: 1, at: '2024-04-18T15:00:00.000Z' }],
    [
      'level 2 at the 2nd working day after the due date (Monday 22 April)',
      { ...reminded, escalationLevel: 1 },
      { kind: 'escalation', level: 2, at: '2024-04-21T15:00:00.000Z' },
    ],
    [
      'level 3 at the 5th (Thursday 25 April)',
      { ...reminded, escalationLevel: 2 },
      { kind: 'escalation', level: 3, at: '2024-04-24T15:00:00.000Z' },
    ],
    ['nothing after level 3', { ...reminded, escalationLevel: 3 }, null],
    ['nothing while paused', { pausedAt: new Date('2024-04-08T00:00:00Z') }, null],
    ['nothing once completed', { completedAt: new Date('2024-04-08T00:00:00Z') }, null],
    [
      'a stage started after its reminder instant is reminded at its start',
      { startedAt: new Date('2024-04-18T02:00:00Z') },
      { kind: 'reminder', at: '2024-04-18T02:00:00.000Z' },
    ],
    [
      'the reporter’s timer ends in auto-resolve',
      { ...reminded, stage: 'reporter_response' },
      { kind: 'auto_resolve', at: '2024-04-18T15:00:00.000Z' },
    ],
    [
      'an unanswered hold ends in auto-archive',
      { ...reminded, stage: 'hold_response' },
      { kind: 'auto_archive', at: '2024-04-18T15:00:00.000Z' },
    ],
  ] as const)('%s', (_name, over, expected) => {
    const step = nextStep({ ...base, ...over } as ClockRow, calendar);
    expect(step && { ...step, at: step.at.toISOString() }).toEqual(expected);
  });
});
