// Issue 14, watchlists and alerts: an analyst watches the HHI of REE mining just above its current value; an admin
// publishes a version that raises it (China's 2025 mine output revised up); the analyst's header shows an unread
// alert and the alerts page says what crossed. The journey ends with the version that was current made current
// again, so the journeys after it see the data as it was.
import { expect, test } from '@playwright/test';
import { makeCurrentAgain, publishRevision } from './admin-versions';
import { ADMIN, ANALYSTS } from './analysts';
import { expectNoSeriousAxeViolations, shot } from './page-checks';

test.use({ storageState: ANALYSTS.bob });

const CSV = [
  'country,stage,material,year,quantity,unit,basis,projection,source_id,status',
  'CHN,mining,REE,2025,300000,t,REO,false,usgs-mcs-2026,estimated',
].join('\n');

test('an analyst’s watch is set off by an admin’s publish, and the alert shows in the portal', async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  // The HHI the portal shows now, read through the API with the analyst's session.
  const input = encodeURIComponent(JSON.stringify({ json: { material: 'REE', stage: 'mining' } }));
  const answer = await page.request.get(`/trpc/production.concentration?input=${input}`);
  expect(answer.ok()).toBe(true);
  const hhi: number = (await answer.json()).result.data.json.hhi;
  const threshold = Math.floor(hhi) + 1;

  await page.goto('/watches');
  await expect(page.getByRole('heading', { name: 'Watches and alerts' })).toBeVisible();
  await expect(page.getByTestId('email-unavailable')).toBeVisible();
  const form = page.getByRole('form', { name: 'New watch' });
  await expect(form.getByRole('button', { name: 'Add watch' })).toBeEnabled();
  await form.getByLabel('Watch for').selectOption('hhi_above');
  await form.getByLabel('Material').selectOption('REE');
  await form.getByLabel('Stage').selectOption('mining');
  await form.getByLabel('Threshold').fill(String(threshold));
  await form.getByRole('button', { name: 'Add watch' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Watch added: Production HHI REE mining above/);
  await expect(page.getByRole('cell', { name: /Production HHI REE mining above/ })).toBeVisible();
  await expect(page.getByTestId('alerts-unread')).toHaveCount(0);

  // The admin publishes a version with more Chinese mine output.
  const adminContext = await browser.newContext({ storageState: ADMIN.state });
  const admin = await adminContext.newPage();
  const label = `E2E watch ${Date.now()}`;
  const currentLabel = await publishRevision(admin, {
    label,
    csv: CSV,
    note: 'China 2025 mine output revised up',
  });

  // The check runs after the publish has answered: the analyst's header counts the alert once it is stored.
  await expect(async () => {
    await page.goto('/watches');
    await expect(page.getByTestId('alerts-unread')).toHaveText(/1/, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const alert = page.getByTestId('alerts').getByRole('listitem');
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText(
    /Production HHI REE mining 2025 rose above [\d,]+: [\d,]+ \(was [\d,]+\)/,
  );
  await expect(alert).toContainText(`Version ${label}`);
  await shot(page, testInfo, 'watch-alert');
  await expectNoSeriousAxeViolations(page);

  // At phone width, in both languages, with the panel loaded (it comes after the page), nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const locale of ['ja', 'en'] as const) {
    await page.context().addCookies([{ name: 'ree-locale', value: locale, url: page.url() }]);
    await page.reload();
    await expect(page.getByTestId('alerts')).toBeVisible();
    const { scroll, width } = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      width: document.documentElement.clientWidth,
    }));
    expect(scroll, locale).toBeLessThanOrEqual(width + 1);
    await expectNoSeriousAxeViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Read: the badge goes.
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByRole('status')).toHaveText('Marked 1 as read.');
  await page.reload();
  await expect(page.getByTestId('alerts-unread')).toHaveCount(0);

  // Delete the watch (with a confirmation) and put back the version that was current.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('You have no watches yet.')).toBeVisible();
  await makeCurrentAgain(admin, currentLabel);
  await adminContext.close();
});

test('the unsubscribe page needs no sign-in and refuses a link that was not signed', async ({ browser }) => {
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await visitor.newPage();
  await page.goto('/unsubscribe?token=u1.bm9ib2R5.not-a-valid-signature');
  await expect(page.getByRole('heading', { name: 'Stop alert e-mails' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop alert e-mails' })).toBeEnabled();
  await page.getByRole('button', { name: 'Stop alert e-mails' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not valid' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await visitor.close();
});
