import { readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { makeCurrentAgain, publishRevision } from './admin-versions';
import { ADMIN, ANALYSTS } from './analysts';
import { downloadPng } from './png-checks';

async function analystPage(browser: Browser, who: keyof typeof ANALYSTS): Promise<Page> {
  return (await browser.newContext({ storageState: ANALYSTS[who] })).newPage();
}

test('scenario lab: 2010 embargo → results → save → reload → share read-only → compare', async ({
  browser,
}, testInfo) => {
  const alice = await analystPage(browser, 'alice');
  await alice.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await alice.getByRole('button', { name: 'Preset: 2010 embargo on Japan' }).click();
  // Japan's Dy (index units): China 99 of 100 a year cut for 2 months. Holdings are unknown, so the baseline has
  // no stockpile; with 90 days of it, the gap of 8.24 a month is covered for 2.99 months.
  await alice.getByLabel('Stockpile (days)').fill('90');
  await expect(alice.getByTestId('months-of-cover')).toHaveText('2.99');
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
  // Saving simulates on the server (a worker pool): seconds on a busy machine.
  await expect(alice).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const url = alice.url();
  await alice.reload();
  await expect(alice.getByRole('heading', { name: '2010 embargo on Japan' })).toBeVisible();
  await expect(alice.getByTestId('months-of-cover')).toHaveText('2.99');
  await alice.getByLabel('Share read-only with signed-in users').check();
  await expect(alice.getByLabel('Share read-only with signed-in users')).toBeChecked();
  await alice.waitForTimeout(500);

  const bob = await analystPage(browser, 'bob');
  await bob.goto(url);
  await expect(bob.getByText('Read-only: shared by its owner.')).toBeVisible();
  await expect(bob.getByTestId('months-of-cover')).toHaveText('2.99');
  await expect(bob.getByLabel('Name')).toBeDisabled();
  await expect(bob.getByRole('button', { name: 'Save' })).toHaveCount(0);

  await alice.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await alice.getByRole('button', { name: 'Preset: April 2025 licensing' }).click();
  await alice.getByLabel('Name').fill('2025 licensing');
  await alice.getByRole('button', { name: 'Save' }).click();
  // Saving simulates on the server (a worker pool): seconds on a busy machine.
  await expect(alice).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await alice.goto('/scenarios');
  await alice.getByLabel('Compare selected: 2010 embargo on Japan').check();
  await alice.getByLabel('Compare selected: 2025 licensing').check();
  await alice.getByRole('button', { name: 'Compare selected' }).click();
  const table = alice.getByTestId('compare-table');
  await expect(table.getByRole('columnheader', { name: '2010 embargo on Japan' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '2025 licensing' })).toBeVisible();
  await expect(table.locator('tr.differs').first()).toBeVisible();
  // The same month-by-month chart for each, on one y-axis.
  await expect(
    alice.getByRole('figure', { name: '2010 embargo on Japan' }).getByRole('application'),
  ).toBeVisible();
  await expect(alice.getByRole('figure', { name: '2025 licensing' }).getByRole('application')).toBeVisible();
});

test('the Web Worker and the server agree to the last digit, for random seeds', async ({ browser }) => {
  const page = await analystPage(browser, 'alice');
  await page.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await page.getByRole('button', { name: 'Preset: 2010 embargo on Japan' }).click();
  await page.getByLabel('Samples').fill('2000');
  await page.getByLabel('Name').fill('worker vs server');
  const seeds = Array.from({ length: 4 }, () => Math.floor(Math.random() * 2 ** 32));
  let saved = false;
  for (const seed of seeds) {
    // Random inputs as well as seeds: the cut and its duration change each round.
    const cutPercent = Math.round(Math.random() * 10000) / 100;
    const months = 1 + Math.floor(Math.random() * 12);
    console.log(`seed ${seed}, cut ${cutPercent} %, ${months} months`);
    await page.getByLabel('Cut (%)').fill(String(cutPercent));
    await page.getByLabel('Months', { exact: true }).fill(String(months));
    await page.getByLabel('Seed').fill(String(seed));
    const rate = page.getByTestId('mc-rate');
    await expect(rate).toHaveAttribute('data-seed', String(seed), { timeout: 20_000 });
    const inBrowser = JSON.parse((await rate.getAttribute('data-result')) ?? 'null');
    const deterministicInBrowser = JSON.parse(
      (await page.getByTestId('compute-ms').getAttribute('data-result')) ?? 'null',
    );
    await page.getByRole('button', { name: 'Save' }).click();
    if (!saved) {
      await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
      saved = true;
    } else {
      await expect(page.getByText('Saved.')).toBeVisible();
    }
    const id = page.url().split('/').at(-1) ?? '';
    const response = await page.request.get(
      `/trpc/scenarios.get?input=${encodeURIComponent(JSON.stringify({ json: { id } }))}`,
    );
    const onServer = (await response.json()).result.data.json.result;
    expect(onServer.risk).toEqual(inBrowser);
    expect(onServer.deterministic).toEqual(deterministicInBrowser);
  }
});

test('a scenario exported as JSON imports back exactly', async ({ browser }) => {
  const page = await analystPage(browser, 'alice');
  await page.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await page.getByRole('button', { name: 'Preset: April 2025 licensing' }).click();
  await page.getByLabel('Stockpile (days)').fill('90');
  await page.getByLabel('Name').fill('licensing, 90 days');
  const cover = await page.getByTestId('months-of-cover').textContent();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const file = (await download.path()) ?? '';

  await page.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await page.getByLabel('Import JSON').setInputFiles(file);
  await expect(page.getByLabel('Name')).toHaveValue('licensing, 90 days');
  await expect(page.getByLabel('Stockpile (days)')).toHaveValue('90');
  await expect(page.getByTestId('months-of-cover')).toHaveText(cover ?? '');
});

test('a scenario cites its baseline: version, base year and sources on the page and in its CSV', async ({
  browser,
}) => {
  const page = await analystPage(browser, 'alice');
  const query = { consumer: 'JPN', material: 'Dy', stage: 'separation' };
  const answer = await page.request.get(
    `/trpc/scenarios.baseline?input=${encodeURIComponent(JSON.stringify({ json: query }))}`,
  );
  const baseline = (await answer.json()).result.data.json as {
    datasetVersion: { label: string };
    year: number;
    sources: { id: string; citation: string }[];
  };
  expect(baseline.sources.length).toBeGreaterThan(0);

  const expectCited = async () => {
    const figure = page.getByRole('figure', { name: `Results · base year ${baseline.year}` });
    await expect(figure).toBeVisible();
    await expect(page.getByTestId('scenario-results-version')).toContainText(baseline.datasetVersion.label);
    for (const source of baseline.sources) await expect(figure).toContainText(source.citation);
  };
  await page.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await page.getByRole('button', { name: 'Preset: 2010 embargo on Japan' }).click();
  await expectCited();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).click(),
  ]);
  const lines = readFileSync((await download.path()) ?? '', 'utf8').split('\r\n');
  expect(lines).toContain(`# Dataset version: ${baseline.datasetVersion.label}`);
  for (const source of baseline.sources)
    expect(lines.some((l) => l.includes(`# Source ${source.id}: ${source.citation}`))).toBe(true);
  expect(lines).toContain('# Shock 1: export cut by CHN of 100 % from month 1 for 2 months');
  expect(lines.some((l) => l.includes(`base year ${baseline.year}`))).toBe(true);
  const header = lines.findIndex((l) => l.startsWith('month,'));
  expect(lines[header]).toBe('month,demand,supplied,from_stockpile,shortfall,stockpile_left,basis');
  // Index units (Japan's Dy has shares, not tonnes), numbers rounded for people: at most two decimals.
  const rows = lines.slice(header + 1).filter((l) => l !== '');
  expect(rows).toHaveLength(12);
  for (const row of rows) expect(row).toMatch(/^\d+(,-?\d+(\.\d{1,2})?){5},index$/);

  // The PNG carries the same sources and version in its caption and its text chunks.
  const png = await downloadPng(page, page.getByRole('figure', { name: /^Results/ }), 'PNG');
  for (const source of baseline.sources) expect(png.text.Source).toContain(source.citation);
  expect(png.text.Source).toContain(`Dataset version: ${baseline.datasetVersion.label}`);

  // The saved scenario cites the same, read from the version it was saved on.
  await page.getByLabel('Name').fill(`cited ${Date.now()}`);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expectCited();
});

