/** Accessibility: axe finds no serious or critical violation on the citizen pages (WCAG 2.1 A/AA rules). */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { screenshotBoth } from './support/screenshots';

async function scan(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
}

for (const width of [360, 1280]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 800 } });

    test('home page', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByText(/laporan publik tercatat/)).toBeVisible();
      await scan(page);
    });

    test('report form, with the anonymous warning showing', async ({ page }) => {
      await page.goto('/report');
      await expect(page.getByTestId('photo-warning')).toBeVisible();
      await page.getByTestId('anonymous').check({ force: true });
      await scan(page);
    });

    test('report page with its timeline', async ({ page }) => {
      await page.goto('/reports/LPR-DEMO-0001-SUBM');
      await page.getByLabel('Pelapor? Masukkan kode akses').fill('DEMO-DEMO-DEMO-DEMO');
      await page.getByRole('button', { name: 'Buka' }).click();
      await expect(page.getByTestId('timeline')).toBeVisible();
      await scan(page);
    });

    test('public feed, tracking, sign-in and register pages', async ({ page }) => {
      for (const path of ['/reports', '/track', '/login', '/register']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (path === '/reports') await expect(page.getByTestId('feed-list')).toBeVisible();
        await scan(page);
      }
    });
  });
}

test('public feed: search and a filter narrow the list (screenshots)', async ({ page }) => {
  await page.goto('/reports');
  await expect(page.getByTestId('feed-list')).toBeVisible();
  const all = await page.getByText(/laporan ditemukan/).textContent();
  await page.getByLabel('Jenis', { exact: true }).first().click();
  await page.getByRole('option', { name: 'Aspirasi' }).click();
  await expect(page).toHaveURL(/type=aspiration/);
  await expect(page.getByText(/laporan ditemukan/)).not.toHaveText(all ?? '');
  await page.goto('/reports');
  await page.getByRole('searchbox', { name: 'Cari laporan' }).fill('jalan');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page).toHaveURL(/q=jalan/);
  await expect(page.getByTestId('feed-list').getByRole('link').first()).toContainText(/jalan/i);
  await page.goto('/reports');
  await expect(page.getByTestId('feed-list')).toBeVisible();
  await screenshotBoth(page, 'public-feed', { fullPage: false });
});
