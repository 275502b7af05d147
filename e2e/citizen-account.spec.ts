/**
 * The signed-in citizen: a report filed while signed in is in "my reports" and opens in the reporter's view without
 * the access code; "download my data" gives a JSON file with it; "erase my identity" needs the password and ends the
 * account. A facilitator files on behalf of a villager, who gets the tracking number and access code.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { fileReport } from './support/citizen';
import { screenshotBoth } from './support/screenshots';

const PASSWORD = 'pintu-demo-2026';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: /^E-mail/ }).fill(email);
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page).toHaveURL(/\/my-reports$/);
}

test('a citizen signs in, files, finds it in my reports, downloads the data, and erases the identity', async ({
  page,
}) => {
  await signIn(page, 'warga@pintu.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan saya' })).toBeVisible();

  const filed = await fileReport(page, { anonymous: false, photo: false, reporterName: 'Warga Demo' });
  await page.goto('/my-reports');
  await expect(page.getByRole('link', { name: filed.title })).toBeVisible();
  await screenshotBoth(page, 'my-reports');

  // The account's own report opens in the reporter's view without typing the access code.
  await page.evaluate(() => sessionStorage.clear());
  await page.getByRole('link', { name: filed.title }).click();
  await expect(page.getByText('Anda melihat laporan ini sebagai pelapornya.')).toBeVisible();

  await page.goto('/account');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Unduh data saya (JSON)' }).click();
  const data = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(data.account.email).toBe('warga@pintu.example');
  expect(data.reports.map((r: { trackingId: string }) => r.trackingId)).toContain(filed.trackingId);

  // A wrong password erases nothing; the right one ends the account.
  await page.getByLabel('Kata sandi untuk konfirmasi').fill('bukan-kata-sandinya');
  await page.getByRole('button', { name: 'Hapus identitas saya' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Kata sandi salah' })).toBeVisible();
  await page.getByLabel('Kata sandi untuk konfirmasi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Hapus identitas saya' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Masuk' })).toBeVisible();

  // The report stays, without the name; the account no longer signs in.
  await page.goto(`/reports/${filed.trackingId}`);
  await expect(page.getByTestId('report-tracking-id')).toHaveText(filed.trackingId);
  await expect(page.getByText('Warga Demo')).toHaveCount(0);
  await page.goto('/login');
  await page.getByRole('textbox', { name: /^E-mail/ }).fill('warga@pintu.example');
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('E-mail atau kata sandi salah');
});

test('a facilitator files on behalf of a villager', async ({ page }) => {
  await signIn(page, 'pendamping@pintu.example');
  await page.goto('/report');
  await expect(page.getByTestId('facilitator-mode')).toBeVisible();
  await expect(page.getByText('Identitas warga yang Anda dampingi.')).toBeVisible();
  const filed = await fileReport(page, { anonymous: false, photo: false, reporterName: 'Ibu Sumarni' });
  expect(filed.accessCode.length).toBeGreaterThanOrEqual(8);
});

test('registering asks the citizen to verify the e-mail before signing in', async ({ page }) => {
  await page.goto('/register');
  await page.getByRole('textbox', { name: /^Nama lengkap/ }).fill('Dewi Lestari');
  await page.getByRole('textbox', { name: /^E-mail/ }).fill(`dewi.${Date.now()}@example.id`);
  await page.getByLabel(/^Kata sandi/).fill('rahasia-panjang-2026');
  await page.getByLabel(/^Ulangi kata sandi/).fill('rahasia-panjang-2026');
  await page.getByRole('button', { name: 'Daftar', exact: true }).click();
  await expect(page.getByText('Periksa e-mail Anda')).toBeVisible();
});
