// Starts the real Pintu server for the e2e suite: builds the web app if needed, then a fresh temporary DATA_DIR
// (PGlite, demo data on) that is removed when the server stops.
import { execSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = process.env.PORT ?? '3000';
execSync('node packages/web/build-if-needed.mjs', { stdio: 'inherit' });
const dataDir = mkdtempSync(join(tmpdir(), 'pintu-e2e-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    PORT: port,
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    PUBLIC_URL: `http://localhost:${port}`,
    PINTU_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e',
    // The integration spec's webhook receiver listens on loopback over http (ADR 0012 allows this for tests).
    PINTU_WEBHOOKS_ALLOW_LOOPBACK: '1',
  },
});
// Shown as before, and kept for scripts/check-test-logs.mjs (no reporter's identity in any log line).
mkdirSync('test-logs', { recursive: true });
const logFile = join('test-logs', `e2e-server-${port}.log`);
for (const [from, to] of [
  [server.stdout, process.stdout],
  [server.stderr, process.stderr],
])
  from.on('data', (chunk) => {
    to.write(chunk);
    appendFileSync(logFile, chunk);
  });
const stop = () => server.kill('SIGTERM');
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
