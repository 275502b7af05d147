import { expect, test } from '@playwright/test';
import { screenshotBoth } from './support/screenshots';

test('home page says what Pintu is and leads to the report form', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('pelayanan publik');
  await expect(page.getByText(/laporan publik tercatat/)).toBeVisible();
  await screenshotBoth(page, 'home');
  await page.getByTestId('cta-report').click();
  await expect(page).toHaveURL(/\/report$/);
});

test('language switch turns the page to English and back', async ({ page }) => {
  await page.goto('/');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('public services');
  await page.getByText('ID', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});

test('a deep link loads through the SPA fallback and an unknown page says so', async ({ page }) => {
  await page.goto('/no-such-page/deep');
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('a server that does not answer gives a clear message, not a blank page', async ({ page }) => {
  await page.route('**/api/v1/reports**', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  await expect(page.getByTestId('network-banner')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('on a 360 px phone the menu button opens the navigation', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu navigasi' }).click();
  await page
    .getByRole('navigation', { name: 'Menu navigasi' })
    .getByRole('link', { name: 'Lacak laporan' })
    .click();
  await expect(page).toHaveURL(/\/track$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lacak laporan' })).toBeVisible();
});
