// Bundle budget: the gzip size of the JavaScript a citizen page loads first (the entry, its static imports, and
// that page's lazy route chunk with its static imports) must stay under 250 KB. Reads dist/.vite/manifest.json.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 250 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
// Citizen pages whose first load is measured (the route module of each).
const PAGES = {
  home: 'src/features/home/route.tsx',
  'report form': 'src/features/report-form/route.tsx',
  'report page': 'src/features/report-view/route.tsx',
  'public feed': 'src/features/feed/route.tsx',
  'program intake': 'src/features/programs-intake/route.tsx',
};

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const closure = (key, seen = new Set()) => {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) closure(i, seen);
  return seen;
};
const gz = (key) => gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

let failed = false;
for (const [name, src] of Object.entries(PAGES)) {
  if (!manifest[src]) {
    console.log(`bundle: ${name}: no chunk for ${src} (page not built yet)`);
    continue;
  }
  const keys = closure(src, closure(entryKey));
  const total = [...keys].reduce((s, k) => s + gz(k), 0);
  const ok = total <= BUDGET;
  failed ||= !ok;
  console.log(
    `bundle: ${name}: ${kb(total)} gzip initial JS in ${keys.size} files (budget ${kb(BUDGET)}) ${ok ? 'ok' : 'OVER'}`,
  );
}
if (failed) process.exit(1);
