// A chart's data by URL, as an analyst takes it elsewhere: the figure's "Data (CSV)" and "Metadata (JSON)" links
// carry the view's parameters; data.csv is clean and metadata.json names the sources with their licences. The
// published version in bulk comes from the downloads page, without the withheld price assessments.
import { expect, test } from '@playwright/test';

test("the world map's data.csv and metadata.json follow the view and name their sources", async ({
  page,
}) => {
  await page.goto('/dashboard?material=Dy&stage=separation');
  const map = page.getByRole('figure', { name: /Dy/ }).filter({ has: page.locator('#world-map-chart') });
  const csvLink = map.getByRole('link', { name: 'Data (CSV)' });
  const metaLink = map.getByRole('link', { name: 'Metadata (JSON)' });
  const csvHref = (await csvLink.getAttribute('href')) ?? '';
  expect(csvHref).toMatch(/^\/charts\/world-map\/data\.csv\?material=Dy&stage=separation&year=\d{4}$/);
  expect(await metaLink.getAttribute('href')).toBe(csvHref.replace('data.csv', 'metadata.json'));

  // The page's own request context: signed in as the analyst, like a click would be.
  const csv = await page.request.get(csvHref);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  const lines = (await csv.text()).trimEnd().split('\n');
  expect(lines[0]).toBe('country,name,value,share,basis,material_used,year_used');
  expect(lines.some((l) => l.startsWith('#'))).toBe(false);
  expect(lines.length).toBeGreaterThan(1);

  const meta = await page.request.get(csvHref.replace('data.csv', 'metadata.json'));
  expect(meta.status()).toBe(200);
  const metadata = (await meta.json()) as {
    title: string;
    datasetVersion: { label: string };
    citation: string;
    sources: { id: string; licence: string | null; accessedOn: string | null }[];
    withheld: unknown[];
    processingNotes: string[];
  };
  expect(metadata.title).toContain('Dy');
  expect(metadata.citation).toContain(metadata.datasetVersion.label);
  expect(metadata.sources.length).toBeGreaterThan(0);
  for (const s of metadata.sources) {
    expect(s.licence, s.id).toBeTruthy();
    expect(s.accessedOn, s.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
  expect(metadata.withheld).toEqual([]);
  expect(metadata.processingNotes.length).toBeGreaterThan(0);
});

test('a bad chart parameter is a 400 that says what is wrong; signed out is a 401', async ({
  page,
  browser,
}) => {
  const bad = await page.request.get('/charts/world-map/data.csv?material=Xx&colour=red');
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toMatch(/unknown parameter\(s\) colour|material/);
  const scoreCsv = await page.request.get('/charts/score/data.csv?consumer=JPN&material=Dy&stage=separation');
  expect(scoreCsv.status()).toBe(200);
  expect((await scoreCsv.text()).split('\n')[0]).toBe(
    'component,risk,weight,quality,points,max_points,source_ids',
  );
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const refused = await anonymous.request.get('/charts/world-map/data.csv');
  expect(refused.status()).toBe(401);
  await anonymous.close();
});

test('an analyst downloads the published version in bulk from the downloads page', async ({ page }) => {
  await page.goto('/downloads');
  const link = page.getByRole('link', { name: 'Download ZIP' }).first();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/files\/published\/[0-9a-f-]{36}\.zip$/);
  const zip = await page.request.get(href);
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-type']).toBe('application/zip');
  const body = await zip.body();
  expect(body.subarray(0, 2).toString()).toBe('PK');
});
