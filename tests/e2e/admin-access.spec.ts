// Who may open the admin pages, read from the HTTP status as well as the page (ASVS 8.2.1, 8.3.1): an admin gets
// 200, a signed-in analyst 403 with the "not allowed" page and no data, a visitor a redirect to sign-in. The status
// is only right if the admin check runs before the response starts streaming (app/admin/layout.tsx).
import { expect, test } from '@playwright/test';
import { ADMIN } from './analysts';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Every admin page, with ids that need not exist: the role check comes before any lookup. */
const ADMIN_PAGES = [
  '/admin',
  '/admin/users',
  '/admin/audit',
  '/admin/diff',
  `/admin/imports/${NO_SUCH_ID}`,
  `/admin/versions/${NO_SUCH_ID}`,
  `/admin/versions/${NO_SUCH_ID}/countries`,
] as const;

test('a signed-in analyst gets 403 and the "not allowed" page on every admin page', async ({ page }) => {
  for (const url of ADMIN_PAGES) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
    await expect(page.getByRole('heading', { name: 'You are not allowed to see this page.' })).toBeVisible();
    await expect(page.getByText('Dataset versions')).toHaveCount(0);
  }
  // The file routes answer the API's refusal as it is.
  const exported = await page.request.get(`/files/export/${NO_SUCH_ID}`);
  expect(exported.status()).toBe(403);
  const audit = await page.request.get('/files/audit.csv');
  expect(audit.status()).toBe(403);
});

test('data pages still stream behind the loading state (it moved from the app root to the (portal) group)', async ({
  page,
}) => {
  const response = await page.request.get('/dashboard');
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain('Loading the data…');
  expect(html).toContain('Share of world mining of REE, 2025');
});

test('an admin gets 200 on the admin pages', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: ADMIN.state });
  for (const [url, heading] of [
    ['/admin', 'Dataset versions'],
    ['/admin/users', '<h1>Users</h1>'],
    ['/admin/audit', '<h1>Audit log</h1>'],
  ] as const) {
    const response = await admin.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    expect(await response.text(), url).toContain(heading);
  }
  await admin.close();
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a visitor gets a 307 to sign-in, with the admin page asked for as next', async ({ page }) => {
    for (const url of ['/admin', '/admin/users']) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(307);
      expect(response.headers().location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      await page.goto(url);
      await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(url)}`);
    }
  });
});
