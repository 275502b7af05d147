/**
 * Loaded into the server by bench/paths.ts (`node --import bench/lib/sql-tap.mjs`, PINTU_BENCH_SQL_TAP naming a
 * file): records the SQL a request makes the server send, so the benchmark's raw PostgreSQL figure runs exactly the
 * server's own statements, whatever its code becomes. Only a request carrying the header `x-pintu-sql-tap: <token>`
 * is recorded — the statements sent on its behalf (its async context), not the server's background work — and
 * written, when its answer is finished, to `<file>.<token>.json`: text, parameters, statement name, and when each
 * was sent and answered (ms), so that statements sent one after another can be told from statements sent at once.
 * Every other request and query passes through untouched (the async context is enabled only while a recorded
 * request runs).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';

const file = process.env.PINTU_BENCH_SQL_TAP;
if (file) {
  const context = new AsyncLocalStorage();
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function tappedEmit(event, req, res) {
    const token = event === 'request' ? req.headers['x-pintu-sql-tap'] : undefined;
    // biome-ignore lint/complexity/noArguments: the event's own arguments are passed on unchanged
    if (typeof token !== 'string' || !/^\w{1,40}$/.test(token)) return emit.apply(this, arguments);
    const seen = [];
    res.once('finish', () =>
      setTimeout(() => {
        writeFileSync(`${file}.${token}.json`, JSON.stringify(seen));
        // Off again between captures: an enabled AsyncLocalStorage costs every promise a little.
        context.disable();
      }, 30),
    );
    // biome-ignore lint/complexity/noArguments: as above
    return context.run(seen, () => emit.apply(this, arguments));
  };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function tapped(config, values) {
    const seen = context.getStore();
    // biome-ignore lint/complexity/noArguments: the driver's own overloads are passed on unchanged
    if (!seen) return query.apply(this, arguments);
    const entry =
      typeof config === 'string'
        ? { text: config, values: Array.isArray(values) ? values : [] }
        : {
            text: config?.text,
            values: config?.values ?? (Array.isArray(values) ? values : []),
            name: config?.name,
          };
    entry.start = performance.now();
    if (typeof entry.text === 'string') seen.push(entry);
    // biome-ignore lint/complexity/noArguments: as above
    const result = query.apply(this, arguments);
    const ended = () => {
      entry.end = performance.now();
    };
    if (result && typeof result.then === 'function') result.then(ended, ended);
    else ended();
    return result;
  };
}
