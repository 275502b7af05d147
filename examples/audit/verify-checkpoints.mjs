#!/usr/bin/env node
/**
 * An outsider's check of a Pintu instance's published audit checkpoints, with nothing but Node's own crypto
 * (docs/audit.md). Usage:
 *
 *   node verify-checkpoints.mjs <history.json | https://…/api/v1/audit/checkpoints> [earlier-copy.json]
 *
 * Checks every checkpoint's Ed25519 signature with the key in the history (compare its fingerprint with the one the
 * operator published elsewhere), that each links to the previous root, and — given an earlier copy you kept — that
 * nothing you saw before has changed or gone. Exit 1 on any problem.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

const load = async (src) =>
  JSON.parse(/^https?:\/\//.test(src) ? await (await fetch(src)).text() : readFileSync(src, 'utf8'));

/** Canonical JSON: keys sorted, no spaces (the statement Pintu signs). */
const canonical = (v) =>
  v === null || typeof v !== 'object'
    ? JSON.stringify(v)
    : Array.isArray(v)
      ? `[${v.map(canonical).join(',')}]`
      : `{${Object.keys(v)
          .filter((k) => v[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
          .join(',')}}`;

const statement = (instance, c) =>
  canonical({
    type: 'pintu-audit-checkpoint',
    instance,
    seq: c.seq,
    at: new Date(c.at).toISOString(),
    reports: c.reports,
    events: c.events,
    root: c.root,
    prevRoot: c.prevRoot,
  });

const [source, earlierSource] = process.argv.slice(2);
if (!source) {
  console.error('usage: node verify-checkpoints.mjs <history.json|url> [earlier-copy.json]');
  process.exit(2);
}
const history = await load(source);
const raw = Buffer.from(history.publicKey.replace(/^whpk_/, ''), 'base64');
const key = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]),
  format: 'der',
  type: 'spki',
});
const fingerprint = createHash('sha256').update(raw).digest('hex').slice(0, 32).match(/.{4}/g).join(' ');
console.log(`${history.instance}: key fingerprint ${fingerprint}`);

let problems = 0;
let prev = null;
for (const c of history.checkpoints) {
  const ok = verify(
    null,
    Buffer.from(statement(history.instance, c)),
    key,
    Buffer.from(c.signature, 'base64'),
  );
  const linked = c.prevRoot === prev;
  if (!ok || !linked) problems++;
  console.log(
    `checkpoint ${c.seq} ${c.at} reports ${c.reports} root ${c.root.slice(0, 16)}… ${ok ? 'signed' : 'BAD SIGNATURE'}${linked ? '' : ' BROKEN LINK'}`,
  );
  prev = c.root;
}
if (earlierSource) {
  const earlier = await load(earlierSource);
  for (const old of earlier.checkpoints) {
    const now = history.checkpoints.find((c) => c.seq === old.seq);
    if (!now || now.root !== old.root || now.signature !== old.signature) {
      problems++;
      console.log(`checkpoint ${old.seq}: ${now ? 'CHANGED' : 'GONE'} since your copy`);
    }
  }
}
console.log(problems ? `${problems} problem(s)` : 'all checkpoints verify');
process.exit(problems ? 1 : 0);
