import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';

// These journeys start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test('sign up → dashboard with a real figure → sign out → dashboard redirects to sign in', async ({
  page,
}) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);

  await page.getByRole('link', { name: 'Create one' }).click();
  await page.getByLabel('Name').fill('E2E Analyst');
  await page.getByLabel('Email').fill(`e2e-${randomUUID()}@test.ree.local`);
  await page.getByLabel('Password').fill('a sturdy passphrase for e2e');
  await page.getByRole('button', { name: 'Create an account' }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { name: 'Share of world mining of REE, 2025' })).toBeVisible();
  // USGS MCS 2026: China 270,000 t of 390,310 t (the countries listed plus other countries; the rounded world
  // total is 390,000 t) → 69.2 %.
  await expect(page.getByTestId('top-share')).toHaveText('69.2%');
  await expect(page.getByRole('link', { name: /Mineral Commodity Summaries 2026/ })).toBeVisible();
  await expect(page.getByText(/Dataset version: Reference/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdashboard/);
});

test('a wrong password is refused with a message, and the page stays on sign-in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('nobody@test.ree.local');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Invalid email or password')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

// Issue #12, finding 3: the URL parser drops tab, LF and CR, so "/\t/evil.test" is "//evil.test" to a browser.
test('signing in with a next that hides another site behind a tab stays on the portal', async ({
  page,
  request,
  baseURL,
}) => {
  const email = `redirect-${randomUUID()}@test.ree.local`;
  const password = 'a sturdy passphrase for e2e';
  const origin = new URL(baseURL ?? 'http://localhost:3100').origin;
  const signUp = await request.post('/api/auth/sign-up/email', {
    data: { email, password, name: 'Redirect test' },
    headers: { origin },
  });
  expect(signUp.ok()).toBe(true);
  await page.context().clearCookies();
  await page.goto('/sign-in?next=%2F%09%2Fevil.test%2Fphish');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${origin}/dashboard`);
});

test('pages carry a nonce-based CSP with frame-ancestors', async ({ page }) => {
  const response = await page.goto('/sign-in');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
});
