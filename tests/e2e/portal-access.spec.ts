// Who may open the signed-in data pages, read from the HTTP status as well as the page: a visitor gets a real 307
// to sign-in that comes back to the very page (query included), not a 200 page that redirects itself in the
// browser; an analyst gets 200; an unknown country, element or scenario is a real 404 with the not-found page.
// The statuses are only right if these checks run before the response starts streaming: the sign-in check is in
// app/(portal)/layout.tsx, and each page that looks an entity up does so before its own Suspense boundary.
import { expect, test } from '@playwright/test';
import { PORTAL_PAGES } from './routes';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Every (portal) page, some with a query the redirect must keep; ids need not exist (sign-in comes first). */
const EVERY_PORTAL_URL = [
  ...PORTAL_PAGES,
  '/dashboard?consumer=JPN&material=Dy',
  '/score?material=Tb&consumer=DEU',
  '/facilities?stage=separation&page=2',
  '/timeline?country=CHN',
  '/scenarios/new?consumer=JPN&material=Dy&stage=separation',
  `/scenarios/compare?id=${NO_SUCH_ID}&id=b`,
  `/scenarios/${NO_SUCH_ID}`,
  '/countries/XYZ',
  '/elements/Xx',
] as const;

/** Addresses a signed-in analyst may follow (an old link, a typo) that name nothing. */
const UNKNOWN_ENTITIES = [
  '/countries/XYZ',
  '/countries/chn',
  '/elements/Xx',
  '/elements/NdPrX',
  `/scenarios/${NO_SUCH_ID}`,
  '/scenarios/not-a-scenario-id',
  '/no-such-page',
] as const;

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a visitor gets a 307 to sign-in on every portal page, with the page and its query as next', async ({
    page,
  }) => {
    for (const url of EVERY_PORTAL_URL) {
      const response = await page.request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(307);
      expect(response.headers().location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    // In the browser too: it lands on sign-in in one step, and signing in would bring it back.
    const url = '/score?material=Tb&consumer=DEU';
    const response = await page.goto(url);
    expect(response?.request().redirectedFrom()?.url()).toContain(url);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(url)}`);
    // A query the client claims in the proxy's header is not the one sent back to.
    const forged = await page.request.get('/claims', {
      maxRedirects: 0,
      headers: { 'x-ree-query': '?next=//evil.test', 'x-ree-path': '//evil.test' },
    });
    expect(forged.headers().location).toBe(`/sign-in?next=${encodeURIComponent('/claims')}`);
  });
});

test('a signed-in analyst gets 200 on every portal page', async ({ page }) => {
  for (const url of EVERY_PORTAL_URL.filter((u) => !(UNKNOWN_ENTITIES as readonly string[]).includes(u))) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    expect(await response.text(), url).not.toContain('<h1>Page not found</h1>');
  }
  // A saved scenario's own page, and the known entities' pages with what they show.
  await page.goto('/scenarios/new?consumer=JPN&material=Dy&stage=separation');
  await page.getByLabel('Name').fill('Status check');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
  const known: [string, string][] = [
    [new URL(page.url()).pathname, 'Status check'],
    ['/countries/CHN', 'China'],
    ['/elements/Dy', 'Dy — Dysprosium'],
  ];
  for (const [url, text] of known) {
    const response = await page.request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(200);
    expect(await response.text(), url).toContain(text);
  }
});

test('an unknown country, element or scenario is a real 404 with the not-found page', async ({ page }) => {
  for (const url of UNKNOWN_ENTITIES) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' }), url).toBeVisible();
    await expect(page.getByText('Loading the data…'), url).toHaveCount(0);
  }
});

test('the data pages still stream behind a loading state, an entity page below its look-up', async ({
  page,
}) => {
  const dashboard = await page.request.get('/dashboard');
  expect(dashboard.status()).toBe(200);
  const html = await dashboard.text();
  expect(html).toContain('Loading the data…');
  expect(html).toContain('Share of world mining of REE, 2025');
  // The country's heading is sent before the loading state of its facilities and events, not after it.
  const country = await (await page.request.get('/countries/CHN')).text();
  expect(country.indexOf('Loading the data…')).toBeGreaterThan(country.indexOf('<h1>China</h1>'));
  expect(country.indexOf('<h1>China</h1>')).toBeGreaterThan(-1);
});
