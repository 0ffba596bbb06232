// The demand side of an element page: uses, shares and the sectors that depend on them, each with its source.
import { expect, test } from '@playwright/test';

test("Dy's page names the sectors that depend on it and cites the IEA; Tm's says no source gives its uses", async ({
  page,
}) => {
  await page.goto('/elements/Dy');
  const figure = page.locator('figure[aria-labelledby="demand-title"]');
  await expect(figure.getByTestId('demand-sectors')).toContainText('Electric vehicles, Wind turbines');
  await expect(figure.getByTestId('demand-WLD').getByRole('row', { name: /Permanent magnets/ })).toHaveCount(
    1,
  );
  await expect(figure).toContainText('Global Critical Minerals Outlook 2024');

  await page.goto('/elements/Tm');
  await expect(page.getByText('No source in this dataset says what Tm is used for.')).toBeVisible();
});

test("all rare earths: the US first-use split adds up to the whole, and the world's is partial", async ({
  page,
}) => {
  await page.goto('/elements/REE');
  const us = page.getByTestId('demand-USA');
  await expect(us.getByRole('heading')).toHaveText('USA · 2020');
  await expect(us.getByRole('row', { name: /Catalysts/ })).toContainText('75%');
  await expect(us).toContainText('The shares add up to the whole of consumption.');
  await expect(page.getByTestId('demand-WLD')).toContainText('cover 49% of consumption');
  const download = page.waitForEvent('download');
  await page
    .locator('figure[aria-labelledby="demand-title"]')
    .getByRole('button', { name: 'Download CSV' })
    .click();
  const csv = await (await (await download).createReadStream()).toArray();
  const text = Buffer.concat(csv).toString('utf8');
  expect(text).toMatch(/^# /m);
  expect(text).toContain('USA,2020,catalysts,0.75');
});

test('in Japanese, uses and sectors are Japanese', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'ree-locale', value: 'ja', url: baseURL ?? '' }]);
  await page.goto('/elements/Dy');
  const figure = page.locator('figure[aria-labelledby="demand-title"]');
  await expect(figure.getByTestId('demand-sectors')).toContainText('電気自動車, 風力発電');
  await expect(figure).toContainText('永久磁石');
});
