/**
 * Run by `npm run test:e2e` before Playwright, so that `npm test` needs no manual step: finds the browser
 * (chromium.ts) and, on a machine without one, installs Debian's `chromium` with `fonts-noto-core` (the fonts the
 * screenshots are taken with) through apt-get — as root, or with passwordless sudo. Playwright's own browser
 * download cannot be used here: this project's machines reach only the npm registry and Debian's archive.
 * Anywhere else it says what to do. Prints the browser that will run, and its version.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chromiumVersion, DEBIAN_CHROMIUM, findChromium } from './chromium';

const PACKAGES = ['chromium', 'fonts-noto-core'];

function succeeds(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

/** Which of PACKAGES dpkg has not installed. */
function missingPackages(): string[] {
  return PACKAGES.filter((p) => {
    try {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own format syntax, not a template
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', p], {
        encoding: 'utf8',
        stdio: 'pipe',
      }).includes('install ok installed');
    } catch {
      return true;
    }
  });
}

/** The prefix that runs apt-get as root, or null when this user cannot. */
function asRoot(): string[] | null {
  if (process.getuid?.() === 0) return [];
  return succeeds('sudo', ['-n', 'true']) ? ['sudo', '-n'] : null;
}

function apt(prefix: string[], args: string[]) {
  const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
  const run = spawnSync(cmd!, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status})`);
}

function fail(lines: string[]): never {
  console.error(['', ...lines, ''].join('\n'));
  process.exit(1);
}

function install(packages: string[]) {
  const prefix = asRoot();
  if (!prefix || !succeeds('apt-get', ['--version'])) return false;
  const started = Date.now();
  console.log(
    `e2e: installing Debian's ${packages.join(' and ')} with apt-get (once per machine; about a minute)…`,
  );
  // Wait for another apt run (a second test run, unattended upgrades) instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  apt(prefix, [...lock, 'update', '-qq']);
  apt(prefix, [...lock, 'install', '-y', '-qq', ...packages]);
  console.log(`e2e: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

let found = findChromium();
const debian = !found || found.path === DEBIAN_CHROMIUM;
// Debian's Chromium without its fonts would still run, but the screenshots would not match: bring both.
const missing = debian && succeeds('dpkg-query', ['--version']) ? missingPackages() : [];
const wanted = found ? missing.filter((p) => p !== 'chromium') : missing;
if (wanted.length && !install(wanted)) {
  if (!found)
    fail([
      'e2e: no Chromium found, and apt-get cannot be run as root here to install it. Either:',
      '  sudo apt-get install chromium fonts-noto-core       (Debian/Ubuntu: what CI uses)',
      "  npx playwright install chromium                     (Playwright's own build, where its download works)",
      '  PINTU_CHROMIUM=/path/to/chromium npm test            (any Chromium you have)',
    ]);
  console.warn(`e2e: ${wanted.join(', ')} not installed and not installable here: screenshots may differ`);
}
found = findChromium();
if (!found) fail(['e2e: apt-get finished but /usr/bin/chromium is still missing.']);
let version: string;
try {
  version = chromiumVersion(found.path);
} catch (err) {
  fail([`e2e: ${found.path} (${found.source}) does not run: ${err instanceof Error ? err.message : err}`]);
}
const server = process.env.PINTU_E2E_URL
  ? `the server at ${process.env.PINTU_E2E_URL}`
  : 'the server on PGlite (a fresh temporary data directory, demo data)';
console.log(`e2e browser: ${version} (${found.path}, ${found.source}); ${server}`);
