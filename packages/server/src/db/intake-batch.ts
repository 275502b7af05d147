/**
 * Group commit for intake: filings that arrive together are written by one statement and one commit.
 *
 * Under load most of the database's work per report was per statement, not per row — executor start-up, the commit
 * and its WAL flush, the round trip (bench/README.md). The batcher sends a filing at once while fewer than
 * `maxInFlight` of its statements are running, so a quiet server answers exactly as before; otherwise the filing
 * waits, and when a statement finishes everything waiting goes in the next one. Every filing is still checked on its
 * own (a row that fails its checks is not written, the others are), and its caller hears back only after the commit
 * that holds it.
 */
import type { Db } from './open';

/** Most filings in one statement: bounds its size, and how long the first filing in it waits for the last. */
const MAX_BATCH = 64;

interface Waiting<V, R> {
  values: V;
  resolve(r: R): void;
  reject(e: unknown): void;
}

export interface Batcher<V, R> {
  run(values: V): Promise<R>;
}

/**
 * A batcher: `one` writes a single filing, `many` several in one statement (answers in the same order). When a
 * batch's statement fails — one row breaking a constraint fails them all — each filing is retried alone, so only the
 * bad one fails.
 */
export function createBatcher<V, R>(
  one: (values: V) => Promise<R>,
  many: (values: V[]) => Promise<R[]>,
  maxInFlight: number,
): Batcher<V, R> {
  const waiting: Waiting<V, R>[] = [];
  let inFlight = 0;
  const alone = (w: Waiting<V, R>) => one(w.values).then(w.resolve, w.reject);

  const send = async (batch: Waiting<V, R>[]) => {
    inFlight++;
    try {
      if (batch.length === 1) await alone(batch[0]!);
      else {
        const answers = await many(batch.map((w) => w.values)).catch(() => null);
        if (answers)
          batch.forEach((w, i) => {
            w.resolve(answers[i]!);
          });
        else await Promise.all(batch.map(alone));
      }
    } finally {
      inFlight--;
      if (waiting.length) void send(waiting.splice(0, MAX_BATCH));
    }
  };

  return {
    run: (values) =>
      new Promise<R>((resolve, reject) => {
        const w = { values, resolve, reject };
        if (inFlight < maxInFlight) void send([w]);
        else waiting.push(w);
      }),
  };
}

const batchers = new WeakMap<Db, Batcher<never, never>>();

/** The one batcher of `db` for a kind of statement, made on first use. */
export function batcherFor<V, R>(db: Db, make: () => Batcher<V, R>): Batcher<V, R> {
  let b = batchers.get(db) as Batcher<V, R> | undefined;
  if (!b) {
    b = make();
    batchers.set(db, b as unknown as Batcher<never, never>);
  }
  return b;
}
