// Issue 14, "search → entity page → map": find a plant in the search palette, open its page, follow it to the
// facilities map (marked there), and read which plants separate heavy rare earths — the map and the table showing
// the same filtered set. Signed in as the setup project's analyst.
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousAxeViolations, shot } from './page-checks';

const mapLinks = (page: Page) => page.locator('svg.world-map a');
const tableLinks = (page: Page) =>
  page.getByRole('table', { name: 'Facilities' }).locator('tbody tr td:first-child a');

/** The facility names the map's points and the table's rows link to, sorted (the table's page holds them all). */
async function mapAndTableNames(page: Page) {
  // The page streams: read once the table has arrived (the map comes before it).
  await expect(tableLinks(page).first()).toBeVisible();
  const hrefs = async (links: ReturnType<typeof mapLinks>) =>
    (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))).sort();
  return { map: await hrefs(mapLinks(page)), table: await hrefs(tableLinks(page)) };
}

test('search → facility page → the map, with the facility marked on it', async ({ page }, testInfo) => {
  await page.goto('/dashboard');
  // The palette listens once its script has loaded; a key pressed before that opens nothing.
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the portal' });
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('Mountain Pass heavy');
  const option = dialog.getByRole('option', { name: /Mountain Pass heavy rare earth separation circuit/ });
  await expect(option).toBeVisible();
  await option.click();
  await expect(page).toHaveURL(/\/facilities\/mountain-pass-hre$/);

  await page.getByRole('link', { name: 'Show on the facilities map' }).click();
  await expect(page).toHaveURL(/\/facilities\?stage=separation&highlight=mountain-pass-hre$/);
  const point = page.locator('svg.world-map a[href="/facilities/mountain-pass-hre"]');
  await expect(point).toHaveAttribute('aria-current', 'true');
  await expect(point.locator('title')).toHaveText(
    /^Mountain Pass heavy rare earth separation circuit — separation and refining, /,
  );
  // Drawn: the mark has a box on screen, in the western United States (the left quarter of the map). Streamed
  // pages arrive hidden until React reveals them, and boundingBox() does not wait for that.
  await expect(point).toBeVisible();
  const box = await point.boundingBox();
  const map = await page.locator('svg.world-map').boundingBox();
  expect(box?.width).toBeGreaterThan(2);
  expect((box?.x ?? 0) - (map?.x ?? 0)).toBeLessThan((map?.width ?? 0) / 4);
  // The same set below: every separation plant on the map is in the table, and the other way round.
  const names = await mapAndTableNames(page);
  expect(names.map).toContain('/facilities/mountain-pass-hre');
  expect(names.map).toEqual(names.table);
  await expectNoSeriousAxeViolations(page);
  await shot(page, testInfo, 'facility-map-marked');
});

test('which plants separate heavy rare earths: element and group filters, map and table in step', async ({
  page,
}, testInfo) => {
  await page.goto('/elements/Dy');
  await page.getByRole('link', { name: 'These facilities on the map' }).click();
  await expect(page).toHaveURL(/\/facilities\?product=Dy$/);
  const form = page.getByRole('form', { name: 'Filter facilities' });
  await expect(form.getByLabel('Element or group')).toHaveValue('Dy');
  await form.locator('select[name="stage"]').selectOption('separation');
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/product=Dy/);
  await expect(page).toHaveURL(/stage=separation/);
  const dy = await mapAndTableNames(page);
  // facilities.csv: the nine separation rows whose products name Dy (checked by the API tests against the CSV).
  expect(dy.map).toHaveLength(9);
  expect(dy.map).toEqual(dy.table);
  expect(dy.map).toContain('/facilities/lynas-malaysia-hre-circuit');
  expect(dy.map).not.toContain('/facilities/lynas-malaysia');

  await form.getByLabel('Element or group').selectOption({ label: 'Heavy rare earths (any of Eu–Lu, Y)' });
  await form.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/product=HREE/);
  const heavy = await mapAndTableNames(page);
  expect(heavy.map).toEqual(heavy.table);
  expect(heavy.map).toContain('/facilities/irel-red-aluva'); // Gd and Y, no Dy
  expect(heavy.map.length).toBe(dy.map.length + 1);
  for (const stage of ['mining', 'separation', 'magnet'])
    await expect(page.locator('.facility-map__legend')).toContainText(
      stage === 'separation' ? 'separation and refining' : stage === 'magnet' ? 'magnets' : stage,
    );
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousAxeViolations(page);
  await shot(page, testInfo, 'facility-map-heavy-dark');
});

test('facilities without coordinates are counted, not drawn; the page in Japanese', async ({
  page,
  baseURL,
}) => {
  await page.goto('/facilities?product=Dy&stage=recycling');
  // Proterial Saga and Mitsubishi Materials' recycling rows have no coordinates in the CSV.
  await expect(page.getByText('Not on the map, for want of coordinates in the data: 2.')).toBeVisible();
  const names = await mapAndTableNames(page);
  expect(names.table).toEqual(expect.arrayContaining(['/facilities/proterial-saga-recycling']));
  expect(names.map).not.toContain('/facilities/proterial-saga-recycling');
  expect(names.map.length).toBe(names.table.length - 2);

  await page.context().addCookies([{ name: 'ree-locale', value: 'ja', url: baseURL ?? '' }]);
  await page.goto('/facilities?product=HREE&stage=separation');
  await expect(page.getByLabel('元素またはグループ')).toHaveValue('HREE');
  await expect(page.getByRole('list', { name: '工程' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
