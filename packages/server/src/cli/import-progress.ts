/** The import's progress on stderr: rows done, rows per second and the time left; plain lines when not a terminal. */

/** A progress line for `total` rows; `advance` by rows read, `done` at the end. */
export function rowProgress(label: string, out: NodeJS.WriteStream = process.stderr) {
  let total = 0;
  let count = 0;
  let started = Date.now();
  let lastLine = 0;
  const line = (final: boolean) => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = count / secs;
    const left = rate > 0 ? Math.max(0, (total - count) / rate) : 0;
    const pct = total === 0 ? 100 : Math.floor((count / total) * 100);
    const eta = final ? `${secs.toFixed(1)} s` : `sisa / left ${Math.ceil(left)} s`;
    const text = `${label} ${count.toLocaleString('id')}/${total.toLocaleString('id')} (${pct}%) · ${Math.round(rate).toLocaleString('id')} baris/s rows/s · ${eta}`;
    if (out.isTTY) {
      const width = 20;
      const bar = '█'.repeat(Math.round((pct / 100) * width)).padEnd(width, '░');
      out.write(`\r${bar} ${text}\x1b[K${final ? '\n' : ''}`);
    } else if (final || Date.now() - lastLine >= 2000) {
      lastLine = Date.now();
      out.write(`${text}\n`);
    }
  };
  return {
    start(rows: number) {
      total = rows;
      count = 0;
      started = Date.now();
      line(false);
    },
    advance(rows: number) {
      count += rows;
      line(false);
    },
    done() {
      line(true);
    },
  };
}
