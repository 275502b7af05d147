/**
 * LAPOR WAL! (example): `node --import tsx src/main.ts [serve|reconcile|file-pending]`. Configuration comes from
 * the environment (README.md).
 */
import { type AnswerFault, pintuClient } from './pintu-client';
import { createRegionalApp } from './server';
import { Store } from './store';
import { filePending, reconcile } from './sync';

function required(name: string): string {
  const v = process.env[name];
  if (!v) {
    console.error(`Variabel lingkungan ${name} wajib diisi (lihat README.md).`);
    process.exit(2);
  }
  return v;
}

/** Test-only fault: drop the first answer of every Idempotency-Key, so each filing is sent twice. */
function dropFirstAnswer(): AnswerFault {
  const seen = new Set<string>();
  return ({ idempotencyKey }) => {
    if (!idempotencyKey || seen.has(idempotencyKey)) return;
    seen.add(idempotencyKey);
    throw new Error(`fault: jawaban pertama untuk ${idempotencyKey} dibuang`);
  };
}

const command = process.argv[2] ?? 'serve';
const store = new Store(process.env.DB_PATH ?? 'lapor-wal.sqlite');
const client = pintuClient({
  baseUrl: required('PINTU_URL'),
  apiKey: required('PINTU_API_KEY'),
  ...(process.env.APP_FAULT_DROP_FIRST_ANSWER === '1' ? { onAnswer: dropFirstAnswer() } : {}),
});

if (command === 'reconcile') {
  console.log(await reconcile(store, client, { full: process.argv.includes('--full') }));
  store.close();
} else if (command === 'file-pending') {
  console.log(await filePending(store, client));
  store.close();
} else if (command === 'serve') {
  const app = createRegionalApp({
    store,
    client,
    webhookSecrets: required('WEBHOOK_SECRET')
      .split(',')
      .map((s) => s.trim()),
    adminToken: process.env.ADMIN_TOKEN ?? null,
  });
  const port = await app.listen(Number(process.env.PORT ?? 4100), process.env.HOST ?? '127.0.0.1');
  // The background pass: file what is still pending, then catch up on what webhooks may have missed.
  const every = Number(process.env.SYNC_INTERVAL_MS ?? 60_000);
  let running = false;
  const timer =
    every > 0
      ? setInterval(async () => {
          if (running) return;
          running = true;
          try {
            await filePending(store, client);
            await reconcile(store, client);
          } catch (err) {
            console.error('[sync]', (err as Error).message);
          } finally {
            running = false;
          }
        }, every)
      : null;
  console.log(`LAPOR WAL! siap di http://127.0.0.1:${port} (webhook: POST /webhooks/pintu)`);
  const stop = async () => {
    if (timer) clearInterval(timer);
    await app.close();
    store.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} else {
  console.error('Perintah: serve | reconcile [--full] | file-pending');
  process.exit(2);
}
