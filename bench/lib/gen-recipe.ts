/**
 * A class of generated reports (one per day × holder shape × slot, gen-plan.ts): the path through the lifecycle
 * (shares of PATH_SHARES, the spread of statuses the first stats benchmark used), type, channel, complexity, rating
 * and the instant of every action — and its script for given holders, shifted by a report's `delta`.
 *
 * Every instant lies in a "bench day" window, 00:01–22:00 WIB, in which the local date is the same in WIB, WITA and
 * WIT and no zone has midnight; a report's instants are its class's plus `delta` (0–6 h), all before `now`.
 */
import type { Actor, ComplexityClass, Holder, LifecycleAction, ReportType, TimeZone } from '@pintu/core';
import type { ScriptStep } from './gen-history';
import { between, mix, pick, prng, weighted } from './gen-random';
import { ackMessage, followUpMessage, replyMessage } from './gen-text';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** Bench day k runs from 00:00 WIB of UTC day k (17:00 UTC the day before) for 22 hours. */
const dayStart = (k: number) => k * DAY - 7 * HOUR;
/** A class's instants lie 1 minute to 16 hours into the window; a report adds up to 6 hours. */
export const MAX_DELTA = 6 * HOUR;
const LATEST = 16 * HOUR;

export type PathName =
  | 'submitted'
  | 'archived'
  | 'dispositioned'
  | 'in_progress'
  | 'replied'
  | 'awaiting'
  | 'on_hold'
  | 'hold_archived'
  | 'accepted'
  | 'auto_resolved'
  | 'reopened';

/** Shares in percent: ≈ 5% never verified, 56% resolved, 10% awaiting the reporter, 15% in process, … */
export const PATH_SHARES: Record<PathName, number> = {
  submitted: 5,
  archived: 4,
  dispositioned: 6,
  in_progress: 8,
  replied: 7,
  awaiting: 10,
  on_hold: 3,
  hold_archived: 2,
  accepted: 37.5,
  auto_resolved: 16.5,
  reopened: 1,
};

/** What a class's history depends on besides dates: time zone, regional or central holder, disposed to a unit. */
export interface Shape {
  tz: TimeZone;
  regional: boolean;
  unit: boolean;
}
export const shapeKey = (s: Shape) => `${s.tz}|${s.regional ? 1 : 0}|${s.unit ? 1 : 0}`;
/** Classes per day and shape. */
export const SLOTS = 8;

type Who = 'verifier' | 'coordinator' | 'liaison' | 'guest';
export interface RecipeStep {
  at: number;
  who: Who;
  action: LifecycleAction | 'verify' | 'dispose_down';
}
export interface Recipe {
  key: string;
  path: PathName;
  type: ReportType;
  requested: boolean;
  /** The channel it came by (its first event says it). */
  channel: string;
  filedAt: number;
  steps: RecipeStep[];
}

/** The staff account id the generator uses for a role at an institution (the accounts it creates use the same). */
export const staffId = (role: string, institutionId: number | string | null) =>
  institutionId === null ? `bench-${role}` : `bench-${role}-${institutionId}`;

const pickPath = weighted(
  Object.entries(PATH_SHARES).map(([item, weight]) => ({ item: item as PathName, weight })),
);

