// First-load JavaScript per route: every script the server-rendered HTML references (shared chunks included),
// gzipped as a browser would receive it. Charts are lazy chunks loaded after the page and so not counted.
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { PORTAL_PAGES } from './routes';

const BUDGET_KB = 180;
const ROUTES = ['/sign-in', '/developers', ...PORTAL_PAGES];

test(`first-load JS per route stays within ${BUDGET_KB} kB gzip`, async ({ page }, testInfo) => {
  const sizes = new Map<string, number>();
  const rows: { route: string; scripts: number; kb: number }[] = [];
  for (const route of ROUTES) {
    const html = await (await page.request.get(route)).text();
    const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
    let bytes = 0;
    for (const src of new Set(sources)) {
      if (!sizes.has(src)) sizes.set(src, gzipSync(await (await page.request.get(src)).body()).length);
      bytes += sizes.get(src) ?? 0;
    }
    rows.push({ route, scripts: new Set(sources).size, kb: Math.round((bytes / 1024) * 10) / 10 });
  }
  const table = [
    'route | scripts | first-load JS (kB gzip)',
    ...rows.map((r) => `${r.route} | ${r.scripts} | ${r.kb}`),
  ].join('\n');
  console.log(table);
  await testInfo.attach('route-sizes', { body: table, contentType: 'text/plain' });
  for (const r of rows) expect(r.kb, r.route).toBeLessThanOrEqual(BUDGET_KB);
});
