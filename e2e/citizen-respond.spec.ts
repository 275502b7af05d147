/** The reporter answers a follow-up with the access code: the reply joins the timeline and the report goes back. */
import { expect, test } from '@playwright/test';
import { openAsReporter } from './support/citizen';

test('a guest reporter replies to a follow-up that did not solve the problem', async ({ page }) => {
  // A demo report awaiting its reporter (the demo data set is the same on every start).
  await openAsReporter(page, 'LPR-DEMO-0032-AWAI', 'DEMO-DEMO-DEMO-DEMO');
  await expect(page.getByText('Menunggu tanggapan pelapor').first()).toBeVisible();
  const actions = page.getByTestId('reporter-actions');
  await expect(actions.getByRole('button', { name: 'Terima dan nilai' })).toBeDisabled();
  await actions
    .getByRole('textbox', { name: /^Balas tindak lanjut/ })
    .fill('Belum selesai: lubang di depan sekolah masih ada.');
  await actions.getByRole('button', { name: 'Kirim balasan' }).click();
  await expect(page.getByText('Balasan terkirim.')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('Balasan pelapor');
  await expect(page.getByTestId('timeline')).toContainText('lubang di depan sekolah masih ada');
  await expect(page.getByText('Sedang ditindaklanjuti').first()).toBeVisible();
  // Waiting on the institution now: nothing left for the reporter to do.
  await expect(page.getByTestId('reporter-actions')).toHaveCount(0);
});
