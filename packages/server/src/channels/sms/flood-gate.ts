/**
 * A flood of SMS from one number (a stuck phone, a script, a prank) must not file reports without end nor cost an
 * answer each: within a window, the first `max` messages are handled, the next one gets a single "too many" answer,
 * and the rest get silence until the window ends. Every answer is an SMS someone pays for, so silence is the point.
 *
 * Per process, in memory: a second Pintu process behind the same gateway counts on its own (docs/sms.md).
 */

export type FloodVerdict = 'handle' | 'warn' | 'silence';

export interface FloodGate {
  /** Counts one message from `sender` at `now` and says what to do with it. */
  hit(sender: string, now: Date): FloodVerdict;
}

export interface FloodLimits {
  /** Messages handled per sender and window. */
  max: number;
  windowMs: number;
  /** Senders remembered at most; past it, windows that have ended are dropped first. */
  maxSenders?: number;
}

/** A fixed window per sender, starting at its first message. */
export function floodGate(limits: FloodLimits): FloodGate {
  const windows = new Map<string, { start: number; count: number }>();
  const maxSenders = limits.maxSenders ?? 100_000;

  const prune = (t: number) => {
    for (const [sender, w] of windows) if (t - w.start >= limits.windowMs) windows.delete(sender);
    // Still full (a flood from many numbers): forget the oldest; at worst one of them gets a message too many.
    for (const sender of windows.keys()) {
      if (windows.size < maxSenders) break;
      windows.delete(sender);
    }
  };

  return {
    hit(sender, now) {
      const t = now.getTime();
      let w = windows.get(sender);
      if (!w || t - w.start >= limits.windowMs || t < w.start) {
        if (!w && windows.size >= maxSenders) prune(t);
        w = { start: t, count: 0 };
        // Re-inserted, so that the map's order stays oldest window first for pruning.
        windows.delete(sender);
        windows.set(sender, w);
      }
      w.count++;
      if (w.count <= limits.max) return 'handle';
      return w.count === limits.max + 1 ? 'warn' : 'silence';
    },
  };
}
