/** A progress bar on stderr: percentage, count, rate and ETA; a plain line every 10 s when stderr is not a terminal. */

const secs = (s: number) =>
  s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(Math.floor(s % 60)).padStart(2, '0')}s`
      : `${s.toFixed(0)}s`;

export function progressBar(total: number, what: string) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastLine = 0;
  let last = 0;
  const render = (done: number) => {
    const elapsed = (Date.now() - started) / 1000;
    const rate = done / Math.max(elapsed, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const width = 30;
    const filled = Math.round((done / total) * width);
    return (
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${((100 * done) / total).toFixed(1).padStart(5)}% ` +
      `${done.toLocaleString('en')}/${total.toLocaleString('en')} ${what}, ${Math.round(rate).toLocaleString('en')}/s, ` +
      `elapsed ${secs(elapsed)}, ETA ${secs(eta)}`
    );
  };
  return {
    update(done: number) {
      last = done;
      if (tty) process.stderr.write(`\r${render(done)}\x1b[K`);
      else if (Date.now() - lastLine > 10_000) {
        lastLine = Date.now();
        process.stderr.write(`${render(done)}\n`);
      }
    },
    done() {
      process.stderr.write(tty ? `\r${render(last)}\x1b[K\n` : `${render(last)}\n`);
    },
  };
}
