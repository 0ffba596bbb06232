// Issue 7, the admin journey: a CSV with some bad rows → validation report → apply the good rows → diff against
// the current version → publish → an analyst's dashboard shows the new figure → roll back → the old figure is back.
import { expect, type Page, test } from '@playwright/test';
import { ADMIN, ANALYSTS } from './analysts';
import { expectNoSeriousAxeViolations, shot } from './page-checks';

test.use({ storageState: ADMIN.state });

const CSV = [
  'country,stage,material,year,quantity,unit,basis,projection,source_id,status',
  // China's 2025 mine output revised up: the one good row.
  'CHN,mining,REE,2025,285000,t,REO,false,usgs-mcs-2026,estimated',
  'AUS,mining,REE,2025,1.7,share,REO,false,usgs-mcs-2026,verified',
  'USA,mining,REE,twenty,51000,t,REO,false,usgs-mcs-2026,verified',
].join('\n');

test('admin: import with bad rows → report → apply → diff → publish → analyst sees it → roll back', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const analyst = await browser.newContext({ storageState: ANALYSTS.alice });
  const analystPage = await analyst.newPage();
  const topShare = async () => {
    await analystPage.goto('/dashboard');
    return (await analystPage.getByTestId('top-share').textContent())?.trim();
  };
  const before = await topShare();
  expect(before).toMatch(/%/);

  // A new draft, copied from the current version.
  await page.goto('/admin');
  const currentLabel =
    (await page
      .getByRole('row', { name: /\(current\)/ })
      .getByRole('link')
      .textContent()) ?? '';
  const label = `E2E ${Date.now()}`;
  // The button is enabled once the page has hydrated: typing earlier could be lost.
  await expect(page.getByRole('button', { name: 'Create draft' })).toBeEnabled();
  await page.getByLabel('Label').fill(label);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: `Version ${label}` })).toBeVisible();

  // Upload a CSV with one good row and two bad ones.
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'production.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: 'Validation report: production.csv' })).toBeVisible();
  await expect(page.getByTestId('accepted')).toHaveText('1');
  await expect(page.getByTestId('rejected')).toHaveText('2');
  const rows = page.getByRole('row');
  await expect(
    rows.filter({ hasText: 'a share is a fraction from 0 to 1' }).filter({ hasText: '3' }),
  ).toHaveCount(1);
  await expect(rows.filter({ hasText: '"twenty" is not a number' }).filter({ hasText: 'year' })).toHaveCount(
    1,
  );
  await expect(rows.filter({ hasText: 'replaces those rows' })).toHaveCount(1);
  await shot(page, testInfo, 'admin-import-report');
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('button', { name: 'Apply the 1 valid rows' }).click();
  await page
    .getByRole('dialog', { name: "Apply 1 rows of 'production.csv' to the draft?" })
    .getByRole('button', { name: 'Apply' })
    .click();
  await expect(page.getByText(/^Applied /)).toBeVisible();

  // Diff the draft against the current version: the changed row and the HHI that moved.
  await page.getByRole('link', { name: 'Back to the version' }).click();
  await page.getByRole('button', { name: 'Show differences' }).click();
  await expect(page.getByRole('heading', { name: `Differences: ${currentLabel} → ${label}` })).toBeVisible();
  const changed = page.getByTestId('diff-production').getByRole('row', { name: /Changed/ });
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('mark')).toHaveText('285000');
  await expect(changed.locator('del')).toHaveText('270000');
  const hhi = page.getByTestId('headline').getByRole('row', { name: /HHI, REE mining 2025/ });
  await expect(hhi).toHaveClass(/ree-row--changed/);
  await expect(hhi.getByRole('cell').nth(2)).toHaveText(/^\+/);
  await shot(page, testInfo, 'admin-diff');
  await expectNoSeriousAxeViolations(page);

  // Publish; the analyst's dashboard follows.
  await page.getByRole('link', { name: 'Back to the version' }).click();
  await expect(page.getByRole('button', { name: 'Publish' })).toBeEnabled();
  await page.getByLabel('Note (what changed)').fill('China 2025 mine output revised');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('China 2025 mine output revised')).toBeVisible();
  const published = await topShare();
  expect(published).not.toBe(before);

  // Roll back to the version that was current: the old figure is back.
  await page.goto('/admin');
  await page
    .getByRole('row', { name: new RegExp(currentLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .getByRole('button', { name: 'Make current' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Make current' }).click();
  await expect(
    page.getByRole('row', { name: new RegExp(`${currentLabel.replace('.', '\\.')} \\(current\\)`) }),
  ).toBeVisible();
  expect(await topShare()).toBe(before);

  // Every step is in the audit log.
  await page.goto('/admin/audit?action=dataset.');
  for (const action of [
    'dataset.rollback',
    'dataset.publish',
    'dataset.import-apply',
    'dataset.import',
    'dataset.draft',
  ]) {
    await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
  await analyst.close();
});

test('an admin edits a draft row inline; a second admin with the old copy gets a conflict', async ({
  page,
  browser,
}) => {
  await page.goto('/admin');
  const label = `E2E edit ${Date.now()}`;
  // The button is enabled once the page has hydrated: typing earlier could be lost.
  await expect(page.getByRole('button', { name: 'Create draft' })).toBeEnabled();
  await page.getByLabel('Label').fill(label);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('link', { name: label }).click();
  await page.getByRole('link', { name: 'countries', exact: true }).click();
  const other = await browser.newContext({ storageState: ADMIN.state });
  const otherPage = await other.newPage();
  await otherPage.goto(page.url());

  const row = (p: Page) => p.locator('tr[data-key="JPN"]');
  await row(page).getByRole('button', { name: 'Edit' }).click();
  await row(page).getByLabel('name').fill('Japan (edited)');
  await row(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('cell', { name: 'Japan (edited)' })).toBeVisible();

  await row(otherPage).getByRole('button', { name: 'Edit' }).click();
  await row(otherPage).getByLabel('name').fill('Nippon');
  await row(otherPage).getByRole('button', { name: 'Save' }).click();
  await expect(row(otherPage).getByRole('alert')).toHaveText(/Someone else saved this row/);
  await otherPage.reload();
  await expect(otherPage.getByRole('cell', { name: 'Japan (edited)' })).toBeVisible();
  await other.close();
});
