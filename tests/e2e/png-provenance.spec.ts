// Issue #14 "Exports keep their provenance": a PNG taken away from the portal carries its figure's title, legend,
// sources and dataset version, painted around the chart and written into the file's text chunks.
import { expect, type Locator, test } from '@playwright/test';
import { countPixels, downloadPng } from './png-checks';

/** The figure's title as the PNG words it: the heading, then its badge ("Data: estimated") in brackets. */
async function figureTitle(figure: Locator) {
  const heading = figure.locator('.ree-figure__title');
  const words = (await heading.evaluate((h) => h.firstChild?.textContent))?.trim() ?? '';
  const badge = heading.locator('.ree-badge');
  return (await badge.count()) > 0 ? `${words} (${(await badge.textContent())?.trim()})` : words;
}

test('the map PNG names its figure, legend, sources and dataset version', async ({ page }) => {
  await page.goto('/dashboard');
  const figure = page.locator('figure', { has: page.locator('.world-map') });
  const title = await figureTitle(figure);
  const version = await figure.locator('.ree-figure__caption').textContent();
  const map = await figure.locator('svg.world-map').boundingBox();
  const png = await downloadPng(page, figure, 'Download PNG');

  expect(png.text.Title).toBe(title);
  expect(title).toMatch(/ \(Data: (verified|estimated|unverified)\)$/);
  expect(png.text.Source).toMatch(/^Sources: U\.S\. Geological Survey, Mineral Commodity Summaries 20\d\d/);
  expect(png.text.Source).toMatch(/Dataset version: Reference \d{4}\.\d+, published \d{4}-\d{2}-\d{2}\.$/);
  expect(version?.replace(/\s+/g, ' ')).toContain(png.text.Source?.split('Dataset version: ')[1] ?? '?');
  expect(png.text.Description).toMatch(/^No data[^;]*; 0 → [\d.,]+ ?%?$/);
  // The legend's swatches keep their colours: nothing in the image is pure black (the ink is #1b1f24).
  expect((await countPixels(page, png.bytes, [0, 0, 0])).near).toBe(0);
  // Drawn at twice the size, with room above and below the map for the words.
  expect(png.height).toBeGreaterThan(2 * (map?.height ?? 0) + 2 * 60);
});

test('a chart PNG in Japanese keeps the Japanese title and its series in the legend', async ({
  page,
  baseURL,
}) => {
  await page.context().addCookies([{ name: 'ree-locale', value: 'ja', url: baseURL ?? '' }]);
  await page.goto('/score?consumer=JPN&material=Dy&stage=separation');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const figure = page.locator('figure', { has: page.locator('#score-breakdown-chart') });
  await expect(figure.locator('.recharts-legend-item').first()).toBeVisible();
  const title = await figureTitle(figure);
  const series = (await figure.locator('.recharts-legend-item-text').allTextContents()).join('; ');
  const chart = await figure.locator('.recharts-wrapper > svg.recharts-surface').boundingBox();
  const png = await downloadPng(page, figure, 'PNGをダウンロード');

  expect(title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(png.text.Title).toBe(title);
  expect(series).not.toBe('');
  expect(png.text.Description).toBe(series);
  expect(png.text.Source).toContain('データセットのバージョン');
  // The bars themselves, at twice their size — not one of the legend's little icons, which are SVGs too.
  expect(png.width).toBeGreaterThanOrEqual(2 * Math.floor(chart?.width ?? Infinity));
  expect(png.height).toBeGreaterThan(2 * (chart?.height ?? Infinity));
});
