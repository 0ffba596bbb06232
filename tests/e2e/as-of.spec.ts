// Issue 14, "as of": an admin publishes a second version; the analyst picks the older one in the picker, sees the
// banner, a figure naming that version and its old number, and stays in it while moving between pages. An asOf
// that names no published version is a 404 that says so. The admin's version is rolled back at the end.
import { expect, type Page, test } from '@playwright/test';
import { literal, makeCurrentAgain, publishRevision } from './admin-versions';
import { ADMIN, ANALYSTS } from './analysts';
import { expectNoSeriousAxeViolations, shot } from './page-checks';

test.use({ storageState: ANALYSTS.alice });

const CSV = [
  'country,stage,material,year,quantity,unit,basis,projection,source_id,status',
  // China's 2025 mine output revised up: the number that differs between the two versions.
  'CHN,mining,REE,2025,300000,t,REO,false,usgs-mcs-2026,estimated',
].join('\n');

/** As the admin: a draft copied from the current version, with CHN 2025 revised, published. */
async function publishSecondVersion(admin: Page): Promise<{ original: string; label: string }> {
  const label = `As-of ${Date.now()}`;
  const note = 'As-of test: China 2025 mine output revised';
  return { original: await publishRevision(admin, { label, csv: CSV, note }), label };
}

test('an analyst picks an older version, sees it named everywhere, and stays in it', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto('/dashboard');
  const oldShare = (await page.getByTestId('top-share').textContent())?.trim();
  expect(oldShare).toMatch(/%/);

  const adminContext = await browser.newContext({ storageState: ADMIN.state });
  const admin = await adminContext.newPage();
  const { original, label } = await publishSecondVersion(admin);
  try {
    await page.goto('/dashboard');
    const newShare = (await page.getByTestId('top-share').textContent())?.trim();
    expect(newShare).not.toBe(oldShare);
    await expect(page.getByTestId('as-of-banner')).toHaveCount(0);
    await expect(page.getByTestId('world-map-version')).toContainText(label);

    // The picker lists both, newest first, the current one marked; pick the older one from the keyboard.
    const picker = page.getByLabel('Show the data as of');
    const options = picker.locator('option');
    await expect(options.first()).toHaveText(
      new RegExp(`^${literal(label)}, published \\d{4}-\\d{2}-\\d{2}.* · current$`),
    );
    const older = options.filter({ hasText: new RegExp(`^${literal(original)}, published`) });
    const olderId = (await older.getAttribute('value')) ?? '';
    expect(olderId).toMatch(/^[0-9a-f-]{36}$/);
    await picker.selectOption(olderId);
    await page
      .getByRole('region', { name: 'Dataset version' })
      .getByRole('button', { name: 'Show', exact: true })
      .press('Enter');
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?asOf=${olderId}$`));

    // The banner, a figure naming the older version, and the old number.
    const banner = page.getByTestId('as-of-banner');
    await expect(banner).toContainText(
      new RegExp(
        `You are viewing version ${literal(original)} published \\d{4}-\\d{2}-\\d{2}; current is ${literal(label)}`,
      ),
    );
    await expect(page.getByTestId('world-map-version')).toContainText(
      new RegExp(`${literal(original)}, published`),
    );
    await expect(page.getByTestId('top-share')).toHaveText(oldShare ?? '');
    await expect(page.getByRole('link', { name: 'Data (CSV)' }).first()).toHaveAttribute(
      'href',
      new RegExp(`asOf=${olderId}`),
    );
    await shot(page, testInfo, 'as-of-dashboard');
    await expectNoSeriousAxeViolations(page);

    // Moving on through the header and an entity link keeps the version.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Elements' }).click();
    await expect(page).toHaveURL(new RegExp(`/elements\\?asOf=${olderId}$`));
    await expect(page.getByTestId('as-of-banner')).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'REE', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/elements/REE\\?asOf=${olderId}$`));
    await expect(page.getByTestId('stage-mining-version')).toContainText(original);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Countries' }).click();
    await expect(page).toHaveURL(new RegExp(`/countries\\?asOf=${olderId}$`));
    await page.getByRole('main').getByRole('link', { name: 'China', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/countries/CHN\\?asOf=${olderId}$`));
    await expect(page.getByTestId('as-of-banner')).toBeVisible();

    // "Go to current" leaves the older version: same page, no banner.
    await page.getByTestId('as-of-banner').getByRole('link', { name: 'Go to current' }).click();
    await expect(page).toHaveURL(/\/countries\/CHN$/);
    await expect(page.getByTestId('as-of-banner')).toHaveCount(0);

    // The older version's chart data comes from it too.
    const metadata = await page.request.get(`/charts/world-map/metadata.json?asOf=${olderId}`);
    expect(metadata.status()).toBe(200);
    expect((await metadata.json()).datasetVersion).toMatchObject({ id: olderId, label: original });
  } finally {
    await makeCurrentAgain(admin, original);
    await adminContext.close();
  }
});

test('an asOf that names no published version is a 404 that says so', async ({ page }) => {
  for (const asOf of ['not-a-version', '00000000-0000-4000-8000-000000000000']) {
    const response = await page.goto(`/dashboard?asOf=${asOf}`);
    expect(response?.status()).toBe(404);
    await expect(
      page.getByRole('heading', { name: "That dataset version doesn't exist or isn't published" }),
    ).toBeVisible();
    await expect(page.getByRole('main')).toContainText(asOf);
    await expect(page.getByRole('main').getByRole('link', { name: 'Go to current' })).toHaveAttribute(
      'href',
      '/dashboard',
    );
    await expectNoSeriousAxeViolations(page);
  }
  const csv = await page.request.get('/charts/world-map/data.csv?asOf=00000000-0000-4000-8000-000000000000');
  expect(csv.status()).toBe(404);
  expect(await csv.text()).toMatch(/No published dataset version with id/);
});
