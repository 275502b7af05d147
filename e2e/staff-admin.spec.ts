/** Institution administration by its coordinator, and the holiday calendar of the national admin. */
import { expect, test } from '@playwright/test';
import { STAFF, staffLogin } from './staff-login';

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
