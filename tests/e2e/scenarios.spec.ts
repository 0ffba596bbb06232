import { type Browser, expect, type Page, test } from '@playwright/test';
import { ANALYSTS } from './analysts';

async function analystPage(browser: Browser, who: keyof typeof ANALYSTS): Promise<Page> {
  return (await browser.newContext({ storageState: ANALYSTS[who] })).newPage();
}

test('scenario lab: 2010 embargo → results → save → reload → share read-only → compare', async ({
  browser,
}, testInfo) => {
  const alice = await analystPage(browser, 'alice');
  await alice.goto('/scenarios/new?consumer=JPN&material=NdPr&stage=separation');
  await alice.getByRole('button', { name: 'Preset: 2010 embargo on Japan' }).click();
  // Japan's NdPr (index units): China 65 of 100 a year cut for 2 months; 60 days of stockpile cover 3.21 months.
  await expect(alice.getByTestId('months-of-cover')).toHaveText('3.21');
  await expect(alice.getByTestId('total-shortfall')).toHaveText('0');
  const computeMs = Number(await alice.getByTestId('compute-ms').getAttribute('data-ms'));
  await expect(alice.getByTestId('mc-rate')).toBeVisible({ timeout: 20_000 });
  const mcRate = Number(await alice.getByTestId('mc-rate').getAttribute('data-rate'));
  console.log(
    `in-browser deterministic compute: ${computeMs.toFixed(3)} ms; Monte Carlo in a Web Worker: ${Math.round(mcRate)} samples/s`,
  );
  await testInfo.attach('browser-compute', {
    body: `compute ${computeMs} ms; Monte Carlo ${mcRate} samples/s`,
    contentType: 'text/plain',
  });

  // An impossible cut is refused next to the field, and nothing is computed from it.
  const cut = alice.getByLabel('Cut (%)');
  await cut.fill('150');
  await expect(alice.getByText('a cut is at most 100 %')).toBeVisible();
  await cut.fill('100');

  await alice.getByLabel('Name').fill('2010 embargo on Japan');
  await alice.getByRole('button', { name: 'Save' }).click();
  await expect(alice).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
  const url = alice.url();
  await alice.reload();
  await expect(alice.getByRole('heading', { name: '2010 embargo on Japan' })).toBeVisible();
  await expect(alice.getByTestId('months-of-cover')).toHaveText('3.21');
  await alice.getByLabel('Share read-only with signed-in users').check();
  await expect(alice.getByLabel('Share read-only with signed-in users')).toBeChecked();
  await alice.waitForTimeout(500);

  const bob = await analystPage(browser, 'bob');
  await bob.goto(url);
  await expect(bob.getByText('Read-only: shared by its owner.')).toBeVisible();
  await expect(bob.getByTestId('months-of-cover')).toHaveText('3.21');
  await expect(bob.getByLabel('Name')).toBeDisabled();
  await expect(bob.getByRole('button', { name: 'Save' })).toHaveCount(0);

  await alice.goto('/scenarios/new?consumer=JPN&material=NdPr&stage=separation');
  await alice.getByRole('button', { name: 'Preset: April 2025 licensing' }).click();
  await alice.getByLabel('Name').fill('2025 licensing');
  await alice.getByRole('button', { name: 'Save' }).click();
  await expect(alice).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
  await alice.goto('/scenarios');
  await alice.getByLabel('Compare selected: 2010 embargo on Japan').check();
  await alice.getByLabel('Compare selected: 2025 licensing').check();
  await alice.getByRole('button', { name: 'Compare selected' }).click();
  const table = alice.getByTestId('compare-table');
  await expect(table.getByRole('columnheader', { name: '2010 embargo on Japan' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '2025 licensing' })).toBeVisible();
  await expect(table.locator('tr.differs').first()).toBeVisible();
});
