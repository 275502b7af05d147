#!/usr/bin/env node
/**
 * Reads every log line the test suite produced (`test-logs/`, written by the test tiers and the server
 * processes they start) and fails if one carries a reporter's identity: the tests' reporters' e-mail addresses,
 * phone numbers, NIKs and names (domain.md §7: no log line carries them; issue 16 §6).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'test-logs';
// What the test fixtures file reports with: their reporters' addresses are @example.id, their phones 08…, NIKs are
// 16 digits; and the names they use most.
const IDENTITY = [
  { what: 'e-mail', re: /[\w.+-]+@example\.id\b/ },
  { what: 'phone', re: /(?<![\w-])(?:\+62|0)8\d{8,11}(?!\d)/ },
  { what: 'NIK', re: /(?<![\w-])\d{16}(?![\w-])/ },
  { what: 'name', re: /Siti Rahmawati|Siti Rahayu|Budi Santoso/ },
];

if (!existsSync(dir)) {
  console.error(`${dir}: tidak ada log uji / no test logs — run the tests first`);
  process.exit(1);
}
let lines = 0;
const found = [];
for (const name of readdirSync(dir)) {
  const text = readFileSync(join(dir, name), 'utf8');
  for (const line of text.split('\n')) {
    lines++;
    for (const { what, re } of IDENTITY)
      if (re.test(line)) found.push(`${name}: ${what}: ${line.slice(0, 200)}`);
  }
}
console.log(
  `log uji / test logs: ${readdirSync(dir).length} berkas / files, ${lines} baris / lines, ${found.length} dengan identitas pelapor / with a reporter's identity`,
);
for (const f of found.slice(0, 50)) console.log(`  ${f}`);
process.exit(found.length ? 1 : 0);
