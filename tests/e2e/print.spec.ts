// Issue 14, print / PDF: a score explained and a saved scenario print as reports — no header or screen-only
// controls, light colours even in the dark theme, and a line saying where the page came from and which dataset
// version its figures are from. The browser's own PDF of each has pages.
import { expect, type Page, test } from '@playwright/test';

async function expectPrintsAsReport(page: Page) {
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / PDF' })).toBeHidden();
  await expect(page.getByTestId('print-note')).toBeVisible();
  await expect(page.getByTestId('print-note')).toContainText(/dataset version .+ · printed /);
  // Light paper whatever the theme: the dark theme's ink would be near white.
  const ink = await page.evaluate(() => getComputedStyle(document.body).color);
  expect(ink).toBe('rgb(27, 31, 36)');
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('print-note')).toBeHidden();
}

test.beforeEach(async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'ree-theme', value: 'dark', url: baseURL ?? '' }]);
});

test('a score explained prints as a report with its version', async ({ page }) => {
  await page.goto('/score?consumer=JPN&material=Dy&stage=separation&year=2025');
  await expectPrintsAsReport(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-note')).toContainText('/score?consumer=JPN&material=Dy');
  await expect(page.getByTestId('component-points').first()).toBeVisible();
});

test('a saved scenario prints as a report with its version', async ({ page }) => {
  await page.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await page.getByRole('button', { name: 'Preset: April 2025 licensing' }).click();
  await page.getByLabel('Name').fill(`Print ${Date.now()}`);
  await page.getByRole('button', { name: 'Save' }).click();
  // Saving simulates on the server (a worker pool): seconds on a busy machine.
  await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(page.getByTestId('months-of-cover')).toBeVisible();
  await expectPrintsAsReport(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('months-of-cover')).toBeVisible();
  // On paper too, the results cite what the baseline was read from: sources, version and base year.
  const results = page.getByRole('figure', { name: /^Results · base year \d{4}$/ });
  await expect(results.locator('figcaption')).toBeVisible();
  await expect(results.locator('figcaption')).toContainText(/^Sources: .+\. Dataset version: .+/);
});
