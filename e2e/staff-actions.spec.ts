/**
 * Staff dialogs beyond the journey: archive as a duplicate with the similar report suggested, hold with a question;
 * notifications; the workspace in English.
 */
import { expect, test } from '@playwright/test';
import { act, choose, fileByApi as file, STAFF, staffLogin, staffPage } from './staff-login';

test('the national admin archives a duplicate, picking the original among similar reports, and holds another', async ({
  page,
}) => {
  const tag = Date.now().toString(36);
  const original = await file(page.request, `Pohon tumbang menutup Jalan Pahlawan Samarinda ${tag}`);
  const duplicate = await file(page.request, `Pohon tumbang menutup Jalan Pahlawan, Samarinda ${tag}`);
  const unclear = await file(page.request, `Pertanyaan tentang jadwal perbaikan jalan ${tag}`);
  await staffLogin(page, STAFF.admin);

  await page.goto(`/staff/reports/${duplicate}`);
  await act(page, 'archive', async (p) => {
    await choose(p, 'Alasan arsip', 'Duplikat laporan lain');
    const similar = p.getByTestId('similar-list');
    await expect(similar.getByText(original)).toBeVisible();
    await similar
      .getByRole('radio', { name: new RegExp(`Pohon tumbang menutup Jalan Pahlawan Samarinda ${tag}`) })
      .check();
  });
  await expect(page.getByTestId('report-status')).toHaveText('Arsip');
  await expect(page.getByText(original)).toBeVisible();
  const view = await (await page.request.get(`/api/v1/reports/${duplicate}`)).json();
  expect(view.handling.duplicateOf).toBe(original);

  await page.goto(`/staff/reports/${unclear}`);
  await act(page, 'hold', (p) =>
    p.getByTestId('action-text').fill('Mohon sebutkan ruas jalan dan kelurahan yang dimaksud.'),
  );
  await expect(page.getByTestId('report-status')).toHaveText('Tertunda');
  await expect(page.getByText('Mohon sebutkan ruas jalan dan kelurahan yang dimaksud.')).toBeVisible();
});

test('notifications are listed and marked read; the workspace speaks English on request', async ({
  page,
}) => {
  await staffLogin(page, STAFF.samarindaCoordinator);
  await page.getByTestId('notifications-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifikasi' })).toBeVisible();
  await expect(page.getByText(/LPR-/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Tandai semua dibaca' }).click();
  await expect(page.getByRole('button', { name: 'Tandai semua dibaca' })).toHaveCount(0);
  await expect(page.getByTestId('notifications-link').locator('.mantine-Badge-root')).toHaveCount(0);

  await page.goto('/staff');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByTestId('queue-overdue')).toContainText('Overdue');
  await expect(page.getByTestId('inbox-item').first()).toContainText(/working days? (late|left)|Due today/);
  await page.getByText('ID', { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak masuk' })).toBeVisible();
});

test('the coordinator bulk-disposes reports to a unit and sends one back as not its authority', async ({
  page,
  browser,
}) => {
  const tag = Date.now().toString(36);
  const ids = [
    await file(page.request, `Saluran air tersumbat di Jalan Cendana ${tag}`),
    await file(page.request, `Saluran air meluap di Jalan Cendana ${tag}`),
    await file(page.request, `Izin keramaian tidak diurus kelurahan ${tag}`),
  ];
  const admin = await staffPage(browser, STAFF.admin);
  const origin = new URL(admin.url()).origin;
  const samarinda = (
    await (await admin.request.get('/api/v1/institutions?q=Kota Samarinda&all=true')).json()
  ).items.find((i: { name: string }) => i.name === 'Pemerintah Kota Samarinda');
  for (const id of ids) {
    const res = await admin.request.post(`/api/v1/reports/${id}/actions`, {
      data: { action: 'verify', targets: [samarinda.id] },
      headers: { origin },
    });
    expect(res.status()).toBe(200);
  }
  await admin.context().close();

  await staffLogin(page, STAFF.samarindaCoordinator);
  await page.getByTestId('queue-to_acknowledge').click();
  await expect(page).toHaveURL(/queue=to_acknowledge/);
  await page.getByLabel('Cari').fill(`Saluran ${tag}`);
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page.getByTestId('inbox-item')).toHaveCount(2);
  await page.getByLabel('Pilih semua di halaman ini').check();
  await page.getByTestId('bulk-action').click();
  await choose(page, 'Unit tujuan', /Dinas Pekerjaan Umum/);
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('2 laporan diproses.')).toBeVisible();
  for (const id of ids.slice(0, 2)) {
    const view = await (await page.request.get(`/api/v1/reports/${id}`)).json();
    expect(view.institution.name).toBe('Dinas Pekerjaan Umum dan Penataan Ruang');
  }

  await page.goto(`/staff/reports/${ids[2]}`);
  await act(page, 'not_our_authority', (p) =>
    p.getByTestId('action-text').fill('Izin keramaian adalah kewenangan kepolisian, bukan pemerintah kota.'),
  );
  await expect(page.getByText('Laporan dikembalikan')).toBeVisible();
  await expect(page).toHaveURL(/\/staff$/);
  const back = await (await page.request.get(`/api/v1/reports/${ids[2]}`)).json();
  expect(back.view).toBe('public');
  expect(back.institution?.name).not.toBe('Pemerintah Kota Samarinda');
});
