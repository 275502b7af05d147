/**
 * The national admin's federation page (issue 13): this instance's fingerprint and identity document; trusting a
 * peer is refused for a garbage document, for this instance's own document and for a fingerprint that was not the
 * one read out, and succeeds with the right one; a peer with an old backlog or an error stands out. axe finds no
 * serious or critical violation at 360 and 1280 px.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { STAFF, staffLogin } from './staff-login';
import { peerIdentity } from './support/peer-identity';
import { screenshotBoth } from './support/screenshots';

async function scanAt(page: Page, widths: number[] = [360, 1280]) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(200);
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const summary = bad.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary, `at ${width} px:\n${summary.join('\n')}`).toEqual([]);
  }
}

const documentField = (page: Page) => page.getByRole('textbox', { name: /^Dokumen identitas/ });
const fingerprintField = (page: Page) => page.getByRole('textbox', { name: /^Sidik jari yang dibacakan/ });
const submit = (page: Page) => page.getByRole('button', { name: 'Percayai instans ini' }).click();

test('the national admin reads out the fingerprint and trusts a peer only with the fingerprint its operator read out', async ({
  page,
}) => {
  await staffLogin(page, STAFF.admin);
  await page
    .getByRole('navigation', { name: 'Navigasi ruang kerja' })
    .getByRole('link', { name: 'Federasi' })
    .click();
  await expect(page).toHaveURL(/\/admin\/federation$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Federasi' })).toBeVisible();

  // This instance: the fingerprint the API gives, in its groups, and what to do with it.
  const view = await (await page.request.get('/api/v1/federation')).json();
  const self = view.self as { slug: string; name: string; fingerprint: string };
  const fingerprint = page.getByRole('group', { name: 'Sidik jari kunci' });
  for (const group of self.fingerprint.split(' ')) await expect(fingerprint).toContainText(group);
  await expect(
    page.getByText(/Bacakan sidik jari ini kepada operator instans lain melalui telepon/),
  ).toBeVisible();

  // The identity document downloads as <slug>-identity.json.
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Unduh dokumen identitas/ }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe(`${self.slug}-identity.json`);
  const own = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(own).pintuFederation).toBe(1);

  // Empty: said next to each field, nothing sent.
  await submit(page);
  await expect(documentField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(fingerprintField(page)).toHaveAccessibleDescription(/Ketik sidik jari yang dibacakan/);

  // Garbage, and this instance's own document: refused next to the document field.
  await documentField(page).fill('ini bukan dokumen identitas');
  await fingerprintField(page).fill('0000 0000 0000 0000 0000 0000 0000 0000');
  await submit(page);
  await expect(documentField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(documentField(page)).toHaveAccessibleDescription(/Ini bukan JSON/);
  await documentField(page).fill(own);
  await submit(page);
  await expect(documentField(page)).toHaveAccessibleDescription(/dokumen identitas instans ini sendiri/);

  // A peer's document, chosen as a file, with a fingerprint that is not the one read out: refused, and the
  // document's own fingerprint is not shown (nobody should copy it from there).
  const tag = Date.now().toString(36);
  const peer = peerIdentity({
    slug: `uji-${tag}`,
    name: `Pintu Uji ${tag}`,
    baseUrl: `https://uji-${tag}.pintu.example`,
  });
  await page.locator('input[type="file"]').setInputFiles({
    name: `uji-${tag}-identity.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(peer.document),
  });
  await expect(documentField(page)).toHaveValue(peer.document);
  await fingerprintField(page).fill('0000 0000 0000 0000 0000 0000 0000 0000');
  await submit(page);
  await expect(fingerprintField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(fingerprintField(page)).toHaveAccessibleDescription(/Sidik jari tidak cocok dengan dokumen/);
  await expect(documentField(page)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('main')).not.toContainText(peer.fingerprint);
  await screenshotBoth(page, 'federation-refused');

  // The right one, typed as heard (upper case, colons): trusted, and listed with its fingerprint.
  await fingerprintField(page).fill(peer.fingerprint.toUpperCase().replace(/ /g, ':'));
  await submit(page);
  await expect(page.getByTestId('trust-done')).toContainText(`Pintu Uji ${tag} kini tepercaya`);
  await expect(page.getByTestId('trust-done')).toContainText(peer.fingerprint);
  await expect(documentField(page)).toHaveValue('');
  const row = page.getByTestId('peers').locator(`[data-peer="uji-${tag}"]`);
  await expect(row).toContainText('Tepercaya');
  await expect(row).toContainText(peer.fingerprint);
  await expect(row).toContainText('Kosong');
  await expect(row).toContainText('Belum pernah');
  await expect(page.getByTestId('authority-fallback')).toContainText(
    `ditangani oleh ${self.name} (instans ini)`,
  );

  await scanAt(page);
  await screenshotBoth(page, 'federation');
});

test('a peer with an old backlog or a last error stands out, in the table and in the cards', async ({
  page,
}) => {
  // The backlog of a real peer needs forwarding between two instances; the page is checked here with a view of
  // one: Kalimantan Timur unreachable for 40 minutes, Jawa Barat delivering.
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  const fp = (seed: string) =>
    createHash('sha256').update(seed).digest('hex').slice(0, 32).match(/.{4}/g)!.join(' ');
  const peer = (slug: string, name: string, backlog: object) => ({
    slug,
    name,
    baseUrl: `https://${slug}.pintu.example`,
    state: 'trusted',
    fingerprint: fp(slug),
    trustedAt: ago(60 * 24 * 12),
    backlog,
  });
  const view = {
    self: {
      slug: 'nasional',
      name: 'Pintu Nasional',
      baseUrl: 'https://pintu.example',
      fingerprint: fp('nasional'),
    },
    peers: [
      peer('kaltim', 'LAPOR WAL! Kalimantan Timur', {
        queued: 42,
        oldestQueuedAt: ago(40),
        lastError: 'connect ECONNREFUSED 10.20.0.5:443',
        lastErrorAt: ago(2),
        lastDeliveredAt: ago(41),
      }),
      peer('jabar', 'Pintu Jawa Barat', {
        queued: 1,
        oldestQueuedAt: ago(0.2),
        lastError: null,
        lastErrorAt: null,
        lastDeliveredAt: ago(1),
      }),
    ],
    authority: ['pemprov-64', 'pemda-64.71', 'pemda-64.72'].map((institutionCode) => ({
      institutionCode,
      instance: 'kaltim',
    })),
  };
  await page.route('**/api/v1/federation', (route) => route.fulfill({ json: view }));
  await staffLogin(page, STAFF.admin);
  await page.goto('/admin/federation');
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    const list = width === 360 ? page.getByTestId('peer-cards') : page.getByTestId('peers');
    const kaltim = list.locator('[data-peer="kaltim"]');
    const jabar = list.locator('[data-peer="jabar"]');
    await expect(kaltim).toBeVisible();
    await expect(kaltim.getByTestId('attention')).toHaveText('Perlu perhatian');
    await expect(kaltim).toContainText('Ada pesan yang menunggu lebih dari 15 menit.');
    await expect(kaltim).toContainText('ECONNREFUSED');
    await expect(kaltim).toContainText('42 pesan belum terkirim');
    await expect(kaltim).toContainText('40 menit yang lalu');
    await expect(jabar.getByTestId('attention')).toHaveCount(0);
  }
  await expect(page.getByTestId('peers-summary')).toContainText('2 instans tepercaya. 1 perlu perhatian.');
  await expect(page.getByTestId('authority')).toContainText('LAPOR WAL! Kalimantan Timur');
  await expect(page.getByTestId('authority-fallback')).toContainText(
    'ditangani oleh Pintu Nasional (instans ini)',
  );
  await scanAt(page);
  await screenshotBoth(page, 'federation-backlog');

  // And in English.
  await page.evaluate(() => localStorage.setItem('pintu.lang', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Federation' })).toBeVisible();
  await expect(page.getByTestId('peers').locator('[data-peer="kaltim"]')).toContainText('Needs attention');
  await expect(page.getByTestId('peers-summary')).toContainText('2 trusted peers. 1 needs attention.');
});

test('only the national admin has the page: a coordinator is told so and has no link to it', async ({
  page,
}) => {
  await staffLogin(page, STAFF.samarindaCoordinator);
  await expect(
    page.getByRole('navigation', { name: 'Navigasi ruang kerja' }).getByRole('link', { name: 'Federasi' }),
  ).toHaveCount(0);
  await page.goto('/admin/federation');
  await expect(page.getByRole('alert')).toContainText('Halaman federasi hanya untuk admin nasional.');
  expect((await page.request.get('/api/v1/federation')).status()).toBe(403);
});
