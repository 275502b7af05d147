/**
 * The developer's pages (issue 12 §7): the Samarinda coordinator registers a regional app, creates a key (shown
 * once, then only its prefix), adds a webhook endpoint on a receiver this test runs, sends a test event and sees it
 * delivered (and signed) in the log, replays it, rotates the key (both work during the overlap) and revokes the old
 * one. The server must allow loopback webhooks (start-server.mjs sets PINTU_WEBHOOKS_ALLOW_LOOPBACK=1).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { STAFF, staffLogin } from './staff-login';
import { screenshotBoth } from './support/screenshots';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that records what it gets and answers 204. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/pintu/webhooks`, received };
}

/** True when one of the `v1,<sig>` signatures is HMAC-SHA256 of "id.timestamp.body" under the whsec_ secret. */
function signedBy(secret: string, r: Received): boolean {
  const id = String(r.headers['webhook-id']);
  const ts = String(r.headers['webhook-timestamp']);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${ts}.${r.body}`).digest('base64');
  return String(r.headers['webhook-signature'])
    .split(' ')
    .some((part) => part === `v1,${expected}`);
}

/** Reads the secret out of the "shown once" dialog and closes it. */
async function takeSecret(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Hanya ditampilkan sekali')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Salin' })).toBeVisible();
  const value = (await dialog.getByTestId('secret-value').textContent())?.trim() ?? '';
  await dialog.getByRole('button', { name: 'Sudah saya simpan' }).click();
  await expect(dialog).toBeHidden();
  return value;
}

const KEY = /^pintu_([a-z2-7]{12})_[A-Za-z0-9_-]{43}$/;

test('the Samarinda coordinator registers an app, manages its keys and webhooks, and reads the delivery log', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  const tag = Date.now().toString(36);
  const name = `LAPOR WAL! uji ${tag}`;
  const slug = `lapor-wal-${tag}`;
  const asKey = (key: string) =>
    request.get('/api/v1/integration/reports?scope=filed', { headers: { authorization: `Bearer ${key}` } });
  try {
    await staffLogin(page, STAFF.samarindaCoordinator);
    await page
      .getByRole('navigation', { name: 'Navigasi ruang kerja' })
      .getByRole('link', { name: 'Integrasi' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Integrasi aplikasi daerah' })).toBeVisible();

    // Register: the slug's hint follows what is typed.
    await page.getByLabel('Nama aplikasi').fill(name);
    const slugInput = page.getByRole('textbox', { name: /^Slug/ });
    await slugInput.fill('Lapor_WAL');
    await expect(page.getByText('Slug tidak valid')).toBeVisible();
    await slugInput.fill(slug);
    await expect(page.getByText(`integration:${slug}`)).toBeVisible();
    await page.getByLabel('Nama kontak').fill('Rina Diskominfo');
    await page.getByLabel('Email kontak').fill(`rina.${tag}@kaltimprov.go.id`);
    await page.getByRole('button', { name: 'Daftarkan aplikasi' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    // A key: shown once, then only its prefix.
    await page.getByRole('button', { name: 'Buat kunci' }).click();
    const create = page.getByRole('dialog');
    await create.getByLabel('Nama kunci').fill('server produksi');
    await create.getByRole('checkbox', { name: /^webhooks:manage/ }).check();
    await create.getByRole('button', { name: 'Buat kunci' }).click();
    const key = await takeSecret(page);
    const prefix = KEY.exec(key)?.[1];
    expect(prefix, `a key of the ADR's form, got ${key}`).toBeTruthy();
    const keys = page.getByTestId('keys');
    await expect(keys.getByTestId('key-prefix')).toHaveText([`pintu_${prefix}_…`]);
    await expect(keys.getByRole('row', { name: /server produksi/ })).toContainText('Aktif');
    await expect(keys.getByRole('row', { name: /server produksi/ })).toContainText('webhooks:manage');
    await expect(page.locator('body')).not.toContainText(key);
    await page.reload();
    await expect(page.getByTestId('keys').getByTestId('key-prefix')).toHaveCount(1);
    await expect(page.locator('body')).not.toContainText(key);
    expect((await asKey(key)).status()).toBe(200);

    // A webhook endpoint on this test's receiver; its secret is shown once.
    await page.getByRole('tab', { name: 'Webhook' }).click();
    await page.getByRole('button', { name: 'Tambah endpoint' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('URL endpoint').fill(receiver.url);
    await form.getByLabel('Keterangan (opsional)').fill('Penerima uji e2e');
    await expect(form.getByRole('checkbox', { name: /report\.status_changed/ })).toBeChecked();
    await form.getByRole('button', { name: 'Tambah endpoint' }).click();
    const secret = await takeSecret(page);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const card = page.getByRole('article', { name: receiver.url });
    await expect(card).toContainText('Aktif');

    // Send a test event: a toast, then the delivery in the log, delivered and signed with the secret.
    await card.getByRole('button', { name: 'Kirim event uji' }).click();
    await expect(page.getByText(/Event uji diantrekan/)).toBeVisible();
    const log = card.getByTestId('deliveries');
    const first = log.getByRole('row').filter({ hasText: 'webhook.test' }).first();
    await expect(first).toContainText('Terkirim', { timeout: 30_000 });
    await expect(first).toContainText('204');
    // The demo data's own events (the sweep's breaches, say) may arrive too: the endpoint subscribed to them.
    const tests = () => receiver.received.filter((r) => JSON.parse(r.body).type === 'webhook.test');
    expect(tests().length).toBeGreaterThanOrEqual(1);
    const sent = tests()[0] as Received;
    expect(signedBy(secret, sent)).toBe(true);
    expect(receiver.received.every((r) => signedBy(secret, r))).toBe(true);

    // Replay it: a second delivery with the same webhook-id, so a receiver can tell it is the same message.
    await first.getByRole('button', { name: /^Kirim ulang/ }).click();
    await expect(page.getByText(/diantrekan ulang/)).toBeVisible();
    await expect(log.getByRole('row').filter({ hasText: 'webhook.test' })).toHaveCount(2);
    await expect(log.getByRole('row').filter({ hasText: 'webhook.test' }).first()).toContainText('Terkirim', {
      timeout: 30_000,
    });
    await expect.poll(() => tests().length).toBeGreaterThanOrEqual(2);
    expect(tests()[1]?.headers['webhook-id']).toBe(sent.headers['webhook-id']);
    await screenshotBoth(page, 'integration-webhooks');

    // Rotate: a successor key, and both keys work during the overlap.
    await page.getByRole('tab', { name: 'Kunci API' }).click();
    await page
      .getByTestId('keys')
      .getByRole('row', { name: new RegExp(`pintu_${prefix}_`) })
      .getByRole('button', { name: 'Rotasi' })
      .click();
    const rotate = page.getByRole('dialog');
    await expect(rotate.getByText('sama-sama berlaku')).toBeVisible();
    await rotate.getByLabel('Masa tumpang tindih (jam)').fill('2');
    await rotate.getByRole('button', { name: 'Rotasi kunci' }).click();
    const successor = await takeSecret(page);
    const nextPrefix = KEY.exec(successor)?.[1];
    expect(nextPrefix).toBeTruthy();
    expect(nextPrefix).not.toBe(prefix);
    const oldRow = page.getByTestId('keys').getByRole('row', { name: new RegExp(`pintu_${prefix}_`) });
    const newRow = page.getByTestId('keys').getByRole('row', { name: new RegExp(`pintu_${nextPrefix}_`) });
    await expect(oldRow).toContainText('Segera berakhir');
    await expect(newRow).toContainText('Aktif');
    expect((await asKey(key)).status()).toBe(200);
    expect((await asKey(successor)).status()).toBe(200);

    // Revoke the old key, after a confirmation: it stops working at once; the successor still works.
    await oldRow.getByRole('button', { name: 'Cabut' }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(`pintu_${prefix}_…`);
    await confirm.getByRole('button', { name: 'Cabut' }).click();
    await expect(confirm).toBeHidden();
    await expect(oldRow).toContainText('Dicabut');
    await expect(oldRow.getByRole('button', { name: 'Cabut' })).toHaveCount(0);
    expect((await asKey(key)).status()).toBe(401);
    expect((await asKey(successor)).status()).toBe(200);
    await screenshotBoth(page, 'integration-keys');

    // The list shows the app with one live key; the same slug again is refused next to the slug field.
    await page.getByRole('link', { name: '← Semua aplikasi' }).click();
    const row = page.getByTestId('apps').getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(slug);
    await expect(row.getByRole('cell').last()).toHaveText('1');
    await page.getByLabel('Nama aplikasi').fill(`${name} kedua`);
    const again = page.getByRole('textbox', { name: /^Slug/ });
    await again.fill(slug);
    await page.getByLabel('Nama kontak').fill('Rina Diskominfo');
    await page.getByLabel('Email kontak').fill(`rina.${tag}@kaltimprov.go.id`);
    await page.getByRole('button', { name: 'Daftarkan aplikasi' }).click();
    await expect(again).toHaveAttribute('aria-invalid', 'true');
    await expect(again).toHaveAccessibleDescription(/dipakai/);
    await expect(page).toHaveURL(/\/staff\/integration$/);
    await screenshotBoth(page, 'integration-apps');
  } finally {
    receiver.server.close();
  }
});
