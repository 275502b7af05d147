/** Staff steps shared by the staff, journey and dashboard specs: sign in through the staff sign-in page. */
import { type Browser, expect, type Page } from '@playwright/test';

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
export async function staffLogin(page: Page, email: string): Promise<void> {
  await page.goto('/staff/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak masuk' })).toBeVisible();
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
