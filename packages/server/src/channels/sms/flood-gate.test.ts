import { describe, expect, it } from 'vitest';
import { floodGate } from './flood-gate';

const at = (s: number) => new Date(Date.UTC(2026, 11, 7, 2, 0, s));

describe('the flood gate', () => {
  it('handles the first messages, warns once, then stays silent until the window ends', () => {
    const gate = floodGate({ max: 3, windowMs: 60_000 });
    const verdicts = Array.from({ length: 7 }, (_, i) => gate.hit('+6281234567890', at(i)));
    expect(verdicts).toEqual(['handle', 'handle', 'handle', 'warn', 'silence', 'silence', 'silence']);
    // A new window: handled again.
    expect(gate.hit('+6281234567890', at(60))).toBe('handle');
  });

  it('counts each number on its own', () => {
    const gate = floodGate({ max: 1, windowMs: 60_000 });
    expect(gate.hit('+62811', at(0))).toBe('handle');
    expect(gate.hit('+62811', at(1))).toBe('warn');
    expect(gate.hit('+62822', at(2))).toBe('handle');
    expect(gate.hit('+62811', at(3))).toBe('silence');
  });

  it('starts afresh when the clock goes back (a corrected clock must not silence a number for good)', () => {
    const gate = floodGate({ max: 1, windowMs: 60_000 });
    gate.hit('+62811', at(30));
    expect(gate.hit('+62811', at(31))).toBe('warn');
    expect(gate.hit('+62811', at(0))).toBe('handle');
  });

  it('stays bounded: ended windows go first, then the oldest', () => {
    const gate = floodGate({ max: 1, windowMs: 10_000, maxSenders: 2 });
    gate.hit('+62801', at(0));
    gate.hit('+62802', at(1));
    gate.hit('+62802', at(2)); // warned
    // +62801's window ended: it is dropped to make room, +62802's (still running) is kept.
    expect(gate.hit('+62803', at(10))).toBe('handle');
    expect(gate.hit('+62802', at(5))).toBe('silence');
    // Full of running windows: the oldest (+62802) is forgotten.
    expect(gate.hit('+62804', at(6))).toBe('handle');
    expect(gate.hit('+62802', at(7))).toBe('handle');
  });
});
