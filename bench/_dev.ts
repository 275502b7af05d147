// temporary dev harness (deleted before hand-off)
import autocannon from 'autocannon';
import { fetchReference, reportBodies } from './lib/report-bodies';
import { freshDatabase, startServer, type Engine } from './lib/server-process';
const engine = (process.env.ENGINE ?? 'postgres') as Engine;
const fresh = await freshDatabase(engine);
const flags = process.env.PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] : [];
const s = await startServer({ env: { ...fresh.env, ...(process.env.POOL ? { DB_POOL_SIZE: process.env.POOL } : {}) }, nodeFlags: flags });
try {
  const next = reportBodies(await fetchReference(s.url));
  for (const spec of (process.env.RUNS ?? '50:3,1:3,10:3,50:5').split(',')) {
    const [c, d] = spec.split(':').map(Number);
    const errs: string[] = [];
    const inst = autocannon({ url: s.url, connections: c, duration: d, requests: [{ method: 'POST', path: '/api/v1/reports', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: next() }) }] });
    inst.on('reqError', (e) => { if (errs.length < 3) errs.push(String(e)); });
    const r = await inst;
    console.log(`c=${c} d=${d}: ${(r['2xx'] / r.duration).toFixed(0)}/s 2xx=${r['2xx']} non2xx=${r.non2xx} err=${r.errors} p50=${r.latency.p50} p99=${r.latency.p99} max=${r.latency.max}`, errs.join(' | '));
  }
  if (process.env.LOG) console.log(s.logTail(40));
} finally { await s.stop(); await fresh.cleanup(); }
