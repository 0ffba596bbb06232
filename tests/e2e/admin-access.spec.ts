// Who may open the admin pages, read from the HTTP status as well as the page (ASVS 8.2.1, 8.3.1): an admin gets
// 200, a signed-in analyst 403 with the "not allowed" page and no data, a visitor a redirect to sign-in. The status
// is only right if the admin check runs before the response starts streaming (app/admin/layout.tsx). Likewise an
// admin's unknown version or damaged diff link is a real 404, which no Suspense boundary above the page allows.
import { expect, test } from '@playwright/test';
import { ADMIN } from './analysts';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const NO_SUCH_OTHER = '00000000-0000-4000-8000-000000000001';

/** A diff link to one list of governance rows after `after`: a cursor, base64url JSON of key values. */
const diffListUrl = (from: string, to: string, after: string) =>
  `/admin/diff?from=${from}&to=${to}&entity=governance&kind=changed&after=${after}`;
const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** Every admin page, with ids that need not exist: the role check comes before any lookup. */
const ADMIN_PAGES = [
  '/admin',
  '/admin/users',
  '/admin/audit',
  '/admin/diff',
  `/admin/imports/${NO_SUCH_ID}`,
  `/admin/versions/${NO_SUCH_ID}`,
  `/admin/versions/${NO_SUCH_ID}/countries`,
  diffListUrl(NO_SUCH_ID, NO_SUCH_OTHER, cursorOf(['CHN', 1e20])),
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

test('data pages still stream behind the loading state (their own boundary, none above a layout)', async ({
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

test('an admin gets a real 404 for an unknown version or a damaged diff link, saying which', async ({
  browser,
}) => {
  const admin = await browser.newContext({ storageState: ADMIN.state });
  for (const url of [
    `/admin/versions/${NO_SUCH_ID}`,
    `/admin/versions/${NO_SUCH_ID}/countries`,
    `/admin/imports/${NO_SUCH_ID}`,
  ]) {
    const response = await admin.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(404);
    expect(await response.text(), url).toContain('Page not found');
  }
  const versions = await admin.request.get('/trpc/datasets.versions');
  expect(versions.status()).toBe(200);
  const current = (
    (await versions.json()) as { result: { data: { json: { id: string; isCurrent: boolean }[] } } }
  ).result.data.json.find((v) => v.isCurrent)?.id;
  expect(current).toEqual(expect.any(String));
  const id = current ?? '';
  const page = await admin.newPage();
  const cases: [string, string, RegExp][] = [
    [`/admin/diff?from=${NO_SUCH_ID}&to=${id}`, 'names a dataset version that does not exist', /\/admin$/],
    ['/admin/diff?from=not-a-version', 'does not name the two dataset versions', /\/admin$/],
    // Key values that do not fit governance's key (country, year): a year past 32 bits, text for the year, a NUL.
    ...[['CHN', 1e20], ['CHN', '2020'], ['C\u0000N', 2020], ['CHN']].map(
      (values): [string, string, RegExp] => [
        diffListUrl(id, id, cursorOf(values)),
        'This page link is damaged or belongs to another table',
        /entity=governance&kind=changed$/,
      ],
    ),
    [diffListUrl(id, id, 'bm90IGpzb24'), 'This page link is damaged', /kind=changed$/],
  ];
  for (const [url, message, backTo] of cases) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'These differences cannot be shown' }), url).toBeVisible();
    await expect(page.getByText(message), url).toBeVisible();
    const back = page.getByRole('link', { name: /Back to the first rows|Dataset versions/ }).first();
    expect(await back.getAttribute('href'), url).toMatch(backTo);
  }
  // The first rows of the list the damaged link was for do show: from there the admin can go on.
  await page.getByRole('link', { name: 'Back to the first rows' }).click();
  await expect(page.getByRole('heading', { name: /^Differences: / })).toBeVisible();
  // The query the not-found page reads is the proxy's: one the client sends is overwritten, not believed.
  const forged = await admin.request.get(`/admin/diff?from=${NO_SUCH_ID}&to=${id}`, {
    headers: { 'x-ree-query': `?${new URL(diffListUrl(id, id, 'x'), 'http://x').searchParams}` },
  });
  expect(forged.status()).toBe(404);
  const html = await forged.text();
  expect(html).toContain('names a dataset version that does not exist');
  expect(html).not.toContain('This page link is damaged');
  await admin.close();
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a visitor gets a 307 to sign-in, with the admin page asked for (and its query) as next', async ({
    page,
  }) => {
    for (const url of [
      '/admin',
      '/admin/users',
      diffListUrl(NO_SUCH_ID, NO_SUCH_OTHER, cursorOf(['CHN', 1e20])),
    ]) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(307);
      expect(response.headers().location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      await page.goto(url);
      await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    // A query the client claims in the proxy's header is not the one sent back to.
    const forged = await page.request.get('/admin/users', {
      maxRedirects: 0,
      headers: { 'x-ree-query': '?next=//evil.test' },
    });
    expect(forged.headers().location).toBe(`/sign-in?next=${encodeURIComponent('/admin/users')}`);
  });
});