export function makeRecipe(
  key: string,
  day: number,
  shape: Shape,
  o: { seed: number; now: number; lastDay: number },
): Recipe {
  const rnd = prng(
    mix(
      mix(day, o.seed),
      [...key].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7),
    ),
  );
  const path = pickPath(rnd);
  const t = rnd();
  const type: ReportType = t < 0.7 ? 'complaint' : t < 0.9 ? 'aspiration' : 'information_request';
  const requested = rnd() < 0.5;
  const c = rnd();
  const channel = c < 0.88 ? 'web' : c < 0.94 ? 'sms' : 'email';
  let at = dayStart(day) + 60_000 + Math.floor(rnd() * 12 * HOUR);
  const filedAt = at;
  const steps: RecipeStep[] = [];
  // An instant on the day `days` (whole days of it) after the last one, inside that day's window and after the
  // last instant; a full day goes on to the next.
  const add = (days: number, who: Who, action: RecipeStep['action']) => {
    const d = Math.floor((at + 7 * HOUR) / DAY) + Math.floor(days);
    let next = dayStart(d) + 60_000 + Math.floor(rnd() * (LATEST - 60_000));
    if (next <= at) {
      const room = dayStart(d) + LATEST - at - 120_000;
      next =
        room > 0
          ? at + 60_000 + Math.floor(rnd() * room)
          : dayStart(d + 1) + 60_000 + Math.floor(rnd() * 8 * HOUR);
    }
    at = next;
    steps.push({ at, who, action });
  };
  const late = (lo: number, hi: number, lateHi: number) =>
    rnd() < 0.1 ? between(rnd, hi, lateHi) : between(rnd, lo, hi);
  const complexity: ComplexityClass = pick(rnd, [
    'simple',
    'simple',
    'no_field_exam',
    'no_field_exam',
    'field_exam',
  ]);
  const followUpGap = () =>
    complexity === 'simple'
      ? late(0.5, 6, 12)
      : complexity === 'no_field_exam'
        ? late(1, 16, 30)
        : late(5, 50, 90);
  // An anchored step: a recent day (within the last 11 days), unless the report's earlier steps are later.
  const recent = () =>
    Math.max(0, o.lastDay - Math.floor(between(rnd, 0, 11)) - Math.floor((at + 7 * HOUR) / DAY));
  const accept = (): LifecycleAction => {
    const x = rnd();
    return { type: 'accept', rating: x < 0.05 ? 1 : x < 0.12 ? 2 : x < 0.3 ? 3 : x < 0.65 ? 4 : 5 };
  };
  const ack = (): LifecycleAction => ({ type: 'acknowledge', complexity, message: ackMessage(rnd) });
  const question = 'Mohon lengkapi lokasi tepatnya dan foto kejadian.';

  if (path === 'archived') {
    const reason = pick(rnd, [
      'unclear',
      'too_general',
      'not_public_service',
      'out_of_scope',
      'abusive',
    ] as const);
    add(late(0.1, 2.5, 6), 'verifier', {
      type: 'archive',
      reason,
      note: 'Laporan tidak dapat ditindaklanjuti.',
    });
  } else if (path !== 'submitted') {
    add(late(0.05, 2, 6), 'verifier', 'verify');
    if (shape.unit) add(between(rnd, 0.05, 1), 'coordinator', 'dispose_down');
    if (path === 'on_hold' || path === 'hold_archived') {
      const acked = rnd() < 0.5;
      if (acked) add(late(0.1, 3, 8), 'liaison', ack());
      add(path === 'on_hold' ? recent() : between(rnd, 0.1, 3), acked ? 'liaison' : 'coordinator', {
        type: 'hold',
        question,
      });
    } else if (path !== 'dispositioned') {
      if (rnd() < 0.05) {
        add(between(rnd, 0.1, 2), 'coordinator', { type: 'hold', question });
        add(between(rnd, 0.5, 8), 'guest', {
          type: 'answer_hold',
          message: 'Lokasi di depan rumah nomor 12.',
        });
      }
      add(late(0.1, 3, 8), 'liaison', ack());
      if (path !== 'in_progress') {
        const message = followUpMessage(rnd);
        add(path === 'awaiting' ? recent() : followUpGap(), 'liaison', { type: 'post_follow_up', message });
        if (path === 'replied')
          add(between(rnd, 0.5, 8), 'guest', { type: 'reporter_reply', message: replyMessage(rnd) });
        if (path === 'accepted' || path === 'reopened') add(between(rnd, 0.2, 9), 'guest', accept());
        if (path === 'reopened') {
          add(between(rnd, 0.5, 8), 'guest', { type: 'reopen', reason: replyMessage(rnd) });
          add(late(0.5, 5, 9), 'liaison', { type: 'post_follow_up', message: followUpMessage(rnd) });
          add(between(rnd, 0.2, 9), 'guest', accept());
        }
      }
    }
  }
  // Nothing happens after now: a step that would is not taken (the report is still at the step before).
  const cut = steps.findIndex((s) => s.at + MAX_DELTA >= o.now - 60_000);
  return { key, path, type, requested, channel, filedAt, steps: cut < 0 ? steps : steps.slice(0, cut) };
}

/** The script of a recipe for these holders (real, or a template's stand-ins), shifted by `delta`. */
export function script(r: Recipe, target: Holder, unit: Holder | null, delta: number): ScriptStep[] {
  const actor = (role: Actor['role'], h: Holder | null): Actor => ({
    id: staffId(role, h?.institutionId ?? null),
    role,
    institutionId: h?.institutionId ?? null,
  });
  const verifier = r.requested ? actor('coordinator', target) : actor('national_admin', null);
  const who: Record<Who, Actor> = {
    verifier,
    coordinator: actor('coordinator', target),
    liaison: actor('liaison_officer', unit ?? target),
    guest: { id: 'guest', role: 'guest', institutionId: null },
  };
  return r.steps.map((s) => ({
    at: s.at + delta,
    actor: who[s.who],
    action:
      s.action === 'verify'
        ? { type: 'verify', targets: [target] }
        : s.action === 'dispose_down'
          ? { type: 'dispose_down', unit: unit! }
          : s.action,
  }));
}
