// Issue 13, imports as background jobs: the upload answers at once with a job; its page shows the rows read and
// validated while the worker runs, then opens the validation report; the apply runs as a job too. A second upload
// is cancelled from its page.
import { expect, test } from '@playwright/test';
import { ADMIN } from './analysts';

test.use({ storageState: ADMIN.state });

const COUNTRIES = 'AUS BRA CAN CHN EST GRL IND JPN MDG MMR MYS NGA RUS THA TZA USA VNM ZAF FRA KOR'.split(
  ' ',
);
const STAGES = ['mining', 'separation', 'metal', 'magnet', 'recycling'];
const MATERIALS = ['REE', 'LREE', 'HREE', 'NdPr'];
/** `rows` valid production rows with distinct keys (up to 30,800), none in the future. */
const productionCsv = (rows: number) =>
  [
    'country,stage,material,year,quantity,unit,basis,projection,source_id,status',
    ...Array.from(
      { length: rows },
      (_, i) =>
        `${COUNTRIES[Math.floor(i / 385) % 20]},${STAGES[Math.floor(i / 77) % 5]},${MATERIALS[Math.floor(i / 7700) % 4]},${1950 + (i % 77)},100,t,REO,false,usgs-mcs-2025,verified`,
    ),
  ].join('\n');

async function openNewDraft(page: import('@playwright/test').Page) {
  await page.goto('/admin');
  const label = `Job ${Date.now()}`;
  await expect(page.getByRole('button', { name: 'Create draft' })).toBeEnabled();
  await page.getByLabel('Label').fill(label);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: `Version ${label}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish' })).toBeEnabled();
}

async function upload(page: import('@playwright/test').Page, csv: string) {
  await page
    .getByLabel('File', { exact: true })
    .setInputFiles({ name: 'production.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Upload and validate' }).click();
  await expect(page.getByRole('heading', { name: 'Importing production.csv' })).toBeVisible();
}

test('upload → live progress → validation report → apply', async ({ page }) => {
  test.setTimeout(120_000);
  await openNewDraft(page);
  await upload(page, productionCsv(30_000));
  // While it runs the counts move (the page polls the job), and the rate and time left are shown.
  await expect(page.getByTestId('job-state')).toHaveText('Reading and validating…');
  await expect(page.getByTestId('rows-read')).toHaveText(/^[1-9]/);
  await expect(page.getByTestId('time-left')).toHaveText(/^\d+ s$/);
  await expect(page.getByRole('heading', { name: 'Validation report: production.csv' })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByTestId('accepted')).toHaveText('30,000');
  // The apply runs as a job too, and comes back to the report once the draft has the rows.
  await page.getByRole('button', { name: 'Apply the 30,000 valid rows' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText(/^Applied /)).toBeVisible({ timeout: 60_000 });
});

test('a running import is cancelled from its page and leaves nothing to apply', async ({ page }) => {
  test.setTimeout(120_000);
  await openNewDraft(page);
  await upload(page, productionCsv(30_000));
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByTestId('job-state')).toHaveText('Cancelled.', { timeout: 30_000 });
  await expect(page.getByText('the draft is unchanged')).toBeVisible();
});

test("a job's page reads in Japanese", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await openNewDraft(page);
  await upload(page, productionCsv(2_000));
  await page.context().addCookies([{ name: 'ree-locale', value: 'ja', url: baseURL ?? '' }]);
  // The page as the server sends it (the browser would move on to the report once the job is done).
  const html = await (await page.request.get(page.url())).text();
  expect(html).toContain('<title>取り込みの進み具合');
  expect(html).toContain('production.csv を取り込み中');
});
