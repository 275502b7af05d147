/** Institution administration by its coordinator, and the holiday calendar of the national admin. */
import { expect, test } from '@playwright/test';
import { STAFF, staffLogin } from './staff-login';
import { screenshotBoth } from './support/screenshots';

test('the Samarinda coordinator sees its units and staff, adds a unit, renames and moves it', async ({
  page,
}) => {
  await staffLogin(page, STAFF.samarindaCoordinator);
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Pemerintah Kota Samarinda' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Dinas Pekerjaan Umum dan Penataan Ruang' })).toBeVisible();
  const name = `Dinas Perhubungan ${Date.now().toString(36)}`;
  await page.getByLabel('Nama unit').fill(name);
  await page.getByRole('button', { name: 'Tambah unit' }).click();
  await expect(page.getByRole('cell', { name })).toBeVisible();
  // Rename it, then move it under the public-works unit: it leaves the list of top-level units.
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await row.getByRole('button', { name: 'Ubah' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nama unit').fill(`${name} Baru`);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('cell', { name: `${name} Baru` })).toBeVisible();
  const renamed = page.getByRole('row').filter({ has: page.getByRole('cell', { name: `${name} Baru` }) });
  await renamed.getByRole('button', { name: 'Ubah' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Di bawah' }).click();
  await page.getByRole('option', { name: 'Dinas Pekerjaan Umum dan Penataan Ruang' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('cell', { name: `${name} Baru` })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Petugas' }).click();
  await expect(page.getByRole('cell', { name: STAFF.samarindaLiaison })).toBeVisible();
  await page.getByRole('tab', { name: 'SK' }).click();
  await expect(page.getByText('belum mencatat SK')).toBeVisible();
});

test('the national admin adds a regional day off, finds it under its region and removes it again', async ({
  page,
}) => {
  const name = `Hari jadi uji ${Date.now().toString(36)}`;
  // A day of 1–20 December 2026 (no national day off there); one regional day off per date and region.
  const date = `2026-12-${String(1 + (Date.now() % 20)).padStart(2, '0')}`;
  await staffLogin(page, STAFF.admin);
  await page.goto('/admin/holidays');
  await page.getByRole('combobox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: '2026' }).click();
  await expect(page.getByTestId('holidays').getByText('Tahun Baru 2026 Masehi')).toBeVisible();
  await page.getByLabel('Tanggal').fill(date);
  await page.getByRole('textbox', { name: /^Nama/ }).fill(name);
  await page.getByRole('combobox', { name: 'Jenis' }).click();
  await page.getByRole('option', { name: 'Libur daerah' }).click();
  await page.getByRole('textbox', { name: /^Kode wilayah/ }).fill('64.72');
  await page.getByLabel('Dasar hukum').fill('Perwali uji e2e');
  await page.getByRole('button', { name: 'Simpan' }).click();
  const row = page.getByTestId('holidays').getByRole('row', { name: new RegExp(name) });
  // Regional days off show once their region is chosen.
  await expect(row).toHaveCount(0);
  await page.getByLabel('Tampilkan libur daerah untuk').fill('64.72');
  await expect(row).toContainText('Libur daerah (64.72)');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button').click();
  await expect(row).toHaveCount(0);
});

test('next year without its decree is provisional; the national admin checks a decree before entering it', async ({
  page,
}) => {
  const year = new Date().getFullYear() + 1;
  const status = await (await page.request.get(`/api/v1/holidays?year=${year}`)).json();
  test.skip(status.calendar.decreed, `${year} is already decreed in this data`);
  await staffLogin(page, STAFF.admin);
  await page.goto('/admin/holidays');
  await page.getByRole('combobox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: String(year) }).click();
  await expect(page.getByTestId('calendar-provisional')).toContainText(
    `Kalender ${year} belum ditetapkan — tenggat bersifat sementara`,
  );
  // The fixed-date days are listed (and kept) without any decree.
  const newYear = page
    .getByTestId('holidays')
    .getByRole('row', { name: new RegExp(`Tahun Baru ${year} Masehi`) });
  await expect(newYear).toContainText('tanggal tetap');
  await expect(newYear.getByRole('button')).toHaveCount(0);
  const form = page.getByTestId('decree-form');
  await expect(form.getByTestId('decree-days').getByRole('row')).toHaveCount(5);
  await form.getByLabel('Nomor keputusan').fill(`SKB UJI-E2E/${year - 1}`);
  await form.getByLabel('Tanggal ditetapkan').fill(`${year - 1}-11-30`);
  await form.getByLabel('Judul keputusan').fill('Keputusan uji e2e (bukan data nyata)');
  await expect(form.getByRole('button', { name: 'Simpan keputusan' })).toBeDisabled();
  await form.getByRole('button', { name: 'Periksa' }).click();
  await expect(form.getByTestId('decree-preview')).toContainText('Jika disimpan:');
  await expect(form.getByTestId('decree-preview')).toContainText('5 hari ditambah');
  await expect(form.getByRole('button', { name: 'Simpan keputusan' })).toBeEnabled();
  await screenshotBoth(page, 'holidays-provisional');
  // A dry run stored nothing: the year is still provisional.
  await page.reload();
  await page.getByRole('combobox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: String(year) }).click();
  await expect(page.getByTestId('calendar-provisional')).toBeVisible();
});
