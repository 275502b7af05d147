import { expect, test } from '@playwright/test';
import { fileAnonymousReportWithPhoto, openAsReporter } from './support/citizen';
import { screenshotBoth } from './support/screenshots';

test('a citizen files anonymously with a photo, keeps the codes, and tracks the report', async ({
  page,
  browser,
}) => {
  const filed = await fileAnonymousReportWithPhoto(page, {
    beforeSubmit: (p) => screenshotBoth(p, 'report-form'),
  });
  await screenshotBoth(page, 'confirmation');

  // The reporter's own view: body, photo, anonymous badge, timeline with the first step.
  await openAsReporter(page, filed.trackingId, filed.accessCode);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(filed.title);
  await expect(page.getByTestId('report-attachment')).toHaveCount(1);
  await expect(page.getByText('Anonim', { exact: true })).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Laporan dikirim');
  await screenshotBoth(page, 'report-page');

  // Without the code, someone else sees the public view only and no reporter actions.
  const other = await browser.newPage();
  await other.goto(`/reports/${filed.trackingId}`);
  await expect(other.getByTestId('report-tracking-id')).toHaveText(filed.trackingId);
  await expect(other.getByText('Anda melihat laporan ini sebagai pelapornya.')).toHaveCount(0);
  await expect(other.getByLabel('Pelapor? Masukkan kode akses')).toBeVisible();
  await other.close();
});

test('the form shows field errors next to the inputs instead of sending', async ({ page }) => {
  await page.goto('/report');
  await page.getByTestId('submit-report').click();
  await expect(page.getByText('Judul minimal 10 karakter.')).toBeVisible();
  await expect(page.getByText('Pilih setidaknya provinsi dan kabupaten/kota.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Judul laporan/ })).toHaveAttribute('aria-invalid', 'true');
});

test('when the network drops on sending, the form says so and keeps what was typed', async ({ page }) => {
  let dropped = false;
  await page.route('**/api/v1/reports', (route) => {
    if (route.request().method() !== 'POST' || dropped) return route.fallback();
    dropped = true;
    return route.abort('internetdisconnected');
  });
  // The first send fails; the helper's second click (after the alert) goes through.
  const filed = await fileAnonymousReportWithPhoto(page, {
    beforeSubmit: async (p) => {
      await p.getByTestId('submit-report').click();
      await expect(p.getByRole('alert').filter({ hasText: 'Isian Anda tidak hilang' })).toBeVisible();
      await expect(p.getByTestId('network-banner')).toBeVisible();
      await expect(p.getByRole('textbox', { name: /^Judul laporan/ })).not.toHaveValue('');
    },
  });
  expect(dropped).toBe(true);
  expect(filed.trackingId).toMatch(/^LPR-/);
});
