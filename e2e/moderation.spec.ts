/**
 * Abuse (issue 16 §7, docs/abuse.md) in the browser: a bot that fills the form's hidden field gets the usual
 * confirmation, and its report waits in the national admin's moderation queue, reached from the staff navigation;
 * the admin releases it back into normal handling. axe finds no serious or critical violation on the queue, nor on
 * the form with its hidden field.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { STAFF, staffLogin } from './staff-login';
import { fileReport } from './support/citizen';

async function noSeriousViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a bot’s filing looks accepted, waits for moderation, and the national admin releases it', async ({
  page,
  browser,
}) => {
  const title = `Promo pinjaman cepat tanpa agunan ${Date.now().toString(36)}`;
  const filed = await fileReport(page, {
    title,
    photo: false,
    beforeSubmit: async (form) => {
      // People never see or reach the field; a form-filling bot fills it.
      await expect(form.getByTestId('honeypot')).not.toBeInViewport();
      await noSeriousViolations(form);
      await form.getByTestId('honeypot').fill('https://pinjaman.example', { force: true });
    },
  });
  // Held, so the public does not see it; its reporter still does, with the access code.
  const pub = await page.request.get(`/api/v1/reports/${filed.trackingId}`);
  expect(pub.status()).toBe(404);

  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const admin = await context.newPage();
  await staffLogin(admin, STAFF.admin);
  await admin.getByTestId('moderation-link').click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Moderasi laporan' })).toBeVisible();
  const item = admin.getByTestId('moderation-item').filter({ hasText: title });
  await expect(item).toContainText('Kolom jebakan terisi');
  await noSeriousViolations(admin);
  await item.getByTestId('release-flag').click();
  await expect(admin.getByRole('status')).toContainText(`Tanda ${filed.trackingId} dilepaskan.`);
  await expect(admin.getByTestId('moderation-item').filter({ hasText: title })).toHaveCount(0);
  expect((await page.request.get(`/api/v1/reports/${filed.trackingId}`)).status()).toBe(200);
  await context.close();
});
