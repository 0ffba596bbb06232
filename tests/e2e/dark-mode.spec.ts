// Dark mode (issue #14): the system preference by default, a light / dark / system switch in the header kept in a
// cookie the server reads (so the first paint is right without a script), and every page, chart and map readable
// in dark — axe clean, no CSP violation.
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, shot, watchCspViolations } from './page-checks';
import { countPixels, downloadPng } from './png-checks';
import { PORTAL_PAGES } from './routes';

/** Dark series 1 and the dark map's colours as the browser computes them (see packages/ui/src/styles.css). */
const DARK_SERIES_1 = 'rgb(86, 180, 233)';
const DARK_MAP = [
  'rgb(28, 44, 64)',
  'rgb(31, 74, 115)',
  'rgb(42, 106, 163)',
  'rgb(63, 143, 208)',
  'rgb(119, 182, 234)',
  'rgb(194, 224, 250)',
  'rgb(58, 65, 75)',
];
/** Pages with a chart or the map, checked once it is drawn. */
const FIGURE_PAGES = ['/dashboard', '/score', '/elements/Dy'] as const;

/** Relative luminance (0 black … 1 white) of the page's background as painted. */
async function backgroundLuminance(page: Page): Promise<number> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const isDark = async (page: Page) => (await backgroundLuminance(page)) < 0.05;

async function themeCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'ree-theme')?.value;
}

test.describe('system prefers dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the portal is dark, its chart and map in the dark colours', async ({ page }, testInfo) => {
    await page.goto('/dashboard');
    expect(await isDark(page)).toBe(true);
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
    const line = page.getByTestId('china-share-chart').locator('.recharts-line-curve').first();
    await expect(line).toBeVisible();
    expect(await line.evaluate((el) => getComputedStyle(el).stroke)).toBe(DARK_SERIES_1);
    const fills = await page
      .locator('.world-map use')
      .evaluateAll((uses) => [...new Set(uses.map((u) => getComputedStyle(u).fill))]);
    expect(fills.length).toBeGreaterThan(1);
    for (const fill of fills) expect(DARK_MAP).toContain(fill);
    await shot(page, testInfo, 'dashboard-dark');
  });

  test('picking light in the header turns the page light at once, and a reload keeps it', async ({
    page,
  }) => {
    await page.goto('/dashboard');
    await page.getByRole('group', { name: 'Colour theme' }).getByRole('radio', { name: 'Light' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await isDark(page)).toBe(false);
    expect(await themeCookie(page)).toBe('light');

    const response = await page.reload();
    // The server renders the choice into the HTML: right from the first paint, no script needed.
    expect(await response?.text()).toMatch(/<html[^>]* data-theme="light"/);
    await expect(page.getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(await isDark(page)).toBe(false);

    await page.getByRole('radio', { name: 'System' }).check();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    expect(await isDark(page)).toBe(true);
    await page.reload();
    await expect(page.getByRole('radio', { name: 'System' })).toBeChecked();
    expect(await isDark(page)).toBe(true);
  });

  for (const path of FIGURE_PAGES) {
    test(`${path} is axe clean in dark mode, charts and map drawn`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expect(page.locator('main svg').first()).toBeVisible();
      expect(await isDark(page)).toBe(true);
      await expectNoSeriousAxeViolations(page);
    });
  }

  test('every other portal page is axe clean in dark mode too', async ({ page }) => {
    for (const path of PORTAL_PAGES.filter((p) => !(FIGURE_PAGES as readonly string[]).includes(p))) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await isDark(page), path).toBe(true);
      await expectNoSeriousAxeViolations(page);
    }
  });

  test('a PNG export of a chart keeps its colours on the dark surface', async ({ page }) => {
    await page.goto('/dashboard');
    const figure = page.locator('figure', { has: page.getByTestId('china-share-chart') });
    await expect(figure.locator('.recharts-line-curve').first()).toBeVisible();
    const png = await downloadPng(page, figure, 'Download PNG');
    // The line in dark series 1 (#56b4e9), allowing for anti-aliasing.
    const painted = await countPixels(page, png.bytes, [86, 180, 233], 11);
    // Without the resolved colours the line would have no stroke in the image (its var() means nothing there).
    expect(painted.near).toBeGreaterThan(200);
    expect(painted.corner).toEqual([24, 29, 35]); // --ree-surface, dark
  });

  test('dark pages report no CSP violation', async ({ page }) => {
    const violations = await watchCspViolations(page);
    for (const path of FIGURE_PAGES) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
    }
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
  });
});

test.describe('system prefers light, visitor picked dark', () => {
  test.use({ colorScheme: 'light', javaScriptEnabled: false });

  test('the first paint is dark with no script at all', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'ree-theme', value: 'dark', url: baseURL ?? '' }]);
    await page.goto('/dashboard');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await isDark(page)).toBe(true);
  });

  test('a damaged cookie falls back to the system preference', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'ree-theme', value: 'purple', url: baseURL ?? '' }]);
    await page.goto('/dashboard');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    expect(await isDark(page)).toBe(false);
  });
});

test('the switch is labelled in Japanese', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'ree-locale', value: 'ja', url: baseURL ?? '' }]);
  await page.goto('/dashboard');
  const group = page.getByRole('group', { name: '配色' });
  for (const name of ['ライト', 'ダーク', 'システム'])
    await expect(group.getByRole('radio', { name })).toBeVisible();
});
