import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, shot } from './page-checks';
import { PORTAL_PAGES } from './routes';

test('analyst journey: dashboard → China share 2010 to 2025 → Dy score explained adds up → CSV → Japanese', async ({
  page,
}, testInfo) => {
  await page.goto('/dashboard');
  await expect(
    page.getByRole('heading', { name: "Japan's share of rare-earth imports from China" }),
  ).toBeVisible();
  await expect(page.getByTestId('china-share-chart').locator('svg').first()).toBeVisible();
  const figure = page.locator('figure', {
    has: page.getByRole('heading', { name: "Japan's share of rare-earth imports from China" }),
  });
  await figure.getByText('Show the data').click();
  const rows = figure.getByRole('row');
  await expect(rows.filter({ hasText: '2010' }).filter({ hasText: '81.6%' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '2025' }).filter({ hasText: '60%' })).toHaveCount(1);
  await shot(page, testInfo, 'dashboard');
  await expectNoSeriousAxeViolations(page);

  await page.getByTestId('score-Dy').getByRole('link', { name: 'Explain →' }).click();
  await expect(page).toHaveURL(/\/score\?consumer=JPN&material=Dy&stage=separation&year=2025/);
  const total = Number((await page.getByTestId('score-total').textContent())?.trim());
  const points = (await page.getByTestId('component-points').allTextContents()).map(Number);
  expect(points.length).toBeGreaterThan(3);
  expect(Math.abs(points.reduce((a, b) => a + b, 0) - total)).toBeLessThan(0.06);
  await shot(page, testInfo, 'score-explained');
  await expectNoSeriousAxeViolations(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('# Score explained: JPN · Dy · separation and refining · 2025');
  expect(lines[1]).toMatch(/^# Dataset version: Reference \d{4}\.\d+$/);
  expect(lines).toContain('component,risk,weight,points,max_points');
  expect(lines.some((l) => l.startsWith('supplierConcentration,'))).toBe(true);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('スコアの内訳');
  await expect(page.getByRole('link', { name: 'ダッシュボード' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await shot(page, testInfo, 'score-explained-ja');
});

test('every portal page passes axe (no serious or critical violations), also at 390 px', async ({
  page,
}, testInfo) => {
  // Twenty pages, each with axe and a full-page screenshot: more than the default minute on a busy 2-core machine.
  test.setTimeout(180_000);
  await page.goto('/sign-in');
  await expectNoSeriousAxeViolations(page);
  for (const path of PORTAL_PAGES) {
    await page.goto(path);
    await expect(page.locator('main h1, main .method-doc h1').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await shot(page, testInfo, `page${path.replace(/\//g, '-')}`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/dashboard');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
  await shot(page, testInfo, 'dashboard-390');
});

test('facilities filter and the timeline are shareable URLs', async ({ page }) => {
  await page.goto('/facilities?stage=separation&sort=capacityPerYear&direction=desc');
  await expect(page.getByRole('row').nth(1)).toContainText('Baotou');
  await page.goto('/timeline?country=CHN&type=policy&yearFrom=2025');
  await expect(
    page.getByRole('row').filter({ hasText: 'Export licences required for Sm, Gd, Tb, Dy, Lu, Sc and Y' }),
  ).toHaveCount(1);
});

test("an element page shows the element's own figures or names the stand-in, and the article's claims stay claims", async ({
  page,
}) => {
  await page.goto('/elements/Dy');
  const separation = page.locator('figure', { has: page.getByTestId('stage-separation-fallback') });
  await expect(separation.getByTestId('stage-separation-fallback')).toContainText(
    'No Dy figures of its own for this stage: HREE figures of 2023 stand in',
  );
  await expect(separation.getByTestId('stage-separation-status')).toContainText('Data: verified');
  const facilities = page.getByRole('table', { name: /Facilities that produce it/ });
  await expect(facilities.getByRole('row', { name: /Eneabba/ })).toHaveCount(1);
  await expect(facilities.getByRole('row', { name: /Mount Weld/ })).toHaveCount(0);
  await expect(page.getByTestId('supply-risk-value')).toHaveText('5.55');
  await expect(page.getByTestId('supply-risk-controls')).toContainText(
    'Export controls read as of 2025-12-31',
  );
  await expect(page.getByTestId('supply-risk-controls')).toContainText('no trade factor applied to CHN');

  await page.goto('/claims');
  const okinawa = page.getByRole('row', { name: /Okinawa Rare Earth Facility/ });
  await expect(okinawa).toContainText('not found in any source');
  await expect(okinawa).toContainText('as reported, not verified');
});
