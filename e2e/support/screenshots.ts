/** Screenshots for the README: the same page at 360 px (phone) and 1280 px, written to docs/screenshots/. */
import type { Page } from '@playwright/test';

export const WIDTHS = [360, 1280] as const;

/** Takes `<name>-360.png` and `<name>-1280.png` of the current page; restores the viewport afterwards. */
export async function screenshotBoth(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<void> {
  const before = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 360 ? 780 : 900 });
    // Let layout and lazy images settle after the resize.
    await page.waitForTimeout(300);
    // The header is fixed: scroll to the top so it is drawn there in a full-page shot.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: `docs/screenshots/${name}-${width}.png`,
      fullPage: opts.fullPage ?? true,
      animations: 'disabled',
    });
  }
  if (before) await page.setViewportSize(before);
}
