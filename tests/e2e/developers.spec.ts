// Issue 15: the REST API through the portal's own origin, and its reference page rendered from the OpenAPI
// document (public, no CSP violation, no script from anywhere else).
import { expect, test } from '@playwright/test';
import { watchCspViolations } from './page-checks';

test('a signed-in analyst reads /api/v1 through the portal, with ETag and 304', async ({ page }) => {
  const response = await page.request.get('/api/v1/concentration?material=REE&stage=mining');
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.datasetVersion.label).toBeTruthy();
  expect(body.rows.length).toBeGreaterThan(3);
  const etag = response.headers().etag ?? '';
  expect(etag).toMatch(/^"/);
  const again = await page.request.get('/api/v1/concentration?material=REE&stage=mining', {
    headers: { 'if-none-match': etag },
  });
  expect(again.status()).toBe(304);
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('/api/v1 answers 401 with a problem document; the OpenAPI document is public', async ({ request }) => {
    const refused = await request.get('/api/v1/scores/explain?consumer=JPN', {
      headers: { authorization: 'Bearer not-a-real-token' },
    });
    expect(refused.status()).toBe(401);
    expect(refused.headers()['content-type']).toBe('application/problem+json');
    expect(refused.headers()['www-authenticate']).toMatch(/^Bearer/);
    const document = await request.get('/api/v1/openapi.json');
    expect((await document.json()).openapi).toBe('3.1.0');
  });

  test('the reference page lists every endpoint with an example, in English and Japanese', async ({
    page,
  }) => {
    const violations = await watchCspViolations(page);
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(new URL(page.url() || 'http://localhost').origin)) external.push(r.url());
    });
    await page.goto('/developers');
    await expect(page.getByRole('heading', { level: 1, name: 'Developers: the REST API' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'GET /api/v1/concentration' })).toBeVisible();
    await expect(
      page.getByText(/curl -H "Authorization: Bearer \$REE_TOKEN" .*\/api\/v1\/trade\?importer=JPN/),
    ).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    expect(external.filter((u) => !u.startsWith('http://localhost'))).toEqual([]);
    await page.context().addCookies([{ name: 'ree-locale', value: 'ja', url: page.url() }]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '開発者向け: REST API' })).toBeVisible();
  });
});
