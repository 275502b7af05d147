/** Staff steps shared by the staff, journey and dashboard specs: sign in through the staff sign-in page. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'pintu-demo-2026';

export const STAFF = {
  admin: 'admin@pintu.example',
  oversight: 'pengawas@pintu.example',
  samarindaCoordinator: 'koordinator.samarinda@pintu.example',
  samarindaLiaison: 'penghubung.pupr.samarinda@pintu.example',
  samarindaOperator: 'operator.pupr.samarinda@pintu.example',
  jayapuraCoordinator: 'koordinator.jayapura@pintu.example',
} as const;

/** Signs `email` in on `page` through /staff/login and waits for the inbox. */
export async function loginThroughForm(page: Page, email: string): Promise<void> {
  await page.goto('/staff/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak masuk' })).toBeVisible();
}

/**
 * Signs `email` in: through the form the first time in a run, then with that session's cookies. The server allows
 * 5 sign-ins a minute per address and account, and the specs sign the same demo accounts in more often than that.
 */
export async function staffLogin(page: Page, email: string): Promise<void> {
  const origin = new URL(page.url() === 'about:blank' ? await baseOf(page) : page.url()).origin;
  const dir = join(tmpdir(), `pintu-e2e-sessions-${origin.replace(/\W+/g, '-')}`);
  const file = join(dir, `${email}.json`);
  if (existsSync(file)) {
    await page.context().addCookies(JSON.parse(readFileSync(file, 'utf8')));
    await page.goto('/staff');
    const inbox = page.getByRole('heading', { level: 1, name: 'Kotak masuk' });
    const ok = await inbox.waitFor({ state: 'visible', timeout: 15_000 }).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await page.context().clearCookies();
  }
  await loginThroughForm(page, email);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(await page.context().cookies()));
}

/** The base URL the page would resolve `/` against. */
async function baseOf(page: Page): Promise<string> {
  await page.goto('/staff/login');
  return page.url();
}

/** A fresh browser context signed in as `email` (each actor of a journey has their own cookies). */
export async function staffPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  await staffLogin(page, email);
  return page;
}

/** Picks `option` in the Mantine (Multi)Select labelled `label`, typing `search` first. */
export async function choose(page: Page, label: string, option: string | RegExp, search?: string) {
  const input = page.getByRole('dialog').getByLabel(label).first();
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
  // A multi-select keeps its list open; click the dialog's title to close it.
  await page.getByRole('dialog').getByRole('heading').first().click();
  await expect(page.getByRole('listbox')).toBeHidden();
}

/** Opens the staff page of a report and takes one action through its dialog. */
export async function act(
  page: Page,
  action: string,
  fill: (dialog: Page) => Promise<void> = async () => {},
): Promise<void> {
  await page.getByTestId('actions').locator(`[data-action="${action}"]`).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await fill(page);
  await page.getByTestId('action-submit').click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

/** Files a guest report over the API (these tests are about staff, not the form). */
export async function fileByApi(request: APIRequestContext, title: string): Promise<string> {
  const cats = await (await request.get('/api/v1/categories')).json();
  const roads = cats.items
    .flatMap((c: { children: { id: number; code: string }[] }) => c.children)
    .find((c: { code: string }) => c.code === 'infrastruktur.jalan-kabupaten');
  const res = await request.post('/api/v1/reports', {
    data: {
      type: 'complaint',
      title,
      body: 'Pohon besar tumbang sejak kemarin sore dan menutup separuh jalan; kendaraan harus bergantian lewat.',
      incidentDate: '2026-11-20',
      location: { regionCode: '64.72.01' },
      categoryId: roads.id,
      isAnonymous: true,
    },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).trackingId;
}
