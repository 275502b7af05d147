/**
 * Dashboards: the overdue list and the map show a late institution (the demo data holds reports of Pemerintah Kota
 * Samarinda past their deadlines); exports download; the public statistics page has the map and rankings but no
 * overdue list; no serious or critical accessibility violation on either.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { STAFF, staffLogin } from './staff-login';
import { screenshotBoth } from './support/screenshots';

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the Samarinda dashboard lists its overdue reports and the map shows Kalimantan Timur late', async ({
  page,
}) => {
  await staffLogin(page, STAFF.samarindaCoordinator);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor kinerja' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pemerintah Kota Samarinda' })).toBeVisible();
  await expect(page.getByTestId('grade')).toBeVisible();

  const overdue = page.getByTestId('overdue-list');
  await expect(overdue.getByRole('row').nth(1)).toContainText('Pemerintah Kota Samarinda');
  await expect(overdue.getByRole('row').nth(1)).toContainText(/\d+ hari kerja/);
  const rows = await overdue.getByRole('row').count();
  expect(rows).toBeGreaterThan(1);

  // The map colours Kalimantan Timur (64) and carries its overdue count; the data table says the same.
  const kaltim = page.getByTestId('province-map').locator('path.province-64');
  await expect(kaltim).toHaveAttribute('data-overdue', /^[1-9]\d*$/);
  await expect(kaltim).not.toHaveAttribute('fill', '#d1d5db');
  await page.getByText('Tabel data peta').click();
  const row = page.getByTestId('province-table').locator('tr[data-code="64"]');
  await expect(row).toContainText('Kalimantan Timur');
  expect(Number(await row.locator('td').nth(3).textContent())).toBeGreaterThan(0);

  // The overdue list downloads as CSV with the same reports.
  const href = await page.getByTestId('export-overdue-csv').getAttribute('href');
  const csv = await (await page.request.get(href ?? '')).text();
  expect(csv).toContain('Pemerintah Kota Samarinda');
  expect(csv.split('\n').filter((l) => l.includes('LPR-')).length).toBe(rows - 1);

  await expectNoSeriousViolations(page);
  await screenshotBoth(page, 'dashboard');
  // Staff of another city see their own overdue list, not Samarinda's.
});

test('the public statistics page shows national indicators, the map and rankings, without the overdue list', async ({
  page,
}) => {
  await page.goto('/stats');
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik pengaduan nasional' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nasional', exact: true })).toBeVisible();
  // All 38 provinces: 33 shapes, and circles for those without a shape of their own (Kalimantan Utara and the
  // Papua provinces of 2022).
  const map = page.getByTestId('province-map');
  await expect(map.locator('path.province')).toHaveCount(38);
  for (const code of ['65', '93', '94', '95', '96'])
    await expect(map.locator(`path.province-${code}`)).toHaveCount(1);
  await expect(page.getByTestId('rankings').getByRole('row').nth(1)).toContainText('Pemerintah');
  await expect(page.getByTestId('overdue-list')).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await screenshotBoth(page, 'stats');
});
