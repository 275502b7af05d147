// Builds the web app when dist/ is missing or older than its sources, so `npm start` stays quick on re-runs.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const newest = (p) => {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(join(p, f))));
};
const built = join(here, 'dist', 'index.html');
const sources = ['src', 'index.html', 'vite.config.ts'].map((f) => join(here, f)).filter(existsSync);
if (!existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs) {
  console.log('Membangun aplikasi web… (building the web app)');
  execSync('npx vite build --logLevel warn', { cwd: here, stdio: 'inherit' });
}
