// Issue #13 "Pages": each signed-in page's HTML (flight data included) stays within 40 kB gzip, the base map is one
// immutable asset, and the map is drawn from it in the browser (not a size test of timing: bytes only).
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { countPixels, downloadPng } from './png-checks';
import { PORTAL_PAGES } from './routes';

const BUDGET_KB = 40;
const MAP_PAGES = ['/dashboard', '/elements/Dy', '/facilities'] as const;

test(`every portal page's HTML stays within ${BUDGET_KB} kB gzip`, async ({ page }, testInfo) => {
  const rows: string[] = [];
  for (const route of PORTAL_PAGES) {
    const response = await page.request.get(route, { maxRedirects: 0 });
    expect(response.status(), route).toBe(200);
    const body = await response.body();
    const kb = gzipSync(body).length / 1000;
    rows.push(`${route} | ${(body.length / 1000).toFixed(1)} | ${kb.toFixed(1)}`);
    expect(kb, route).toBeLessThanOrEqual(BUDGET_KB);
  }
  await testInfo.attach('page-weights', {
    body: ['route | HTML kB | gzip kB', ...rows].join('\n'),
    contentType: 'text/plain',
  });
});

test('the map pages reference one shared base map, served immutable, and send no geometry', async ({
  page,
}) => {
  const urls = new Set<string>();
  for (const route of MAP_PAGES) {
    const html = await (await page.request.get(route)).text();
    const url = html.match(/\/maps\/world-[0-9a-f]{12}\.svg/)?.[0];
    expect(url, route).toBeTruthy();
    urls.add(url ?? '');
    // Country outlines would be long path data; the inline map carries ids and fills only.
    expect(html, route).not.toMatch(/<path[^>]* d="M[^"]{2000}/);
  }
  expect(urls.size).toBe(1);
  const [url] = [...urls];
  const asset = await page.request.get(url ?? '');
  expect(asset.status()).toBe(200);
  expect(asset.headers()['content-type']).toContain('image/svg+xml');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(await asset.text()).toContain('<path id="n156"');
});

test('the browser draws the referenced countries, in the page theme colours, with no CSP violation', async ({
  page,
}, testInfo) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/dashboard');
  const china = page.locator('.world-map use[href$="#n156"]');
  await expect(china).toHaveCount(1);
  // A drawn <use> has a box the size of China; an unresolved reference has none. The shared
  // map is fetched after the page loads, so wait for it to resolve rather than read it once.
  await expect
    .poll(() => china.evaluate((el) => (el as SVGGraphicsElement).getBBox().width), { timeout: 10_000 })
    .toBeGreaterThan(50);
  expect(await china.evaluate((el) => getComputedStyle(el).fill)).toMatch(/^rgb/);
  expect(violations).toEqual([]);
  await testInfo.attach('map', {
    body: await page.locator('.world-map').screenshot(),
    contentType: 'image/png',
  });
});

test('a PNG export of the map draws the shared outlines (copied into the image)', async ({ page }) => {
  await page.goto('/dashboard');
  const figure = page.locator('figure', { has: page.locator('.world-map') });
  const png = await downloadPng(page, figure, 'Download PNG');
  const counts = await countPixels(page, png.bytes, [0, 0, 0]);
  // Land is about a quarter of an Equal Earth world; an image without the outlines would be the bare surface.
  expect(counts.notCorner / counts.total).toBeGreaterThan(0.1);
});
