/**
 * Citizen steps shared by the specs: file a report through the real form (with a real photo upload), and accept
 * with a rating through the report page. Staff journeys continue from what `fileAnonymousReportWithPhoto` returns.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';

export interface Filed {
  trackingId: string;
  accessCode: string;
  title: string;
}

/** A small real JPEG (a red-and-grey picture), made fresh so no fixture binary lives in the repo. */
export async function makeJpeg(width = 96, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 185, g: 28, b: 28 } } })
    .composite([
      {
        input: {
          create: {
            width: width / 2,
            height: height / 2,
            channels: 3,
            background: { r: 120, g: 120, b: 120 },
          },
        },
        left: width / 4,
        top: height / 4,
      },
    ])
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Picks `option` in the Mantine Select labelled `label`, typing to search first. */
export async function pick(page: Page, label: string | RegExp, option: string | RegExp, search?: string) {
  const name = typeof label === 'string' ? new RegExp(`^${label.replace(/[/()]/g, '\\$&')}`) : label;
  const input = page.getByRole('textbox', { name }).or(page.getByRole('combobox', { name })).first();
  await expect(input).toBeEnabled();
  const choice = page.getByRole('option', { name: option }).first();
  // The options may arrive after the input is enabled (their query is still loading), and the dropdown can close
  // while a re-render moves it: open, type and click again until the choice is taken.
  await expect(async () => {
    await input.click();
    if (search) await input.fill(search);
    await expect(choice).toBeVisible({ timeout: 3_000 });
    await choice.click({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

export interface FileOptions {
  title?: string;
  body?: string;
  anonymous?: boolean;
  confidential?: boolean;
  photo?: boolean;
  /** An institution name among the suggestions; by default Pintu's administrators decide (national queue). */
  institution?: string;
  reporterName?: string;
  /** Called on the filled form just before sending (e.g. to take screenshots). */
  beforeSubmit?: (page: Page) => Promise<void>;
}

/** Files a report about a road in Samarinda through /report; anonymous with one photo unless told otherwise. */
export async function fileReport(page: Page, opts: FileOptions = {}): Promise<Filed> {
  const title = opts.title ?? `Jalan berlubang di Jalan Juanda Samarinda ${Date.now().toString(36)}`;
  await page.goto('/report');
  await expect(page.getByRole('heading', { level: 1, name: 'Laporkan!' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Judul laporan/ }).fill(title);
  await page
    .getByRole('textbox', { name: /^Isi laporan/ })
    .fill(
      opts.body ??
        'Ada lubang besar di tengah jalan dekat sekolah dasar. Sudah dua motor jatuh minggu ini, mohon segera diperbaiki.',
    );
  await pick(page, 'Provinsi', 'Kalimantan Timur', 'Kalimantan Timur');
  await pick(page, 'Kabupaten/Kota', 'Kota Samarinda', 'Samarinda');
  await pick(page, 'Kecamatan', 'Samarinda Ulu', 'Ulu');
  await pick(page, 'Kategori', 'Jalan & Jembatan Kabupaten/Kota', 'Jembatan Kabupaten');
  if (opts.institution) await checkSurely(page.getByRole('radio', { name: opts.institution }));
  if (opts.photo ?? true) {
    await page.getByTestId('attachments-input').setInputFiles({
      name: 'jalan-berlubang.jpg',
      mimeType: 'image/jpeg',
      buffer: await makeJpeg(),
    });
    await expect(page.getByTestId('attachment-preview')).toHaveCount(1);
    await expect(page.getByTestId('attachment-preview').getByText('Siap')).toBeVisible();
  }
  if (opts.anonymous ?? true) await checkSurely(page.getByTestId('anonymous'), true);
  else await page.getByRole('textbox', { name: /^Nama/ }).fill(opts.reporterName ?? 'Siti Rahmawati');
  if (opts.confidential) await checkSurely(page.getByTestId('confidential'), true);
  await expect(page.getByTestId('photo-warning')).toBeVisible();
  if (opts.beforeSubmit) await opts.beforeSubmit(page);
  await page.getByTestId('submit-report').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Laporan terkirim' })).toBeVisible();
  const trackingId = (await page.getByTestId('tracking-id').textContent())?.trim() ?? '';
  const accessCode = (await page.getByTestId('access-code').textContent())?.trim() ?? '';
  expect(trackingId).toMatch(/^[A-Z0-9-]{8,}$/);
  expect(accessCode.length).toBeGreaterThanOrEqual(8);
  return { trackingId, accessCode, title };
}

/** The journey's first step: an anonymous report with a photo. */
export function fileAnonymousReportWithPhoto(
  page: Page,
  opts: Omit<FileOptions, 'anonymous' | 'photo'> = {},
) {
  return fileReport(page, { ...opts, anonymous: true, photo: true });
}

/** Opens the report by tracking number and access code, as a guest reporter does. */
export async function openAsReporter(page: Page, trackingId: string, accessCode: string) {
  await page.goto('/track');
  await page.getByLabel('Nomor pelacakan').fill(trackingId);
  await page.getByLabel('Kode akses (opsional)').fill(accessCode);
  await page.getByRole('button', { name: 'Lacak' }).click();
  await expect(page.getByTestId('report-tracking-id')).toHaveText(trackingId);
  await expect(page.getByText('Anda melihat laporan ini sebagai pelapornya.')).toBeVisible();
}

/** The reporter accepts the follow-up with `rating` stars; the report becomes Selesai. */
export async function acceptAndRate(page: Page, trackingId: string, accessCode: string, rating: number) {
  await openAsReporter(page, trackingId, accessCode);
  const actions = page.getByTestId('reporter-actions');
  // The stars are a radio group (0–5) with visually hidden inputs; each star is the label of its input.
  await actions
    .getByTestId('rating')
    .locator(
      `label[for="${await actions
        .getByTestId('rating')
        .getByRole('radio', { name: String(rating), exact: true })
        .getAttribute('id')}"]`,
    )
    .click();
  await expect(
    actions.getByTestId('rating').getByRole('radio', { name: String(rating), exact: true }),
  ).toBeChecked();
  await actions.getByTestId('accept').click();
  await expect(page.getByText('Laporan selesai dan penilaian Anda tercatat', { exact: false })).toBeVisible();
  await expect(page.getByText('Selesai').first()).toBeVisible();
}

/**
 * Checks a box or radio until it stays checked. The form re-renders its institution suggestions and switches while
 * the routing answer arrives, and a click on the element being replaced is lost ("Clicking the checkbox did not
 * change its state", seen under load).
 */
async function checkSurely(box: Locator, force = false): Promise<void> {
  await expect(async () => {
    await box.check({ force, timeout: 2_000 });
    await expect(box).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
