/**
 * Every lifecycle action × every role (in and out of scope) over the API, in reports that are submitted, dispositioned, in_progress:
 * the answer must be exactly the core's (status and deadline, or the domain code and reason), and a refusal changes
 * nothing. Split across files by status so the runner spreads it over its workers.
 */
import { LIFECYCLE_ACTIONS, type ReportStatus } from '@pintu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkActionInStatus, type Matrix, setUpMatrix } from '../support/action-matrix';

const STATUSES: ReportStatus[] = ['submitted', 'dispositioned', 'in_progress'];
let m: Matrix;
let successes = 0;

beforeAll(async () => {
  m = await setUpMatrix();
});
afterAll(async () => {
  await m?.t.close();
});

describe.each(STATUSES)('in a report that is %s', (status) => {
  it.each([...LIFECYCLE_ACTIONS])('%s: every caller gets what the core says', async (action) => {
    successes += await checkActionInStatus(m, action, status);
  });
});

describe('the matrix', () => {
  it('asks every role that can call the API, in and out of scope', () => {
    expect(m.callers).toHaveLength(19);
    expect(successes).toBeGreaterThan(0);
  });
});