test('a scenario saved while reading an older version keeps that version', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await analystPage(browser, 'alice');
  const query = { consumer: 'JPN', material: 'Dy', stage: 'separation' };
  const answer = await page.request.get(
    `/trpc/scenarios.baseline?input=${encodeURIComponent(JSON.stringify({ json: query }))}`,
  );
  const older = (await answer.json()).result.data.json.datasetVersion as { id: string; label: string };
  const admin = await (await browser.newContext({ storageState: ADMIN.state })).newPage();
  const label = `Scenario as-of ${Date.now()}`;
  const original = await publishRevision(admin, {
    label,
    csv: [
      'country,stage,material,year,quantity,unit,basis,projection,source_id,status',
      'CHN,mining,REE,2025,300000,t,REO,false,usgs-mcs-2026,estimated',
    ].join('\n'),
    note: 'Scenario as-of test: a newer version',
  });
  try {
    await page.goto(`/scenarios/new?consumer=JPN&material=Dy&stage=separation&asOf=${older.id}`);
    await expect(page.getByTestId('scenario-results-version')).toContainText(older.label);
    await page.getByRole('button', { name: 'Preset: 2010 embargo on Japan' }).click();
    await page.getByLabel('Name').fill(`as of ${older.label}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    // Saved on the version it was read from, so the page offers the newer one instead of claiming it.
    await expect(page.getByTestId('scenario-results-version')).toContainText(older.label);
    await expect(page.getByText(`A newer dataset version (${label}) exists.`)).toBeVisible();

    // Re-running reads the baseline from the newer version (shocks kept) and cites it; saving moves it there.
    await page.getByRole('button', { name: 'Re-run on the new data' }).click();
    await expect(page.getByText(/^(What the new data changed|The new data changes nothing)/)).toBeVisible();
    await expect(page.getByTestId('scenario-results-version')).toContainText(label);
    await expect(page.getByLabel('Cut (%)')).toHaveValue('100');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved.')).toBeVisible({ timeout: 20_000 });
    await page.reload();
    await expect(page.getByTestId('scenario-results-version')).toContainText(label);
    await expect(page.getByText(`A newer dataset version (${label}) exists.`)).toHaveCount(0);
  } finally {
    await makeCurrentAgain(admin, original);
  }
});
