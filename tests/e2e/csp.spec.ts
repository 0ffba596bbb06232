// The pages keep working under the strict CSP (issue #12, finding 14): no <style> or <script> without the
// request's nonce is needed anywhere, charts and the map included. Every violation the browser reports fails.
import { expect, test } from '@playwright/test';
import { watchCspViolations } from './page-checks';
import { PORTAL_PAGES } from './routes';

test('every portal page renders with no CSP violation, and inline styles need the nonce', async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto('/dashboard');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/style-src 'self' 'nonce-[^']+';/);
  expect(csp).not.toMatch(/style-src [^;]*'unsafe-inline'/);
  for (const path of PORTAL_PAGES) {
    await page.goto(path);
    await expect(page.locator('main h1, main .method-doc h1').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});

test("an address with no page answers 404 with the portal's page, no built-in inline style", async ({
  page,
}) => {
  const violations = await watchCspViolations(page);
  const response = await page.goto('/nope-404');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sign-in and sign-up render with no CSP violation', async ({ page }) => {
    const violations = await watchCspViolations(page);
    for (const path of ['/sign-in', '/sign-up', '/nope-404']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
    }
    expect(violations).toEqual([]);
  });
});
