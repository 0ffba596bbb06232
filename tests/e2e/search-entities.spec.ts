// Find and follow: the palette (Ctrl-K and "/", keyboard only), the no-script /search page, the chain element →
// facility → operator, and real 404s for unknown ids. Signed in as the setup project's analyst.
import { expect, test } from '@playwright/test';
import { ANALYSTS } from './analysts';
import { expectNoSeriousAxeViolations, shot } from './page-checks';

test('the palette opens on Ctrl-K and "/", and arrow + Enter opens a Lynas page', async ({
  page,
}, testInfo) => {
  await page.goto('/dashboard');
  // The palette listens once its script has loaded; a key pressed before that opens nothing.
  await page.waitForLoadState('networkidle');
  const opener = page.getByRole('link', { name: 'Elements' }).first();
  await opener.focus();

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search the portal' });
  const box = dialog.getByRole('combobox');
  await expect(box).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Focus goes back where it was.
  await expect(opener).toBeFocused();

  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('Lynas');
  const options = dialog.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(dialog.getByRole('option', { name: /Operator\s*Lynas Rare Earths/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, testInfo, 'search-palette');

  await page.keyboard.press('ArrowDown');
  const first = options.first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id')) ?? '');
  await page.keyboard.press('Enter');
  // The best match is the operator (entity pages before sources that match as well).
  await expect(page).toHaveURL(/\/operators\/lynas-rare-earths$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lynas Rare Earths');
});

test('follow the chain: element → facility → operator, each with sources', async ({ page }, testInfo) => {
  await page.goto('/search?q=Lynas');
  await expect(page.getByRole('link', { name: 'Lynas Rare Earths', exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.goto('/elements/Dy');
  await page
    .getByRole('link', { name: 'Lynas Malaysia heavy rare earth separation circuit' })
    .first()
    .click();
  await expect(page).toHaveURL(/\/facilities\/lynas-malaysia-hre-circuit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Lynas Malaysia heavy rare earth separation circuit',
  );
  await expect(page.getByText('Dataset version').first()).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('link', { name: 'Lynas Rare Earths' }).first().click();
  await expect(page).toHaveURL(/\/operators\/lynas-rare-earths$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lynas Rare Earths');
  await expect(page.getByRole('link', { name: 'Mount Weld mine and concentrator' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await shot(page, testInfo, 'operator-lynas');

  await page.getByRole('link', { name: 'JARE; Lynas' }).first().click();
  await expect(page).toHaveURL(/\/partnerships\/jare-lynas-2023$/);
  await expectNoSeriousAxeViolations(page);
});

test('without script, the header form lands on /search with links to pages', async ({ browser }) => {
  const context = await browser.newContext({ storageState: ANALYSTS.alice, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/dashboard');
  const form = page.getByRole('form', { name: 'Search' });
  await form.getByRole('searchbox').fill('Lynas');
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=Lynas$/);
  // (axe needs script: the same page is checked with it in the chain journey.)
  const operator = page.getByRole('link', { name: 'Lynas Rare Earths', exact: true });
  await expect(operator).toBeVisible();
  await operator.click();
  await expect(page).toHaveURL(/\/operators\/lynas-rare-earths$/);
  await context.close();
});

test('the pages in Japanese, and unknown ids are a real 404', async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: 'ree-locale', value: 'ja', url: baseURL ?? '' }]);
  await page.goto('/operators/lynas-rare-earths');
  await expect(page.getByText('事業者', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '提携' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  for (const url of [
    '/facilities/no-such-plant',
    '/operators/no-such-company',
    '/policies/no-such-policy',
    '/partnerships/no-such-deal',
    '/facilities/NOT%20AN%20ID',
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
});
