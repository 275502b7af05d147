/**
 * Program channels (issue 15): a villager files a grievance through the FCPF-CF East Kalimantan program's own page
 * (a village of its area, the reporter's gender) → the village's handler acknowledges it and raises it to the
 * regency → the regency's handler finds it in the program queue, acknowledges and posts a follow-up → the reporter
 * accepts (resolved) → the program report counts it by level, gender and status. Axe checks and screenshots of the
 * intake page, the queue and the report at 360 px and desktop.
 */
import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { act, choose, staffPage } from './staff-login';
import { acceptAndRate, makeJpeg, pick } from './support/citizen';
import { screenshotBoth } from './support/screenshots';

/**
 * The seeded program (server db/seed/programs.ts) and its demo accounts (db/seed/demo-accounts.ts): the village unit
 * of Rawa Makmur (Palaran, Kota Samarinda) handles first, Pemerintah Kota Samarinda next; the province owns it.
 */
const PROGRAM = 'fcpf-cf-kaltim';
const VILLAGE = '64.72.01.1001';
const HANDLER = {
  village: 'penghubung.rawamakmur@pintu.example',
  regency: 'penghubung.samarinda@pintu.example',
  owner: 'program.kaltim@pintu.example',
} as const;

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

interface Region {
  code: string;
  name: string;
}

async function regionsUnder(request: APIRequestContext, parent?: string): Promise<Region[]> {
  const res = await request.get('/api/v1/regions', {
    params: { limit: 1000, ...(parent ? { parent } : {}) },
  });
  expect(res.ok()).toBeTruthy();
  return (await res.json()).items;
}

/** The names along a village's path (province, regency, district, village), to pick them in the form. */
async function pathOf(request: APIRequestContext, village: string): Promise<Region[]> {
  const parts = village.split('.');
  const out: Region[] = [];
  let parent: string | undefined;
  for (let n = 1; n <= 4; n++) {
    const code = parts.slice(0, n).join('.');
    const found = (await regionsUnder(request, parent)).find((r) => r.code === code);
    if (!found) throw new Error(`region ${code} not found`);
    out.push(found);
    parent = code;
  }
  return out;
}

/** A row's count in one of the program report's breakdown tables. */
async function countIn(page: Page, table: string, key: string): Promise<number> {
  const cell = page.getByTestId(table).locator(`tr[data-key="${key}"] td[data-count]`);
  return (await cell.count()) ? Number(await cell.getAttribute('data-count')) : 0;
}

