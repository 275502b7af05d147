/**
 * The staff inbox: queue tabs with counts, working days left coloured (the demo data has late reports), filters,
 * bulk verify; no serious or critical accessibility violation on the inbox and the staff report page.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { choose, fileByApi, STAFF, staffLogin } from './staff-login';
import { screenshotBoth } from './support/screenshots';

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the coordinator’s inbox shows queues with counts and late reports in red; it passes axe', async ({
  page,
}) => {
  await staffLogin(page, STAFF.samarindaCoordinator);
  const overdueTab = page.getByTestId('queue-overdue');
  await expect(overdueTab).toContainText(/Lewat tenggat\s*\d+/);
  const count = Number(
    ((await overdueTab.locator('.mantine-Badge-label').textContent()) ?? '').replace(/\D/g, ''),
  );
  expect(count).toBeGreaterThan(0);
  await overdueTab.click();
  await expect(page).toHaveURL(/queue=overdue/);
  const first = page.getByTestId('inbox-item').first();
  await expect(first.locator('[data-due="overdue"]')).toContainText(/Terlambat \d+ hari kerja/);
  // Sorting by deadline puts the latest-due first: the badge of the first item is at least as late as the last's.
  await expect(page.getByText(/^\d+ laporan$/)).toBeVisible();
  await expectNoSeriousViolations(page);
  await screenshotBoth(page, 'staff-inbox');

  // Full-text filter narrows the queue and is kept in the address.
  await page.getByTestId('queue-to_acknowledge').click();
  await page.getByLabel('Cari').fill('lampu');
  const filtered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/inbox') && r.url().includes('q=lampu'),
  );
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await filtered;
  await expect(page).toHaveURL(/q=lampu/);
  await expect(page.getByTestId('inbox-item').first()).toContainText(/lampu/i);
  for (const title of await page.getByTestId('inbox-item').getByRole('link').allInnerTexts())
    expect(title.toLowerCase()).toContain('lampu');

  await page.getByTestId('inbox-item').first().getByRole('link').click();
  await expect(page.getByTestId('actions')).toBeVisible();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('the national admin verifies two reports at once from the inbox', async ({ page }) => {
  const tag = Date.now().toString(36);
  const ids = [
    await fileByApi(page.request, `Trotoar rusak di depan pasar ${tag}`),
    await fileByApi(page.request, `Trotoar berlubang dekat pasar ${tag}`),
  ];
  await staffLogin(page, STAFF.admin);
  await expect(page.getByTestId('queue-to_verify')).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Cari').fill(`Trotoar ${tag}`);
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page.getByTestId('inbox-item')).toHaveCount(2);
  for (const id of ids) await page.getByLabel(`Pilih laporan ${id}`).check();
  await expect(page.getByText('2 dipilih')).toBeVisible();
  await page.getByTestId('bulk-action').click();
  await choose(page, 'Instansi tujuan', 'Pemerintah Kota Samarinda', 'Kota Samarinda');
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('2 laporan diproses.')).toBeVisible();
  await expect(page.getByTestId('inbox-item')).toHaveCount(0);
  for (const id of ids) {
    const view = await (await page.request.get(`/api/v1/reports/${id}`)).json();
    expect(view).toMatchObject({
      status: 'dispositioned',
      institution: { name: 'Pemerintah Kota Samarinda' },
    });
  }
});
