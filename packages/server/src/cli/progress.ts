/** Progress display for long start-up steps: a live bar on a terminal, plain lines in logs and CI. */

export interface Progress {
  /** Starts a step of `total` units. */
  step(label: string, total: number): void;
  /** Advances the current step by `n` units. */
  tick(n: number): void;
  /** Ends the current step. */
  done(): void;
}

/** A progress reporter writing to a stream (a TTY gets one updating line per step). */
export function streamProgress(out: NodeJS.WriteStream = process.stdout): Progress {
  let label = '';
  let total = 0;
  let count = 0;
  let started = 0;
  let lastPct = -1;
  const render = (final: boolean) => {
    const pct = total === 0 ? 100 : Math.floor((count / total) * 100);
    if (out.isTTY) {
      const width = 24;
      const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '░');
      out.write(`\r  ${label.padEnd(34)} ${bar} ${String(pct).padStart(3)}% ${count}/${total}`);
      if (final) out.write(` (${Date.now() - started} ms)\n`);
    } else if (final) {
      out.write(`  ${label}: ${count}/${total} (${Date.now() - started} ms)\n`);
    } else if (pct >= lastPct + 25) {
      lastPct = pct;
      out.write(`  ${label}: ${pct}%\n`);
    }
  };
  return {
    step(l, t) {
      label = l;
      total = t;
      count = 0;
      lastPct = -1;
      started = Date.now();
      render(false);
    },
    tick(n) {
      count += n;
      render(false);
    },
    done() {
      render(true);
    },
  };
}

/** A progress reporter that prints nothing (tests). */
export const silentProgress: Progress = { step() {}, tick() {}, done() {} };