test('a villager’s grievance through the program page: village → regency → resolved, and the report counts it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const program = await (await page.request.get(`/api/v1/programs/${PROGRAM}`)).json();
  const path = await pathOf(page.request, VILLAGE);
  const category = program.categories.find((c: { code: string }) => c.code === 'lahan-tenurial');
  const title = `Batas lahan desa tidak disepakati ${Date.now().toString(36)}`;

  // The report before, as the owner's admin reads it (all of the program's grievances, any period).
  const owner = await staffPage(browser, HANDLER.owner);
  const before = await (await owner.request.get(`/api/v1/programs/${PROGRAM}/report`)).json();

  await test.step('the villager files through /program/:code with her gender and a photo', async () => {
    await page.goto(`/program/${PROGRAM}`);
    await expect(page.getByRole('heading', { level: 1, name: program.name })).toBeVisible({
      timeout: 60_000,
    });
    await page.getByRole('radio', { name: category.name }).check();
    await page.getByRole('textbox', { name: /^Judul laporan/ }).fill(title);
    await page
      .getByRole('textbox', { name: /^Isi laporan/ })
      .fill(
        'Patok batas lahan hutan desa dipindahkan tanpa musyawarah. Warga khawatir kehilangan akses ke kebun rotan yang sudah turun-temurun.',
      );
    const [province, regency, district, desa] = path as [Region, Region, Region, Region];
    // The whole area lies in Kalimantan Timur: the province is chosen already.
    await expect(page.getByRole('combobox', { name: /^Provinsi/ })).toHaveValue(province.name);
    await pick(page, 'Kabupaten/Kota', regency.name, regency.name);
    await pick(page, 'Kecamatan', district.name, district.name);
    await pick(page, 'Desa/Kelurahan', desa.name, desa.name);
    // A pin on the map places the village on the program's village map.
    await page.getByRole('button', { name: 'Tandai di peta (opsional)' }).click();
    // Leaflet listens once the map is drawn: tap until the pin is taken.
    await expect(async () => {
      // The map opens on Indonesia (-2.5, 118) at zoom 4 (about 11 px a degree): a little up and left is Samarinda.
      const map = page.getByRole('application', { name: /^Peta/ }).locator('.leaflet-container');
      const box = await map.boundingBox();
      await map.click({ position: { x: (box?.width ?? 0) / 2 - 10, y: (box?.height ?? 0) / 2 - 23 } });
      await expect(page.getByTestId('pin')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Tutup peta' }).click();
    // The program's own questions: a choice (the second one where there is one), a number, a text.
    for (const f of program.fields as { key: string; label: string; type: string; options?: string[] }[]) {
      if (f.type === 'select') await pick(page, f.label, f.options?.[1] ?? f.options?.[0] ?? '');
      else
        await page
          .getByTestId(`program-field-${f.key}`)
          .fill(f.type === 'number' ? '3' : 'Kelompok tani hutan');
    }
    await page.getByTestId('attachments-input').setInputFiles({
      name: 'patok-batas.jpg',
      mimeType: 'image/jpeg',
      buffer: await makeJpeg(),
    });
    await expect(page.getByTestId('attachment-preview').getByText('Siap')).toBeVisible();
    await page.getByRole('radio', { name: 'Perempuan' }).check();
    await page.getByRole('textbox', { name: /^Nama/ }).fill('Ibu Mariana');
    await expectNoSeriousViolations(page);
    await screenshotBoth(page, 'program-intake');
    await page.getByTestId('submit-report').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan terkirim' })).toBeVisible();
    await expect(page.getByTestId('sent-program')).toContainText('tingkat desa/kelurahan');
  });
  const trackingId = (await page.getByTestId('tracking-id').textContent())?.trim() ?? '';
  const accessCode = (await page.getByTestId('access-code').textContent())?.trim() ?? '';
  expect(trackingId).toMatch(/^[A-Z0-9-]{8,}$/);
  const reportUrl = `/staff/reports/${trackingId}`;
  const status = (p: Page) => p.getByTestId('report-status');

  await test.step('the village handler acknowledges it and raises it to the regency', async () => {
    const handler = await staffPage(browser, HANDLER.village);
    await handler.goto(`/programs/${PROGRAM}?level=village`);
    const item = handler.locator(`[data-tracking-id="${trackingId}"]`);
    await expect(item).toBeVisible();
    await expect(item).toHaveAttribute('data-level', 'village');
    await item.getByRole('link').click();
    await expect(handler).toHaveURL(new RegExp(`${reportUrl}$`));
    await act(handler, 'acknowledge', async (p) => {
      await choose(p, 'Kelas kompleksitas', /^Sederhana/);
      await p.getByTestId('action-text').fill('Keluhan diterima; kepala desa akan memanggil para pihak.');
    });
    await expect(status(handler)).toHaveText('Terdisposisi Sedang Diproses');
    await act(handler, 'raise_level', (p) =>
      p.getByTestId('action-text').fill('Sengketa batas melibatkan izin konsesi; perlu keputusan kabupaten.'),
    );
    await handler.context().close();
  });

  await test.step('the regency handler finds it in the program queue, acknowledges and follows up', async () => {
    const handler = await staffPage(browser, HANDLER.regency);
    await handler.goto(`/programs/${PROGRAM}`);
    await pick(handler, 'Tingkat', 'Kabupaten/Kota');
    await expect(handler).toHaveURL(/level=regency/);
    const item = handler.locator(`[data-tracking-id="${trackingId}"]`);
    await expect(item).toBeVisible();
    await expect(item).toHaveAttribute('data-level', 'regency');
    await expectNoSeriousViolations(handler);
    // Leave the filter (its focus ring is the brand's red) before the picture.
    await handler.getByRole('heading', { level: 1 }).click();
    await screenshotBoth(handler, 'program-queue');
    await item.getByRole('link').click();
    await act(handler, 'acknowledge', async (p) => {
      await choose(p, 'Kelas kompleksitas', /^Tanpa pemeriksaan lapangan|^Sederhana/);
      await p
        .getByTestId('action-text')
        .fill('Diterima di tingkat kabupaten; tim akan memeriksa peta konsesi.');
    });
    await act(handler, 'post_follow_up', (p) =>
      p
        .getByTestId('action-text')
        .fill('Patok dikembalikan ke batas yang disepakati dalam musyawarah desa, disaksikan camat.'),
    );
    await expect(status(handler)).toHaveText('Menunggu Tanggapan Pelapor');
    await handler.context().close();
  });

  await test.step('the reporter accepts with the access code: resolved', async () => {
    await acceptAndRate(page, trackingId, accessCode, 5);
  });

  await test.step('the program report counts it by level, gender and status', async () => {
    await owner.goto(`/programs/${PROGRAM}/report`);
    // The charts' chunk is large on a small shared machine: give the first render time.
    await expect(owner.getByTestId('totals')).toBeVisible({ timeout: 30_000 });
    await expect(owner.getByTestId('total-filed').locator('[data-value]')).toHaveText(
      String(before.total + 1),
    );
    await expect(owner.getByTestId('by-level')).toBeVisible();
    expect(await countIn(owner, 'by-level', 'regency')).toBe((before.byLevel.regency ?? 0) + 1);
    expect(await countIn(owner, 'by-gender', 'female')).toBe(before.byGender.female + 1);
    expect(await countIn(owner, 'by-status', 'resolved')).toBe((before.byStatus.resolved ?? 0) + 1);
    await expect(
      owner.getByTestId('gender-status').locator('tr[data-key="female"] td[data-status="resolved"]'),
    ).toHaveText(String((before.genderByStatus.female.resolved ?? 0) + 1));
    await expect(owner.getByTestId('by-village').locator(`tr[data-key="${VILLAGE}"]`)).toBeVisible();
    await expect(owner.getByTestId('village-map').locator('path.village')).not.toHaveCount(0);
    // The periodic report's CSV carries the same figures.
    const href = (await owner.getByTestId('program-csv').getAttribute('href')) ?? '';
    const csv = await (await owner.request.get(href)).text();
    expect(csv).toContain('gender');
    expect(csv).toContain(VILLAGE);
    await expectNoSeriousViolations(owner);
    await screenshotBoth(owner, 'program-report');
    await owner.context().close();
  });
});

test('the normal form offers the program for a village of its area, carrying what was typed; the list and the admin page', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const title = `Dana insentif desa belum dibagikan ${Date.now().toString(36)}`;
  await page.goto('/report');
  await expect(page.getByRole('heading', { level: 1, name: 'Laporkan!' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('textbox', { name: /^Judul laporan/ }).fill(title);
  const [, regency, district, desa] = (await pathOf(page.request, VILLAGE)) as [
    Region,
    Region,
    Region,
    Region,
  ];
  await pick(page, 'Provinsi', 'Kalimantan Timur', 'Kalimantan Timur');
  await pick(page, 'Kabupaten/Kota', regency.name, regency.name);
  await pick(page, 'Kecamatan', district.name, district.name);
  // Not before a village is chosen: a program's grievance is handled first by its village.
  await expect(page.getByTestId('program-offer')).toHaveCount(0);
  await pick(page, 'Desa/Kelurahan', desa.name, desa.name);
  const offer = page.getByTestId('program-offer');
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: /Laporkan melalui program/ }).click();
  await expect(page).toHaveURL(new RegExp(`/program/${PROGRAM}$`));
  await expect(page.getByRole('textbox', { name: /^Judul laporan/ })).toHaveValue(title);
  await expect(page.getByRole('combobox', { name: /^Desa\/Kelurahan/ })).toHaveValue(desa.name);

  await page.goto('/programs');
  await expect(page.locator(`[data-code="${PROGRAM}"]`)).toBeVisible();
  await expectNoSeriousViolations(page);

  // The province's program admin: a well-formed but unknown region code is refused on that field, nothing saved.
  const admin = await staffPage(browser, HANDLER.owner);
  await admin.goto('/admin/programs');
  await admin.getByTestId('admin-programs').getByRole('link').first().click();
  await expect(admin.getByTestId('program-code')).toHaveValue(PROGRAM);
  const area = admin.getByTestId('program-area');
  await area.fill('99.99');
  await area.press('Enter');
  await admin.getByTestId('program-save').click();
  await expect(admin.getByText(/Wilayah 99\.99 tidak ditemukan/).first()).toBeVisible();
  await expectNoSeriousViolations(admin);
  await screenshotBoth(admin, 'program-admin', { fullPage: false });
  await admin.context().close();
});
