/**
 * The whole journey through the UI: a citizen files anonymously with a photo → the national admin verifies it to
 * Pemerintah Kota Samarinda → its coordinator disposes it down to the public works unit → the liaison officer
 * acknowledges → the operator drafts a follow-up and the liaison officer approves it → the citizen accepts and rates.
 * Staff of another institution (Kota Jayapura) cannot open it.
 */
import { expect, test } from '@playwright/test';
import { act, choose, STAFF, staffPage } from './staff-login';
import { acceptAndRate, fileAnonymousReportWithPhoto, makeJpeg } from './support/citizen';
import { screenshotBoth } from './support/screenshots';

test('citizen → staff verify, dispose, acknowledge, follow up → citizen accepts; Jayapura cannot open it', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // The first test of a run may meet a server still warming up: let the form load once, unhurried.
  await page.goto('/report');
  await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
  const filed = await fileAnonymousReportWithPhoto(page);
  const reportUrl = `/staff/reports/${filed.trackingId}`;
  const status = (p: typeof page) => p.getByTestId('report-status');

  await test.step('the national admin verifies it to Pemerintah Kota Samarinda', async () => {
    const admin = await staffPage(browser, STAFF.admin);
    await admin.goto(reportUrl);
    await expect(status(admin)).toHaveText('Belum Terverifikasi');
    // The reporter is anonymous: staff see no name, and the photo is there.
    await expect(admin.getByText('Anonim').first()).toBeVisible();
    await expect(admin.getByRole('img', { name: 'Lampiran foto 1' })).toBeVisible();
    await act(admin, 'verify', (p) =>
      choose(p, 'Instansi tujuan', 'Pemerintah Kota Samarinda', 'Kota Samarinda'),
    );
    await expect(status(admin)).toHaveText('Terdisposisi Belum Ditindaklanjuti');
    await admin.context().close();
  });

  await test.step('the coordinator finds it in the inbox and disposes it down to the public works unit', async () => {
    const coord = await staffPage(browser, STAFF.samarindaCoordinator);
    await coord.getByTestId('queue-to_acknowledge').click();
    await expect(coord).toHaveURL(/queue=to_acknowledge/);
    await coord.getByLabel('Cari').fill(filed.trackingId);
    await coord.getByRole('button', { name: 'Terapkan' }).click();
    const item = coord.locator(`[data-tracking-id="${filed.trackingId}"]`);
    await expect(item).toBeVisible();
    await expect(item.locator('[data-due]')).toHaveAttribute('data-due', /ok|due_soon/);
    await item.getByRole('link').click();
    await expect(coord).toHaveURL(new RegExp(`${reportUrl}$`));
    // Only what the core allows the coordinator now: no acknowledge, no follow-up.
    await expect(coord.locator('[data-action="acknowledge"]')).toHaveCount(0);
    await act(coord, 'dispose_down', (p) => choose(p, 'Unit tujuan', /Dinas Pekerjaan Umum/));
    await expect(coord.getByText('Didisposisi ke unit')).toBeVisible();
    await coord.context().close();
  });

  const liaison = await staffPage(browser, STAFF.samarindaLiaison);
  await test.step('the liaison officer acknowledges it as simple (5 working days)', async () => {
    await liaison.goto(reportUrl);
    await act(liaison, 'acknowledge', async (p) => {
      await choose(p, 'Kelas kompleksitas', /^Sederhana/);
      await p.getByTestId('action-text').fill('Laporan diterima; tim UPTD akan menambal lubang minggu ini.');
    });
    await expect(status(liaison)).toHaveText('Terdisposisi Sedang Diproses');
    await liaison.getByLabel('Catatan internal').fill('Koordinasi dengan UPTD Jalan, jadwal Kamis.');
    await liaison.getByRole('button', { name: 'Tambah catatan' }).click();
    await expect(liaison.getByText('Koordinasi dengan UPTD Jalan, jadwal Kamis.')).toBeVisible();
  });

  await test.step('the operator drafts a follow-up; the liaison officer approves it', async () => {
    const operator = await staffPage(browser, STAFF.samarindaOperator);
    await operator.goto(reportUrl);
    await expect(operator.locator('[data-action="post_follow_up"]')).toHaveCount(0);
    await act(operator, 'draft_follow_up', async (p) => {
      await p
        .getByTestId('action-text')
        .fill('Lubang di Jalan Juanda sudah ditambal oleh tim UPTD hari ini.');
      await p
        .getByRole('dialog')
        .locator('input[type="file"]')
        .setInputFiles({ name: 'sesudah-ditambal.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg() });
    });
    await expect(operator.getByTestId('draft')).toContainText('menunggu persetujuan');
    await expect(operator.getByTestId('draft-attachments')).toHaveText('1 lampiran');
    await operator.context().close();
    await liaison.reload();
    await expect(liaison.getByTestId('draft')).toBeVisible();
    await screenshotBoth(liaison, 'staff-report');
    await liaison.getByTestId('approve-draft').click();
    await expect(status(liaison)).toHaveText('Menunggu Tanggapan Pelapor');
    await liaison.context().close();
  });

  await test.step('the citizen accepts with 5 stars', async () => {
    await acceptAndRate(page, filed.trackingId, filed.accessCode, 5);
  });

  await test.step('staff of Kota Jayapura cannot open it', async () => {
    const other = await staffPage(browser, STAFF.jayapuraCoordinator);
    const viewed = other.waitForResponse((r) => r.url().endsWith(`/api/v1/reports/${filed.trackingId}`));
    await other.goto(reportUrl);
    const res = await viewed;
    // The API gives them only what the public sees: no staff view, no handling, no allowed actions.
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.view).toBe('public');
    expect(body.handling).toBeUndefined();
    await expect(other.getByTestId('report-denied')).toBeVisible();
    await expect(other.getByTestId('actions')).toHaveCount(0);
    const similar = await other.request.get(`/api/v1/reports/${filed.trackingId}/similar`);
    expect(similar.status()).toBe(404);
    // Nor can they act on it: the core refuses (403), and nothing is written.
    const origin = new URL(other.url()).origin;
    const note = await other.request.post(`/api/v1/reports/${filed.trackingId}/actions`, {
      data: { action: 'comment_internal', message: 'Coba dari Jayapura' },
      headers: { origin },
    });
    expect(note.status()).toBe(403);
    const events = await (await other.request.get(`/api/v1/reports/${filed.trackingId}/events`)).json();
    expect(events.audience).toBe('public');
    expect(JSON.stringify(events)).not.toContain('Koordinasi dengan UPTD');
    await other.context().close();
  });
});
